#include <doctest/doctest.h>

#include <limits>

#include "eligibility/money.hpp"

using namespace eligibility;

TEST_CASE("currency codes are three capital letters") {
    CHECK(Currency::parse("USD").has_value());
    CHECK(Currency::parse("AZN")->view() == "AZN");
    CHECK_FALSE(Currency::parse("usd"));
    CHECK_FALSE(Currency::parse("US"));
    CHECK_FALSE(Currency::parse("USDX"));
    CHECK_FALSE(Currency::parse("U$D"));
}

TEST_CASE("money adds only within one currency and never overflows") {
    Money a{2000, *Currency::parse("USD")};
    CHECK(add_money(a, Money{35000, *Currency::parse("USD")}));
    CHECK(a.amount_minor == 37000);
    CHECK_FALSE(add_money(a, Money{3500, *Currency::parse("EUR")}));
    CHECK(a.amount_minor == 37000);
    Money big{std::numeric_limits<int64_t>::max() - 1, *Currency::parse("USD")};
    CHECK_FALSE(add_money(big, Money{2, *Currency::parse("USD")}));
    CHECK(big.amount_minor == std::numeric_limits<int64_t>::max() - 1);
}
