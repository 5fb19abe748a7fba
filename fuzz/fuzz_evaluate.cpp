// libFuzzer target: evaluation over the default rules with valid profiles. Random bytes rarely
// make a valid profile, so this target builds one from them: a service, a date, and for each fact
// whether it is answered and with which valid value. This drives the evaluator, the condition
// language and the writer through combinations no golden case lists. Invariants: the decision is
// JSON, deterministic, and `missing` only names facts that were not answered.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "default_rules.hpp"
#include "eligibility/engine.hpp"

namespace {

eligibility::Engine& engine() {
    static eligibility::Errors errors;
    static eligibility::Engine e = *eligibility::Engine::load(eligibility::embedded::default_rules(), errors);
    return e;
}

class Bytes {
public:
    Bytes(const uint8_t* data, size_t size) : data_(data), size_(size) {}
    uint32_t take(uint32_t bound) {  // a number in [0, bound)
        uint32_t v = 0;
        for (int i = 0; i < 3 && pos_ < size_; ++i) v = (v << 8) | data_[pos_++];
        return bound ? v % bound : 0;
    }

private:
    const uint8_t* data_;
    size_t size_;
    size_t pos_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Bytes in(data, size);
    const auto& rules = engine().rules();
    const auto& service = *rules.services[in.take(static_cast<uint32_t>(rules.services.size()))];
    const auto as_of = eligibility::CivilDate::from_days(static_cast<int32_t>(17000 + in.take(6000)));  // 2016..2032
    nlohmann::json profile = {{"service", service.id}, {"as_of", as_of.to_string()}, {"facts", nlohmann::json::object()}};
    auto& facts = profile["facts"];
    for (const auto& f : service.facts) {
        if (in.take(3) == 0) continue;  // left unanswered
        switch (f.kind) {
            case eligibility::ValueKind::boolean: facts[f.id] = in.take(2) == 1; break;
            case eligibility::ValueKind::integer: {
                const int64_t span = f.max - f.min;
                facts[f.id] = f.min + static_cast<int64_t>(in.take(static_cast<uint32_t>(span < 200 ? span + 1 : 200)));
                break;
            }
            case eligibility::ValueKind::date:
                facts[f.id] = as_of.add_days(static_cast<int64_t>(in.take(8000)) - 4000).to_string();
                break;
            case eligibility::ValueKind::enumeration:
                facts[f.id] = f.options[in.take(static_cast<uint32_t>(f.options.size()))].value;
                break;
            case eligibility::ValueKind::country: {
                const uint32_t n = static_cast<uint32_t>(rules.countries.size() + f.special.size());
                const uint32_t pick = in.take(n);
                if (pick < rules.countries.size()) {
                    const auto& c = rules.countries[pick].code;
                    const std::string code(c.data(), 2);
                    if (std::binary_search(f.excluded.begin(), f.excluded.end(), eligibility::country_value(c[0], c[1]))) break;
                    facts[f.id] = code;
                } else {
                    facts[f.id] = f.special[pick - rules.countries.size()].value;
                }
                break;
            }
        }
    }
    const std::string text = profile.dump();
    eligibility::EvalOptions options;
    options.default_as_of = as_of;
    options.lang = static_cast<eligibility::Lang>(in.take(3));
    const auto result = engine().evaluate(text, options);
    if (engine().evaluate(text, options).json != result.json) __builtin_trap();
    const auto decision = nlohmann::json::parse(result.json, nullptr, false);
    if (decision.is_discarded()) __builtin_trap();
    if (result.status == eligibility::Status::error) {
        // Only the rules' own constraints may refuse a profile built from valid values.
        for (const auto& e : decision["errors"]) {
            if (e["code"] != "inconsistent") __builtin_trap();
        }
        return 0;
    }
    for (const auto& m : decision["missing"]) {
        if (facts.contains(m.get<std::string>())) __builtin_trap();  // an answered fact is never asked again
    }
    if ((result.status == eligibility::Status::decided) != decision["missing"].empty()) __builtin_trap();
    return 0;
}
