#include "eligibility/civil_date.hpp"

#include <algorithm>

namespace eligibility {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Ymd {
    int64_t year;
    int month;
    int day;
};

Ymd civil_from_days(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = yoe + era * 400;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {y + (m <= 2), m, d};
}

int64_t saturate(int64_t v) {
    return std::clamp<int64_t>(v, -day_arithmetic::kSaturation, day_arithmetic::kSaturation);
}

int32_t clamp_days(int64_t days) {
    return static_cast<int32_t>(std::clamp<int64_t>(days, CivilDate::kMinDays, CivilDate::kMaxDays));
}

int digit(char c) { return (c >= '0' && c <= '9') ? c - '0' : -1; }

}  // namespace

bool is_leap_year(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int64_t year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return kDays[month - 1];
}

std::optional<CivilDate> CivilDate::from_ymd(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
    if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
    return CivilDate(static_cast<int32_t>(days_from_civil(year, month, day)));
}

std::optional<CivilDate> CivilDate::parse(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    int parts[8];
    static constexpr int kDigitAt[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int i = 0; i < 8; ++i) {
        parts[i] = digit(t[kDigitAt[i]]);
        if (parts[i] < 0) return std::nullopt;
    }
    const int year = parts[0] * 1000 + parts[1] * 100 + parts[2] * 10 + parts[3];
    const int month = parts[4] * 10 + parts[5];
    const int day = parts[6] * 10 + parts[7];
    return from_ymd(year, month, day);
}

int CivilDate::year() const { return static_cast<int>(civil_from_days(days_).year); }
int CivilDate::month() const { return civil_from_days(days_).month; }
int CivilDate::day() const { return civil_from_days(days_).day; }

CivilDate::Parts CivilDate::parts() const {
    const Ymd ymd = civil_from_days(days_);
    return {static_cast<int>(ymd.year), ymd.month, ymd.day};
}

int CivilDate::weekday() const {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const int64_t w = (static_cast<int64_t>(days_) + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

void CivilDate::format_to(char out[10]) const {
    const Ymd ymd = civil_from_days(days_);
    int y = static_cast<int>(ymd.year);
    out[3] = static_cast<char>('0' + y % 10); y /= 10;
    out[2] = static_cast<char>('0' + y % 10); y /= 10;
    out[1] = static_cast<char>('0' + y % 10); y /= 10;
    out[0] = static_cast<char>('0' + y % 10);
    out[4] = '-';
    out[5] = static_cast<char>('0' + ymd.month / 10);
    out[6] = static_cast<char>('0' + ymd.month % 10);
    out[7] = '-';
    out[8] = static_cast<char>('0' + ymd.day / 10);
    out[9] = static_cast<char>('0' + ymd.day % 10);
}

std::string CivilDate::to_string() const {
    char buf[10];
    format_to(buf);
    return std::string(buf, 10);
}

CivilDate CivilDate::add_days(int64_t n) const { return CivilDate(clamp_days(day_arithmetic::add_days(days_, n))); }

CivilDate CivilDate::add_months(int64_t n) const { return CivilDate(clamp_days(day_arithmetic::add_months(days_, n))); }

CivilDate CivilDate::add_working_days(int64_t n) const {
    return CivilDate(clamp_days(day_arithmetic::add_working_days(days_, n)));
}

int64_t CivilDate::working_days_until(CivilDate to) const {
    if (to <= *this) return 0;
    const int64_t span = int64_t{to.days_} - days_;
    const int64_t weeks = span / 7;
    int64_t count = weeks * 5;
    for (int64_t day = days_ + weeks * 7 + 1; day <= to.days_; ++day) {
        if (CivilDate(static_cast<int32_t>(day)).is_working_day()) ++count;
    }
    return count;
}

int64_t CivilDate::whole_years_until(CivilDate at) const { return day_arithmetic::whole_years(days_, at.days_); }

namespace day_arithmetic {

int64_t add_days(int64_t days, int64_t n) { return saturate(days) + saturate(n); }

int64_t add_months(int64_t days, int64_t months) {
    const Ymd ymd = civil_from_days(saturate(days));
    // Months are saturated more tightly, so that years stay far inside int64.
    const int64_t total = ymd.year * 12 + (ymd.month - 1) + std::clamp<int64_t>(months, -(int64_t{1} << 36), int64_t{1} << 36);
    const int64_t year = total >= 0 ? total / 12 : -((-total + 11) / 12);
    const int month = static_cast<int>(total - year * 12) + 1;
    const int day = std::min(ymd.day, days_in_month(year, month));
    return days_from_civil(year, month, day);
}

int64_t add_working_days(int64_t days, int64_t n) {
    days = saturate(days);
    n = saturate(n);
    if (n == 0) return days;
    const int64_t step = n > 0 ? 1 : -1;
    int64_t remaining = n > 0 ? n : -n;
    // Whole weeks first: five working days are exactly seven calendar days from any day.
    const int64_t weeks = (remaining - 1) / 5;
    days += step * weeks * 7;
    remaining -= weeks * 5;
    const auto working = [](int64_t d) {
        const int64_t w = (d + 3) % 7;  // 0 = Monday
        return (w < 0 ? w + 7 : w) < 5;
    };
    while (remaining > 0) {
        days += step;
        if (working(days)) --remaining;
    }
    return days;
}

int64_t whole_years(int64_t from, int64_t to) {
    const Ymd a = civil_from_days(saturate(from));
    const Ymd b = civil_from_days(saturate(to));
    int64_t years = b.year - a.year;
    // Not yet had this year's birthday. A 29 February birthday falls on 1 March in common years,
    // the usual legal reading.
    if (b.month < a.month || (b.month == a.month && b.day < a.day)) --years;
    return years;
}

}  // namespace day_arithmetic

}  // namespace eligibility
