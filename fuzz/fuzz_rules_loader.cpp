// libFuzzer target: the rules loader. Any bytes, as a whole bundle or (when the input starts with
// an odd byte, so that both paths get inputs without parsing the large default bundle every time)
// as one service document placed in the default bundle. The loader must answer every input with a
// RuleSet or errors: never crash, hang, leak, or hand out a RuleSet along with errors.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "default_rules.hpp"
#include "eligibility/rules_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool as_document = size > 0 && (data[0] & 1);
    const auto result = as_document ? eligibility::load_rules_document(eligibility::embedded::default_rules(), text)
                                    : eligibility::load_rules(text);
    // Exactly one of: a rule set, or errors — never half of each.
    if ((result.rules != nullptr) == !result.errors.empty()) __builtin_trap();
    for (const auto& e : result.errors) {
        if (e.code != eligibility::ErrorCode::invalid_rules || e.message.empty()) __builtin_trap();
    }
    return 0;
}
