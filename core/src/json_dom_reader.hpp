// Reads JSON text into an nlohmann DOM, stricter than nlohmann's own parse: repeated keys,
// excessive nesting and over-long strings are refused, each with the JSON Pointer where it
// occurs, and nothing is thrown. Used for rules files, where the whole document is needed. The
// text is read by the engine's own scanner (json_scanner.hpp), not by nlohmann's parser.
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

// On failure returns false, appends one error (with `code`) and leaves `out` unspecified. Whole
// numbers keep their value (beyond 64 bits signed: unsigned up to 2^64 - 1, as nlohmann reads
// them); numbers with a fraction or an exponent, which rules never accept, are read as the
// floating-point 0: their type is all the loader reports about them.
bool read_json_dom(std::string_view text, const DomLimits& limits, ErrorCode code,
                   nlohmann::json& out, Errors& errors);

}  // namespace eligibility::detail
