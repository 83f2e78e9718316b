#pragma once
// Civil dates and times of day, without time zones.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sopctl {

// A proleptic Gregorian date stored as days since 1970-01-01.
struct Date {
  std::int32_t days = 0;

  static Date from_ymd(int year, int month, int day);  // no validation
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  // 0 = Monday .. 6 = Sunday.
  int weekday() const;

  Date operator+(int n) const { return Date{days + n}; }
  Date operator-(int n) const { return Date{days - n}; }
  int operator-(Date other) const { return days - other.days; }
  auto operator<=>(const Date&) const = default;
};

// Dates run from 0001-01-01 to 9999-12-31 (SPEC 5.8): a computed date
// outside is an error, never printed as "10007-08-17".
inline constexpr Date k_first_date{-719162};
inline constexpr Date k_last_date{2932896};
inline bool in_date_range(Date d) {
  return d >= k_first_date && d <= k_last_date;
}
// Throws Error "<what> falls on <date>, outside 0001-01-01..9999-12-31".
void require_in_date_range(Date d, const std::string& what);

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Strict "YYYY-MM-DD" with a real calendar day; nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);
// "2026-12-03".
std::string format_date(Date d);

// "mon".."sun" for weekday 0..6.
const char* weekday_short_name(int weekday);
// "周一".."周日" for weekday 0..6.
const char* weekday_chinese_name(int weekday);
// "mon"/"monday"/"Mon" -> 0 ...; nullopt if not a weekday name.
std::optional<int> parse_weekday(std::string_view text);

// Strict "HH:MM" (00:00..23:59) -> minutes since midnight.
std::optional<int> parse_time_of_day(std::string_view text);
// minutes since midnight -> "08:05".
std::string format_time_of_day(int minutes);

// "30m", "1h", "1h30m", "90s", "2d" -> seconds; nullopt if malformed or zero units.
std::optional<std::int64_t> parse_duration(std::string_view text);

// "2026-12" -> first day of that month.
std::optional<Date> parse_month(std::string_view text);

}  // namespace sopctl
