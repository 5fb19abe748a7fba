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
    // All three at once (each of the above works the calendar out again).
    struct Parts {
        int year;
        int month;
        int day;
    };
    Parts parts() const;
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

bool is_leap_year(int64_t year);
int days_in_month(int64_t year, int month);

// Arithmetic on day numbers (days since 1970-01-01) for any year, without clamping: conditions
// compare dates that may fall outside what CivilDate can hold (a stay that ends after 9999-12-31
// must still fail a passport check that a clamped date would pass). Arguments are saturated at
// about three billion years, far beyond any date, so that nothing can overflow.
namespace day_arithmetic {
inline constexpr int64_t kSaturation = int64_t{1} << 40;
int64_t add_days(int64_t days, int64_t n);
int64_t add_months(int64_t days, int64_t months);  // clamped to the end of the target month
int64_t add_working_days(int64_t days, int64_t n);
int64_t whole_years(int64_t from, int64_t to);
inline bool printable(int64_t days) { return days >= CivilDate::kMinDays && days <= CivilDate::kMaxDays; }
}  // namespace day_arithmetic

}  // namespace eligibility
