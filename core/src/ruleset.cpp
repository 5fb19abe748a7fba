#include "eligibility/ruleset.hpp"

#include <algorithm>
#include <vector>

namespace eligibility {

const char* confidence_name(Confidence c) {
    switch (c) {
        case Confidence::official: return "official";
        case Confidence::official_via_press: return "official_via_press";
        case Confidence::secondary: return "secondary";
        case Confidence::conflicting: return "conflicting";
    }
    return "official";
}

int64_t country_value(char a, char b) { return int64_t{a - 'A'} * 26 + (b - 'A'); }

bool is_alpha2(std::string_view s) {
    return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

int Service::fact_index(std::string_view fact_id) const {
    for (size_t i = 0; i < facts.size(); ++i) {
        if (facts[i].id == fact_id) return static_cast<int>(i);
    }
    return -1;
}

void RuleSet::put_service(std::shared_ptr<const Service> service) {
    services.erase(std::remove_if(services.begin(), services.end(),
                                  [&](const auto& existing) { return existing->id == service->id; }),
                   services.end());
    services.push_back(std::move(service));
}

const Service* RuleSet::find_service(std::string_view service_id) const {
    for (const auto& s : services) {
        if (s->id == service_id) return s.get();
    }
    return nullptr;
}

const CatalogueEntry* RuleSet::find_catalogued(std::string_view service_id) const {
    for (const CatalogueEntry& e : catalogue) {
        if (e.id == service_id) return &e;
    }
    return nullptr;
}

const Country* RuleSet::find_country(int64_t value) const {
    // Countries are sorted by code, and code order is value order.
    const auto it = std::lower_bound(countries.begin(), countries.end(), value, [](const Country& c, int64_t v) {
        return country_value(c.code[0], c.code[1]) < v;
    });
    if (it == countries.end() || country_value(it->code[0], it->code[1]) != value) return nullptr;
    return &*it;
}

std::optional<int64_t> RuleSet::country_code_value(std::string_view code) const {
    if (!is_alpha2(code)) return std::nullopt;
    const int64_t value = country_value(code[0], code[1]);
    if (!find_country(value)) return std::nullopt;
    return value;
}

std::optional<Lang> parse_lang(std::string_view code) {
    for (size_t i = 0; i < kLangCodes.size(); ++i) {
        if (code == kLangCodes[i]) return static_cast<Lang>(i);
    }
    return std::nullopt;
}

std::string lang_list(LangSet langs) {
    std::vector<const char*> codes;
    for (size_t i = 0; i < kLangCodes.size(); ++i) {
        if (langs & lang_bit(static_cast<Lang>(i))) codes.push_back(kLangCodes[i]);
    }
    std::string out;
    for (size_t i = 0; i < codes.size(); ++i) {
        if (i > 0) out += i + 1 == codes.size() ? " and " : ", ";
        out += codes[i];
    }
    return out;
}

}  // namespace eligibility
