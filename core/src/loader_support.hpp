// Shared by the rules loader and the condition compiler: error collection, the lookups a service
// builds up as it loads, and small helpers for reading an nlohmann DOM without ever throwing.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "eligibility/error.hpp"
#include "eligibility/limits.hpp"
#include "eligibility/ruleset.hpp"

namespace eligibility::detail {

using nlohmann::json;

// Collects invalid_rules errors, up to the limit; finish() then tells on the last one how many
// more were found.
class Diagnostics {
public:
    explicit Diagnostics(Errors& errors) : errors_(errors) {}
    // Always returns false, so that `return diag.error(...)` reads naturally.
    bool error(const std::string& path, std::string message);
    bool any() const { return !errors_.empty(); }
    // All errors found, including those not kept.
    size_t count() const { return errors_.size() + dropped_; }
    void finish();

private:
    Errors& errors_;
    size_t dropped_ = 0;
};

// What a service has declared so far, by name, for the condition compiler to resolve.
struct ServiceIndex {
    std::map<std::string, uint16_t, std::less<>> facts;
    std::map<std::string, uint32_t, std::less<>> lists;
    std::map<std::string, std::vector<uint32_t>, std::less<>> verdict_codes;  // code -> records
    std::map<std::string, std::vector<uint32_t>, std::less<>> verdict_ids;    // id -> records
    struct VerdictOutput {
        ValueType type;
        std::vector<int64_t> index_by_verdict;  // output index in each verdict record, or -1
        uint32_t table = 0;                     // offset of index_by_verdict in set_values
        bool placed = false;
    };
    std::map<std::string, VerdictOutput, std::less<>> verdict_outputs;
    std::map<std::string, std::vector<uint32_t>, std::less<>> fee_groups;     // fee id -> groups
};

// What a condition may refer to, by section (rules-format.md section 4).
enum class Scope : uint8_t {
    facts_only,   // constraints
    verdict,      // verdicts, their channels and outputs
    fees,         // fees and waivers: may ask about the verdict and channels
    items,        // documents, checks, deadlines, notices: may also ask what is payable
};

const json* member(const json& object, std::string_view key);
bool is_identifier(std::string_view s);
std::string in_quotes(std::string_view s);  // for messages: "…" with long text cut
std::string json_type_name(const json& j);

// Reads an integer that fits in int64; false for floats, non-numbers and huge unsigned values.
bool as_int64(const json& j, int64_t& out);

}  // namespace eligibility::detail
