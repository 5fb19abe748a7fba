// Loading a rules bundle: validate everything, then compile. Either the whole RuleSet or a list of
// errors with JSON Pointer paths into the file; never half a rule set.
#pragma once

#include <memory>
#include <string_view>

#include "eligibility/error.hpp"
#include "eligibility/ruleset.hpp"

namespace eligibility {

struct LoadResult {
    std::shared_ptr<const RuleSet> rules;  // null when errors is not empty
    Errors errors;                         // code invalid_rules
    bool ok() const { return rules != nullptr; }
};

LoadResult load_rules(std::string_view bundle_json);

// A rules document is a whole bundle, or one service document (what authors edit in
// data/services/, and what a mission may publish to change one service). A service document is
// loaded inside `base_bundle`, replacing the service with the same id (or added to it); error
// paths then point into the service document.
LoadResult load_rules_document(std::string_view base_bundle, std::string_view document);

// Rule packs: `base` with one service document added (or put in place of the service with the
// same id). The service must be in base's catalogue, and a "version" in the document must be
// base's version. Every other service is shared, not copied; errors point into the document.
LoadResult add_service(const RuleSet& base, std::string_view service_document);

// The service ids of CONTRACT.md section 4, in its order.
inline constexpr const char* kServiceIds[] = {
    "visa", "invitation", "registration", "stay_extension", "temporary_residence",
    "permanent_residence", "work_permit", "refugee_status", "citizenship_affiliation",
    "citizenship_acquire", "citizenship_restore", "citizenship_revoke", "passport", "appointment",
};

}  // namespace eligibility
