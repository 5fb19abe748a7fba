// The contract's error object: a JSON Pointer path, a stable code, and a message for people.
#pragma once

#include <string>
#include <vector>

namespace eligibility {

// Stable error codes (CONTRACT.md section 3, plus the extensions in docs/contract.md).
enum class ErrorCode {
    invalid_json,
    unknown_service,
    unknown_fact,
    wrong_type,
    out_of_range,
    invalid_date,
    unknown_country,
    not_an_option,
    inconsistent,
    input_too_large,
    required,
    unknown_field,
    duplicate_key,
    invalid_rules,
    service_not_loaded,
};

const char* error_code_name(ErrorCode code);

struct Error {
    std::string path;  // JSON Pointer into the input ("" is the whole document)
    ErrorCode code;
    std::string message;
};

using Errors = std::vector<Error>;

// Appends one reference token to a JSON Pointer, escaping '~' and '/' (RFC 6901).
void append_pointer_token(std::string& pointer, std::string_view token);
std::string pointer_join(std::string_view pointer, std::string_view token);
std::string pointer_join(std::string_view pointer, size_t index);

}  // namespace eligibility
