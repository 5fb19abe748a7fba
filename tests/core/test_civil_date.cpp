#include <doctest/doctest.h>

#include "eligibility/civil_date.hpp"

using eligibility::CivilDate;

namespace {
CivilDate d(const char* s) {
    const auto parsed = CivilDate::parse(s);
    REQUIRE_MESSAGE(parsed.has_value(), s);
    return *parsed;
}
}  // namespace

TEST_CASE("dates parse only as YYYY-MM-DD and only if the day exists") {
    CHECK(CivilDate::parse("2026-11-21").has_value());
    CHECK(CivilDate::parse("2024-02-29").has_value());   // leap year
    CHECK(CivilDate::parse("2000-02-29").has_value());   // divisible by 400
    CHECK_FALSE(CivilDate::parse("1900-02-29"));         // divisible by 100, not 400
    CHECK_FALSE(CivilDate::parse("2026-02-30"));
    CHECK_FALSE(CivilDate::parse("2025-02-29"));
    CHECK_FALSE(CivilDate::parse("2026-04-31"));
    CHECK_FALSE(CivilDate::parse("2026-13-01"));
    CHECK_FALSE(CivilDate::parse("2026-00-10"));
    CHECK_FALSE(CivilDate::parse("2026-01-00"));
    CHECK_FALSE(CivilDate::parse("0000-01-01"));
    CHECK_FALSE(CivilDate::parse("2026-1-01"));
    CHECK_FALSE(CivilDate::parse("20260101"));
    CHECK_FALSE(CivilDate::parse(" 2026-01-01"));
    CHECK_FALSE(CivilDate::parse("2026-01-01 "));
    CHECK_FALSE(CivilDate::parse("2026/01/01"));
    CHECK_FALSE(CivilDate::parse("2026-01-0a"));
    CHECK_FALSE(CivilDate::parse(""));
}

TEST_CASE("format is the inverse of parse for every day from 1600 to 2400") {
    const CivilDate first = d("1600-01-01");
    const CivilDate last = d("2400-12-31");
    int checked = 0;
    for (int32_t n = first.days(); n <= last.days(); ++n) {
        const CivilDate day = CivilDate::from_days(n);
        const auto back = CivilDate::parse(day.to_string());
        if (!back || *back != day) {
            FAIL("round trip failed for day " << n << " (" << day.to_string() << ")");
        }
        ++checked;
    }
    CHECK(checked == 292560);
}

TEST_CASE("epoch and weekdays") {
    CHECK(d("1970-01-01").days() == 0);
    CHECK(d("1970-01-01").weekday() == 3);  // Thursday
    CHECK(d("2026-11-21").weekday() == 5);  // Saturday
    CHECK(d("2026-11-23").weekday() == 0);  // Monday
    CHECK(d("1969-12-31").weekday() == 2);  // Wednesday, before the epoch
    CHECK_FALSE(d("2026-11-22").is_working_day());
    CHECK(d("2026-11-20").is_working_day());
}

TEST_CASE("adding days crosses months, years and leap days") {
    CHECK(d("2026-11-21").add_days(15) == d("2026-12-06"));
    CHECK(d("2026-12-31").add_days(1) == d("2027-01-01"));
    CHECK(d("2024-02-28").add_days(1) == d("2024-02-29"));
    CHECK(d("2026-03-01").add_days(-1) == d("2026-02-28"));
    CHECK(d("9999-12-31").add_days(10) == d("9999-12-31"));  // clamped, never overflows
    CHECK(d("0001-01-01").add_days(-10) == d("0001-01-01"));
}

TEST_CASE("adding months clamps to the end of the month") {
    CHECK(d("2026-01-31").add_months(1) == d("2026-02-28"));
    CHECK(d("2024-01-31").add_months(1) == d("2024-02-29"));
    CHECK(d("2026-03-31").add_months(-1) == d("2026-02-28"));
    CHECK(d("2026-11-21").add_months(3) == d("2027-02-21"));
    CHECK(d("2026-08-31").add_months(3) == d("2026-11-30"));
    CHECK(d("2026-11-21").add_months(-12) == d("2025-11-21"));
    CHECK(d("2026-11-21").add_months(60) == d("2031-11-21"));
}

