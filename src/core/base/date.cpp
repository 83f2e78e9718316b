#include <sopctl/base/date.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>

#include <array>
#include <cctype>

#include <fmt/format.h>

namespace sopctl {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain
// algorithms), valid for the whole proleptic Gregorian calendar.
std::int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int year;
  int month;
  int day;
};

Civil civil_from_days(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

// Parses exactly `n` ASCII digits at `s[pos]`.
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) {
    return false;
  }
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
      return false;
    }
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

constexpr std::array<const char*, 7> k_short_names = {"mon", "tue", "wed", "thu",
                                                      "fri", "sat", "sun"};
constexpr std::array<const char*, 7> k_long_names = {"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};
constexpr std::array<const char*, 7> k_chinese_names = {"周一", "周二", "周三", "周四",
                                                        "周五", "周六", "周日"};

}  // namespace

Date Date::from_ymd(int year, int month, int day) {
  return Date{days_from_civil(year, month, day)};
}

int Date::year() const {
  return civil_from_days(days).year;
}
int Date::month() const {
  return civil_from_days(days).month;
}
int Date::day() const {
  return civil_from_days(days).day;
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const int w = (days + 3) % 7;
  return w < 0 ? w + 7 : w;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) {
    return 29;
  }
  return k_days[static_cast<std::size_t>(month - 1)];
}

std::optional<Date> parse_date(std::string_view text) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, y) ||
      !digits(text, 5, 2, m) || !digits(text, 8, 2, d)) {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    return std::nullopt;
  }
  return Date::from_ymd(y, m, d);
}

std::optional<Date> parse_month(std::string_view text) {
  int y = 0;
  int m = 0;
  if (text.size() != 7 || text[4] != '-' || !digits(text, 0, 4, y) || !digits(text, 5, 2, m) ||
      m < 1 || m > 12) {
    return std::nullopt;
  }
  return Date::from_ymd(y, m, 1);
}

void require_in_date_range(Date d, const std::string& what) {
  if (!in_date_range(d)) {
    throw Error(what + trf(" falls on {}{}", format_date(d),
                           tr(", outside the dates sopctl handles (0001-01-01 to 9999-12-31)")));
  }
}

std::string format_date(Date d) {
  const Civil c = civil_from_days(d.days);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

const char* weekday_short_name(int weekday) {
  return k_short_names[static_cast<std::size_t>(weekday)];
}

const char* weekday_chinese_name(int weekday) {
  return k_chinese_names[static_cast<std::size_t>(weekday)];
}

std::optional<int> parse_weekday(std::string_view text) {
  std::string lower;
  for (char c : text) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::size_t i = 0; i < 7; ++i) {
    if (lower == k_short_names[i] || lower == k_long_names[i]) {
      return static_cast<int>(i);
    }
  }
  // 周一..周日 and 星期一..星期日 (周天, 星期天 for Sunday), as operators write them.
  static constexpr std::array<std::string_view, 7> k_chinese = {"一", "二", "三", "四",
                                                                "五", "六", "日"};
  for (const std::string_view prefix : {std::string_view("周"), std::string_view("星期")}) {
    if (text.substr(0, prefix.size()) != prefix) {
      continue;
    }
    const std::string_view rest = text.substr(prefix.size());
    for (std::size_t i = 0; i < 7; ++i) {
      if (rest == k_chinese[i]) {
        return static_cast<int>(i);
      }
    }
    if (rest == "天") {
      return 6;
    }
  }
  return std::nullopt;
}

std::optional<int> parse_time_of_day(std::string_view text) {
  int h = 0;
  int m = 0;
  if (text.size() != 5 || text[2] != ':' || !digits(text, 0, 2, h) || !digits(text, 3, 2, m) ||
      h > 23 || m > 59) {
    return std::nullopt;
  }
  return h * 60 + m;
}

std::string format_time_of_day(int minutes) {
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

std::optional<std::int64_t> parse_duration(std::string_view text) {
  if (text.empty()) {
    return std::nullopt;
  }
  std::int64_t total = 0;
  std::size_t i = 0;
  int last_unit_rank = 5;  // units must come in order d, h, m, s, each once
  while (i < text.size()) {
    std::int64_t n = 0;
    std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (n > 1'000'000'000) {
        return std::nullopt;
      }
      n = n * 10 + (text[i] - '0');
      ++i;
    }
    if (i == start || i == text.size()) {
      return std::nullopt;
    }
    int rank = 0;
    std::int64_t unit = 0;
    switch (text[i]) {
      case 'd':
        rank = 4;
        unit = 86400;
        break;
      case 'h':
        rank = 3;
        unit = 3600;
        break;
      case 'm':
        rank = 2;
        unit = 60;
        break;
      case 's':
        rank = 1;
        unit = 1;
        break;
      default:
        return std::nullopt;
    }
    if (rank >= last_unit_rank) {
      return std::nullopt;
    }
    last_unit_rank = rank;
    total += n * unit;
    ++i;
  }
  if (total <= 0) {
    return std::nullopt;
  }
  return total;
}

}  // namespace sopctl
