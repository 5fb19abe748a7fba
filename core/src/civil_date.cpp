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
    int year;
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
    return {static_cast<int>(y + (m <= 2)), m, d};
}

int32_t clamp_days(int64_t days) {
    return static_cast<int32_t>(std::clamp<int64_t>(days, CivilDate::kMinDays, CivilDate::kMaxDays));
}

int digit(char c) { return (c >= '0' && c <= '9') ? c - '0' : -1; }

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
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

int CivilDate::year() const { return civil_from_days(days_).year; }
int CivilDate::month() const { return civil_from_days(days_).month; }
int CivilDate::day() const { return civil_from_days(days_).day; }

int CivilDate::weekday() const {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const int64_t w = (static_cast<int64_t>(days_) + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

void CivilDate::format_to(char out[10]) const {
    const Ymd ymd = civil_from_days(days_);
    int y = ymd.year;
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

CivilDate CivilDate::add_days(int64_t n) const {
    // Clamp n first so the sum cannot overflow, then clamp the result to the supported range.
    n = std::clamp<int64_t>(n, -2 * int64_t{kMaxDays}, 2 * int64_t{kMaxDays});
    return CivilDate(clamp_days(days_ + n));
}

CivilDate CivilDate::add_months(int64_t n) const {
    n = std::clamp<int64_t>(n, -12 * 10000, 12 * 10000);
    const Ymd ymd = civil_from_days(days_);
    const int64_t total = int64_t{ymd.year} * 12 + (ymd.month - 1) + n;
    int64_t year = total / 12;
    int month = static_cast<int>(total % 12) + 1;
    if (year < 1) return CivilDate(kMinDays);
    if (year > 9999) return CivilDate(kMaxDays);
    const int day = std::min(ymd.day, days_in_month(static_cast<int>(year), month));
    return CivilDate(static_cast<int32_t>(days_from_civil(year, month, day)));
}

CivilDate CivilDate::add_working_days(int64_t n) const {
    if (n == 0) return *this;
    const int step = n > 0 ? 1 : -1;
    int64_t remaining = n > 0 ? n : -n;
    remaining = std::min<int64_t>(remaining, kMaxDays);  // beyond this the date is clamped anyway
    // Whole weeks first: five working days are exactly seven calendar days from any day.
    CivilDate d = *this;
    const int64_t weeks = (remaining - 1) / 5;
    d = d.add_days(step * weeks * 7);
    remaining -= weeks * 5;
    while (remaining > 0) {
        const CivilDate next = d.add_days(step);
        if (next == d) break;  // clamped at the end of the supported range
        d = next;
        if (d.is_working_day()) --remaining;
    }
    return d;
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

int64_t CivilDate::whole_years_until(CivilDate at) const {
    const Ymd from = civil_from_days(days_);
    const Ymd to = civil_from_days(at.days_);
    int64_t years = int64_t{to.year} - from.year;
    // Not yet had this year's birthday. A 29 February birthday falls on 1 March in common years,
    // the usual legal reading.
    if (to.month < from.month || (to.month == from.month && to.day < from.day)) --years;
    return years;
}

}  // namespace eligibility
