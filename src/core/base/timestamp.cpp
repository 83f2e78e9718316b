#include <sopctl/base/timestamp.hpp>

#include <sopctl/base/date.hpp>

#include <cstdio>
#include <cstring>
#include <string>

namespace sopctl {

namespace {

inline bool digit(char c) {
  return c >= '0' && c <= '9';
}
inline int d2(const char* p) {
  return (p[0] - '0') * 10 + (p[1] - '0');
}

// Reads 1..max digits at text[i]; advances i.
std::optional<int> number(std::string_view text, std::size_t& i, std::size_t min, std::size_t max) {
  std::size_t n = 0;
  int v = 0;
  while (i < text.size() && n < max && digit(text[i])) {
    v = v * 10 + (text[i] - '0');
    ++i;
    ++n;
  }
  if (n < min) {
    return std::nullopt;
  }
  return v;
}

std::optional<std::int64_t> date_seconds(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(Date::from_ymd(y, m, d).days) * 86400;
}

inline std::optional<int> time_of_day(int h, int mi, int s) {
  if (h > 23 || mi > 59 || s > 59) {
    return std::nullopt;
  }
  return h * 3600 + mi * 60 + s;
}

// After the seconds: fraction, then an optional offset; sets `offset`.
bool parse_tail(std::string_view text, std::size_t i, std::optional<int>& offset) {
  if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
    ++i;
    const std::size_t start = i;
    while (i < text.size() && digit(text[i])) {
      ++i;
    }
    if (i == start) {
      return false;
    }
  }
  if (i < text.size() && text[i] == ' ') {
    ++i;  // "2026-12-03 08:00:00 +08:00"
  }
  if (i == text.size()) {
    return true;
  }
  if (text[i] == 'Z' || text[i] == 'z') {
    offset = 0;
    return i + 1 == text.size();
  }
  if (text[i] != '+' && text[i] != '-') {
    return false;
  }
  const int sign = text[i] == '-' ? -1 : 1;
  ++i;
  const auto hh = number(text, i, 2, 2);
  if (!hh) {
    return false;
  }
  int mm = 0;
  if (i < text.size()) {
    if (text[i] == ':') {
      ++i;
    }
    const auto m = number(text, i, 2, 2);
    if (!m) {
      return false;
    }
    mm = *m;
  }
  if (i != text.size() || *hh > 23 || mm > 59) {
    return false;
  }
  offset = sign * (*hh * 3600 + mm * 60);
  return true;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  std::size_t i = 0;
  const auto y = number(text, i, 4, 4);
  if (!y || i >= text.size() || (text[i] != '-' && text[i] != '/')) {
    return std::nullopt;
  }
  const char sep = text[i++];
  const auto mo = number(text, i, 1, 2);
  if (!mo || i >= text.size() || text[i] != sep) {
    return std::nullopt;
  }
  ++i;
  const auto d = number(text, i, 1, 2);
  if (!d) {
    return std::nullopt;
  }
  const auto day = date_seconds(*y, *mo, *d);
  if (!day) {
    return std::nullopt;
  }
  if (i == text.size()) {
    return Timestamp{*day, std::nullopt};  // a date alone: midnight
  }
  if (text[i] != 'T' && text[i] != 't' && text[i] != ' ') {
    return std::nullopt;
  }
  while (i < text.size() && text[i] == ' ') {
    ++i;
  }
  if (i < text.size() && (text[i] == 'T' || text[i] == 't')) {
    ++i;
  }
  const auto h = number(text, i, 1, 2);
  if (!h || i >= text.size() || text[i] != ':') {
    return std::nullopt;
  }
  ++i;
  const auto mi = number(text, i, 2, 2);
  if (!mi) {
    return std::nullopt;
  }
  int s = 0;
  if (i < text.size() && text[i] == ':') {
    ++i;
    const auto sec = number(text, i, 2, 2);
    if (!sec) {
      return std::nullopt;
    }
    s = *sec;
  }
  const auto tod = time_of_day(*h, *mi, s);
  if (!tod) {
    return std::nullopt;
  }
  Timestamp t{*day + *tod, std::nullopt};
  if (!parse_tail(text, i, t.offset)) {
    return std::nullopt;
  }
  return t;
}

std::int64_t to_local(const Timestamp& t, const TimeZone* zone) {
  if (!t.offset) {
    return t.wall;
  }
  const std::int64_t utc = t.wall - *t.offset;
  return zone == nullptr ? utc : utc + zone->offset_at_utc(utc);
}

std::string format_local_time(std::int64_t local) {
  const std::int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  const auto tod = static_cast<int>(local - days * 86400);
  const std::string date = format_date(Date{static_cast<std::int32_t>(days)});
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", tod / 3600, tod / 60 % 60, tod % 60);
  return date + buf;
}

std::optional<std::int64_t> LocalTimeParser::parse_slow(std::string_view text) {
  // The common shape: exactly "YYYY-MM-DDTHH:MM:SS" (or a space for T),
  // perhaps followed by a fraction or an offset.
  const char* p = text.data();
  if (text.size() >= 19 && p[4] == '-' && p[7] == '-' && (p[10] == 'T' || p[10] == ' ') &&
      p[13] == ':' && p[16] == ':' && digit(p[11]) && digit(p[12]) && digit(p[14]) &&
      digit(p[15]) && digit(p[17]) && digit(p[18])) {
    Day& d = m_days[day_slot(p)];
    if (!d.known || std::memcmp(d.date, p, 10) != 0) {
      if (!(digit(p[0]) && digit(p[1]) && digit(p[2]) && digit(p[3]) && digit(p[5]) &&
            digit(p[6]) && digit(p[8]) && digit(p[9]))) {
        return std::nullopt;
      }
      const auto day = date_seconds(d2(p) * 100 + d2(p + 2), d2(p + 5), d2(p + 8));
      if (!day) {
        return std::nullopt;
      }
      std::memcpy(d.date, p, 10);
      d.seconds = *day;
      d.known = true;
    }
    const auto tod = time_of_day(d2(p + 11), d2(p + 14), d2(p + 17));
    if (!tod) {
      return std::nullopt;
    }
    const std::int64_t wall = d.seconds + *tod;
    if (text.size() == 19) {
      return wall;
    }
    std::optional<int> offset;
    if (!parse_tail(text, 19, offset)) {
      return std::nullopt;
    }
    return local_in_date_range(to_local(Timestamp{wall, offset}, m_zone));
  }
  const auto t = parse_timestamp(text);
  if (!t) {
    return std::nullopt;
  }
  return local_in_date_range(to_local(*t, m_zone));
}

std::optional<std::int64_t> local_in_date_range(std::int64_t local) {
  constexpr std::int64_t first = std::int64_t{k_first_date.days} * 86400;
  constexpr std::int64_t last = (std::int64_t{k_last_date.days} + 1) * 86400 - 1;
  if (local < first || local > last) {
    return std::nullopt;
  }
  return local;
}

}  // namespace sopctl
