#include "eligibility/rules_document.hpp"

#include <nlohmann/json.hpp>

#include "eligibility/limits.hpp"

namespace eligibility {

ComposedRules compose_rules(std::string_view base_bundle, std::string_view document) {
    using ordered = nlohmann::ordered_json;
    // Anything unusual goes to the loader as it is: it reports every problem with a path.
    if (document.size() > limits::kRulesBytes) return {std::string(document), ""};
    ordered doc = ordered::parse(document, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("service") || doc.contains("services")) {
        return {std::string(document), ""};
    }
    ordered bundle = ordered::parse(base_bundle, nullptr, false);
    if (bundle.is_discarded() || !bundle.is_object() || !bundle.contains("services") || !bundle["services"].is_array()) {
        return {std::string(document), ""};
    }
    auto& services = bundle["services"];
    size_t index = services.size();
    for (size_t i = 0; i < services.size(); ++i) {
        const auto& s = services[i];
        if (s.is_object() && s.contains("service") && s["service"] == doc["service"]) index = i;
    }
    if (index == services.size()) services.push_back(std::move(doc));
    else services[index] = std::move(doc);
    return {bundle.dump(), "/services/" + std::to_string(index)};
}

void strip_service_prefix(const ComposedRules& composed, std::string& path) {
    const std::string& prefix = composed.service_prefix;
    if (prefix.empty()) return;
    if (path.compare(0, prefix.size(), prefix) == 0 && (path.size() == prefix.size() || path[prefix.size()] == '/')) {
        path.erase(0, prefix.size());
    }
}

}  // namespace eligibility
