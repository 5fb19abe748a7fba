// Reading the CLI's inputs with the same bounds the engine enforces, so that a huge stdin or a
// runaway line cannot exhaust memory before the engine gets to say input_too_large.
#pragma once

#include <cstdio>
#include <optional>
#include <string>

#include "eligibility/civil_date.hpp"

namespace eligibility::cli {

// Reads all of `in`, keeping at most `limit` + 1 bytes (enough to tell that it was too large).
std::string read_bounded(std::FILE* in, std::size_t limit);

// Reads one line (without its newline) keeping at most `limit` + 1 bytes; the rest of an
// over-long line is skipped. False at end of input.
bool read_line_bounded(std::FILE* in, std::size_t limit, std::string& line);

// A whole file, or nullopt if it cannot be read.
std::optional<std::string> read_file(const std::string& path, std::size_t limit);

// Today's date in UTC: the CLI's default as_of (CONTRACT.md section 1).
CivilDate today_utc();

}  // namespace eligibility::cli
