// Renders the JSON of every record that does not depend on the profile (ids, citations, titles),
// once per service, on first use (Service::ensure_fragments). A decision tape names these
// fragments by number (decision_layout.cpp places them); the JSON text and the JavaScript API copy
// them back (decision_writer.cpp, wasm/js/decision-tape.mjs).
#pragma once

#include "eligibility/ruleset.hpp"

namespace eligibility::detail {

// Every record's JSON, through Service::ensure_fragments().
void render_fragments(Service& service);

}  // namespace eligibility::detail
