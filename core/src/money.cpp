#include "eligibility/money.hpp"

#include <limits>

namespace eligibility {

std::optional<Currency> Currency::parse(std::string_view text) {
    if (text.size() != 3) return std::nullopt;
    Currency c;
    for (size_t i = 0; i < 3; ++i) {
        if (text[i] < 'A' || text[i] > 'Z') return std::nullopt;
        c.code[i] = text[i];
    }
    return c;
}

bool add_money(Money& a, const Money& b) {
    if (a.currency != b.currency) return false;
    if (b.amount_minor > 0 && a.amount_minor > std::numeric_limits<int64_t>::max() - b.amount_minor) return false;
    if (b.amount_minor < 0 && a.amount_minor < std::numeric_limits<int64_t>::min() - b.amount_minor) return false;
    a.amount_minor += b.amount_minor;
    return true;
}

}  // namespace eligibility