TEST_CASE("working days skip Saturday and Sunday") {
    CHECK(d("2026-11-20").add_working_days(1) == d("2026-11-23"));   // Fri -> Mon
    CHECK(d("2026-11-21").add_working_days(1) == d("2026-11-23"));   // Sat -> Mon
    CHECK(d("2026-11-22").add_working_days(1) == d("2026-11-23"));   // Sun -> Mon
    CHECK(d("2026-11-23").add_working_days(5) == d("2026-11-30"));   // a week
    CHECK(d("2026-11-23").add_working_days(2) == d("2026-11-25"));
    CHECK(d("2026-11-23").add_working_days(-1) == d("2026-11-20"));  // Mon -> Fri
    CHECK(d("2026-11-22").add_working_days(-3) == d("2026-11-18"));  // Sun -> Wed
    CHECK(d("2026-11-23").add_working_days(0) == d("2026-11-23"));
    CHECK(d("2026-11-23").add_working_days(23) == d("2026-12-24"));
    CHECK(d("2026-11-20").working_days_until(d("2026-11-23")) == 1);
    CHECK(d("2026-11-23").working_days_until(d("2026-11-30")) == 5);
    CHECK(d("2026-11-23").working_days_until(d("2026-11-23")) == 0);
    CHECK(d("2026-11-30").working_days_until(d("2026-11-23")) == 0);
}

TEST_CASE("adding then counting working days agree over a year of starting days") {
    for (int32_t n = d("2026-01-01").days(); n < d("2027-01-01").days(); ++n) {
        const CivilDate start = CivilDate::from_days(n);
        for (int k = 1; k <= 12; ++k) {
            const CivilDate end = start.add_working_days(k);
            CHECK(end.is_working_day());
            CHECK(start.working_days_until(end) == k);
        }
    }
}

TEST_CASE("age in whole years counts the birthday itself") {
    CHECK(d("2008-11-21").whole_years_until(d("2026-11-21")) == 18);
    CHECK(d("2008-11-22").whole_years_until(d("2026-11-21")) == 17);
    CHECK(d("2026-11-21").whole_years_until(d("2026-11-21")) == 0);
    // Born on 29 February: a year older on 1 March in common years.
    CHECK(d("2008-02-29").whole_years_until(d("2026-02-28")) == 17);
    CHECK(d("2008-02-29").whole_years_until(d("2026-03-01")) == 18);
    CHECK(d("2008-02-29").whole_years_until(d("2028-02-29")) == 20);
}

TEST_CASE("day arithmetic does not stop at 9999-12-31, so comparisons stay right") {
    using namespace eligibility::day_arithmetic;
    const int64_t last = d("9999-12-31").days();
    CHECK(add_days(last, 1) == last + 1);
    CHECK_FALSE(printable(add_days(last, 1)));
    CHECK(printable(last));
    // 9999-10-01 + 90 days + 3 months is in year 10000: later than any passport expiry in 9999.
    const int64_t end = add_months(add_days(d("9999-10-01").days(), 90), 3);
    CHECK(end > last);
    CHECK(add_months(d("2026-01-31").days(), 1) == d("2026-02-28").days());
    CHECK(add_months(d("0001-03-31").days(), -2) == d("0001-01-31").days());
    CHECK(add_months(d("0001-01-15").days(), -1) < d("0001-01-01").days());  // before year 1, still ordered
    CHECK(add_working_days(d("9999-12-31").days(), 3) > last);
    CHECK(add_working_days(d("2026-11-23").days(), -6) == d("2026-11-13").days());
    CHECK(whole_years(d("2008-11-21").days(), d("2026-11-21").days()) == 18);
    // Saturation: absurd arguments stay ordered and never overflow.
    CHECK(add_days(0, INT64_MAX) == kSaturation);
    CHECK(add_days(0, INT64_MIN) == -kSaturation);
    CHECK(add_months(0, INT64_MAX) > add_months(0, 12));
    CHECK(add_working_days(0, INT64_MIN) < 0);
}
