// A profile (CONTRACT.md section 1), parsed and checked against the rules: the service, the date
// of evaluation and the answers so far, each answer already turned into a fact slot's integer.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>

#include "eligibility/civil_date.hpp"
#include "eligibility/error.hpp"
#include "eligibility/limits.hpp"
#include "eligibility/ruleset.hpp"

namespace eligibility {

struct Profile {
    const Service* service = nullptr;
    CivilDate as_of;
    std::array<int64_t, limits::kFactsPerService> values{};  // by fact slot
    uint64_t known = 0;                                      // bit i: fact i was answered
    // Where each answered fact appeared in the input, so that errors about facts (inconsistent
    // ones, found only when evaluating) can be reported in document order.
    std::array<uint32_t, limits::kFactsPerService> position{};

    bool has(size_t fact) const { return known >> fact & 1; }
    void set(size_t fact, int64_t value, uint32_t at = 0) {
        values[fact] = value;
        known |= uint64_t{1} << fact;
        position[fact] = at;
    }
};

// Reads and validates profile JSON. `default_as_of` is used when the profile gives no as_of.
// Returns the errors (empty on success), in the order they occur in the input.
Errors parse_profile(std::string_view json, const RuleSet& rules, CivilDate default_as_of, Profile& out);

// The same, for profiles read one after another (an engine's): it keeps its working memory (where
// in the document it is, the keys each object has seen) between profiles, so that reading one
// allocates nothing once a profile of its shape has been read.
class ProfileParser {
public:
    ProfileParser();
    ~ProfileParser();
    ProfileParser(ProfileParser&&) noexcept;
    ProfileParser& operator=(ProfileParser&&) noexcept;

    Errors parse(std::string_view json, const RuleSet& rules, CivilDate default_as_of, Profile& out);

private:
    struct Buffers;
    std::unique_ptr<Buffers> buffers_;
};

}  // namespace eligibility
