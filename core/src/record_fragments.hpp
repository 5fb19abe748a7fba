// Renders the JSON of every record that does not depend on the profile (ids, citations, titles),
// once, when the rules are loaded; the decision writer then copies it (docs/contract.md fixes
// the layout, decision_writer.cpp the order in which fragments are placed).
#pragma once

#include "eligibility/ruleset.hpp"

namespace eligibility::detail {

void render_fragments(Service& service);

}  // namespace eligibility::detail
