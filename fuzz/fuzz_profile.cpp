// libFuzzer target: any bytes as a profile, through the same JSON-in/JSON-out path as the CLI and
// the browser, with the default rules. The answer must always be JSON, the same bytes twice, and
// an error exactly when the status says so.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "default_rules.hpp"
#include "eligibility/engine.hpp"

namespace {
eligibility::Engine& engine() {
    static eligibility::Errors errors;
    static eligibility::Engine e = *eligibility::Engine::load(eligibility::embedded::default_rules(), errors);
    return e;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    eligibility::EvalOptions options;
    options.default_as_of = *eligibility::CivilDate::parse("2026-11-21");
    options.lang = static_cast<eligibility::Lang>(size % 3);
    const auto first = engine().evaluate(text, options);
    const auto second = engine().evaluate(text, options);
    if (first.json != second.json || first.status != second.status) __builtin_trap();
    const auto parsed = nlohmann::json::parse(first.json, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) __builtin_trap();
    if ((parsed["status"] == "error") != (first.status == eligibility::Status::error)) __builtin_trap();
    const auto questions = engine().questions(text, options);
    if (nlohmann::json::parse(questions.json, nullptr, false).is_discarded()) __builtin_trap();
    return 0;
}
