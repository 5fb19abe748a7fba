#include "eligibility/error.hpp"

#include <string>

namespace eligibility {

const char* error_code_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::invalid_json: return "invalid_json";
        case ErrorCode::unknown_service: return "unknown_service";
        case ErrorCode::unknown_fact: return "unknown_fact";
        case ErrorCode::wrong_type: return "wrong_type";
        case ErrorCode::out_of_range: return "out_of_range";
        case ErrorCode::invalid_date: return "invalid_date";
        case ErrorCode::unknown_country: return "unknown_country";
        case ErrorCode::not_an_option: return "not_an_option";
        case ErrorCode::inconsistent: return "inconsistent";
        case ErrorCode::input_too_large: return "input_too_large";
        case ErrorCode::required: return "required";
        case ErrorCode::unknown_field: return "unknown_field";
        case ErrorCode::duplicate_key: return "duplicate_key";
        case ErrorCode::invalid_rules: return "invalid_rules";
        case ErrorCode::service_not_loaded: return "service_not_loaded";
    }
    return "invalid_json";
}

void append_pointer_token(std::string& pointer, std::string_view token) {
    pointer.push_back('/');
    for (char c : token) {
        if (c == '~') pointer += "~0";
        else if (c == '/') pointer += "~1";
        else pointer.push_back(c);
    }
}

std::string pointer_join(std::string_view pointer, std::string_view token) {
    std::string out(pointer);
    append_pointer_token(out, token);
    return out;
}

std::string pointer_join(std::string_view pointer, size_t index) {
    std::string out(pointer);
    out.push_back('/');
    out += std::to_string(index);
    return out;
}

}  // namespace eligibility
