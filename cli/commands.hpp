// The CLI's commands (CONTRACT.md section 5), each returning the process exit code.
#pragma once

#include <optional>
#include <string>

#include "eligibility/civil_date.hpp"
#include "eligibility/text.hpp"

namespace eligibility::cli {

// Exit codes (docs/contract.md section 4).
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitInputError = 2;
inline constexpr int kExitRulesInvalid = 3;
inline constexpr int kExitUnreadable = 4;

struct Options {
    std::string command;
    std::optional<std::string> rules_path;  // --rules: a bundle, or one service document
    std::optional<CivilDate> date;          // --date: as_of when the profile has none
    std::optional<Lang> lang;               // --lang
    std::string argument;                   // validate-rules FILE, facts SERVICE
};

int run_evaluate(const Options& o);
int run_batch(const Options& o);
int run_questions(const Options& o);
int run_facts(const Options& o);
int run_services(const Options& o);
int run_validate_rules(const Options& o);

}  // namespace eligibility::cli
