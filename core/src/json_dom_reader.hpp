// Reads JSON text into an nlohmann DOM, stricter than nlohmann's own parse: repeated keys,
// excessive nesting and over-long strings are refused, each with the JSON Pointer where it
// occurs, and nothing is thrown. Used for rules files, where the whole document is needed.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "eligibility/error.hpp"

namespace eligibility::detail {

struct DomLimits {
    size_t max_bytes;
    size_t max_depth;
    size_t max_string;
};

// On failure returns false, appends one error (with `code`) and leaves `out` unspecified.
bool read_json_dom(std::string_view text, const DomLimits& limits, ErrorCode code,
                   nlohmann::json& out, Errors& errors);

// "not valid JSON at byte 17 (line 2, column 5): …" from nlohmann's parse error.
std::string describe_parse_error(size_t position, const std::string& what);

}  // namespace eligibility::detail
