// Renders the JSON of every record that does not depend on the profile (ids, citations, titles),
// once, when the rules are loaded; the decision writer then copies it (docs/contract.md fixes
// the layout, decision_writer.cpp the order in which fragments are placed).
#pragma once

#include "eligibility/ruleset.hpp"

namespace eligibility::detail {

// Each fact's id as a JSON string (FactDef::json_id), at load.
void render_fact_ids(Service& service);
// Every record's JSON, through Service::ensure_fragments().
void render_fragments(Service& service);

}  // namespace eligibility::detail
