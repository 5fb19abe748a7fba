// The evaluator: profile + rules -> decision (docs/contract.md section 2 gives the semantics).
#pragma once

#include "eligibility/decision.hpp"
#include "eligibility/profile.hpp"
#include "eligibility/ruleset.hpp"

namespace eligibility {

// Evaluates a parsed profile. `profile.service` must belong to `rules`. Reuses `out`'s storage.
void evaluate(const RuleSet& rules, const Profile& profile, Decision& out);

}  // namespace eligibility
