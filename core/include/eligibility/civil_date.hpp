// Civil (calendar) dates in the proleptic Gregorian calendar, as whole days.
//
// A date is a count of days since 1970-01-01, which makes comparison and day arithmetic plain
// integer operations. Only years 1..9999 are accepted from text, so every date fits in int32.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eligibility {

class CivilDate {
public:
    constexpr CivilDate() = default;
    static constexpr CivilDate from_days(int32_t days) { return CivilDate(days); }

    // Builds a date from its parts; nullopt unless it exists (2026-02-30 does not).
    static std::optional<CivilDate> from_ymd(int year, int month, int day);
    // Parses exactly "YYYY-MM-DD"; nullopt for anything else or a day that does not exist.
    static std::optional<CivilDate> parse(std::string_view text);

    constexpr int32_t days() const { return days_; }
    int year() const;
    int month() const;
    int day() const;
    // 0 = Monday … 6 = Sunday.
    int weekday() const;
    bool is_working_day() const { return weekday() < 5; }

    // "YYYY-MM-DD" written into out[0..9]; always 10 characters.
    void format_to(char out[10]) const;
    std::string to_string() const;

    CivilDate add_days(int64_t n) const;
    // Calendar months; the day is clamped to the end of the target month
    // (2026-01-31 + 1 month = 2026-02-28).
    CivilDate add_months(int64_t n) const;
    // Moves n working days (Monday–Friday) forward, or back when n is negative. From a weekend
    // day, the first step lands on the next (or previous) working day.
    CivilDate add_working_days(int64_t n) const;

    // Working days in the half-open range (this, to]: the days one has to wait.
    int64_t working_days_until(CivilDate to) const;
    // Whole years from this date (a birth date) to `at`: an age.
    int64_t whole_years_until(CivilDate at) const;

    friend constexpr bool operator==(CivilDate a, CivilDate b) { return a.days_ == b.days_; }
    friend constexpr bool operator!=(CivilDate a, CivilDate b) { return a.days_ != b.days_; }
    friend constexpr bool operator<(CivilDate a, CivilDate b) { return a.days_ < b.days_; }
    friend constexpr bool operator<=(CivilDate a, CivilDate b) { return a.days_ <= b.days_; }
    friend constexpr bool operator>(CivilDate a, CivilDate b) { return a.days_ > b.days_; }
    friend constexpr bool operator>=(CivilDate a, CivilDate b) { return a.days_ >= b.days_; }

    // The range dates are clamped to by arithmetic, so that no sum can overflow.
    static constexpr int32_t kMinDays = -719162;  // 0001-01-01
    static constexpr int32_t kMaxDays = 2932896;  // 9999-12-31

private:
    constexpr explicit CivilDate(int32_t days) : days_(days) {}
    int32_t days_ = 0;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

}  // namespace eligibility
