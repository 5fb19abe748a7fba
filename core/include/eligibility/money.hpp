// Money as an integer number of minor units with an ISO 4217 currency code.
// Floats never hold money: 20.00 US dollars is {2000, "USD"}.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace eligibility {

struct Currency {
    std::array<char, 3> code{};  // three capital letters

    // Accepts exactly three capital ASCII letters.
    static std::optional<Currency> parse(std::string_view text);
    std::string_view view() const { return {code.data(), code.size()}; }
    friend bool operator==(const Currency& a, const Currency& b) { return a.code == b.code; }
    friend bool operator!=(const Currency& a, const Currency& b) { return a.code != b.code; }
};

struct Money {
    int64_t amount_minor = 0;
    Currency currency;
};

// Adds b to a when the currencies match and the sum does not overflow; false otherwise.
bool add_money(Money& a, const Money& b);

}  // namespace eligibility
