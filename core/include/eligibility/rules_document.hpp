// A rules document is either a whole bundle or one service document (what authors edit in
// data/services/, and what a mission may publish to change one service). A service document is
// run inside a base bundle, replacing the service with the same id (or added to it).
#pragma once

#include <string>
#include <string_view>

namespace eligibility {

struct ComposedRules {
    std::string bundle;          // the text to load
    std::string service_prefix;  // "/services/N" when a service document was placed, else empty
};

// If `document` is a JSON object with a "service" key (and no "services"), returns `base_bundle`
// with that service put in; otherwise returns `document` unchanged, for the loader to judge.
ComposedRules compose_rules(std::string_view base_bundle, std::string_view document);

// Rewrites paths of loader errors for a composed bundle back into the service document.
void strip_service_prefix(const ComposedRules& composed, std::string& path);

}  // namespace eligibility
