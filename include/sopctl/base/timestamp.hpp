#pragma once
// ISO 8601 timestamps of event logs (docs/spec.md §1.5): "2026-12-03T08:00:00" or
// "2026-12-03 08:00:00", optionally with fractional seconds (dropped) and an
// offset ("Z", "+08:00", "+0800", "+08"). Seconds may be left out
// ("2026-12-03 08:00"), and single-digit months, days and hours and "/"
// between date parts are accepted, as spreadsheets write them; a date alone
// is midnight.

#include <sopctl/base/timezone.hpp>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace sopctl {

struct Timestamp {
  std::int64_t wall = 0;      // the written date and time, as seconds since 1970 (as if UTC)
  std::optional<int> offset;  // seconds east of UTC when written
};

std::optional<Timestamp> parse_timestamp(std::string_view text);

// Wall time in `zone` (seconds since 1970 as if local were UTC): as written
// without an offset, converted with one. A null zone means UTC.
std::int64_t to_local(const Timestamp& t, const TimeZone* zone);
// `local` when its date is within 0001-01-01..9999-12-31 (an offset can carry
// 9999-12-31 23:00-05:00 into year 10000 locally), else nullopt.
std::optional<std::int64_t> local_in_date_range(std::int64_t local);

// "2026-12-03T08:00:00" for local seconds.
std::string format_local_time(std::int64_t local);

// Parses many timestamps fast: the date of the previous call is remembered
// (logs hold many events per day). One per thread.
class LocalTimeParser {
public:
  explicit LocalTimeParser(const TimeZone* zone) : m_zone(zone) {}
  // Local wall seconds, or nullopt when `text` is not a timestamp (or its
  // local date is outside 0001-01-01..9999-12-31).
  std::optional<std::int64_t> parse(std::string_view text) {
    std::int64_t seconds = 0;
    return parse(text, seconds) ? std::optional<std::int64_t>(seconds) : std::nullopt;
  }
  // The same into `seconds`, false for nullopt: the loaders' hot path (an
  // optional returned through the stack cost a stalled 16-byte reload). The
  // common "YYYY-MM-DDTHH:MM:SS" (or a space for T) of a day seen before is
  // parsed inline: the last date of each day of the year is kept (an export
  // that is not sorted still repeats the dates of a few months).
  bool parse(std::string_view text, std::int64_t& seconds) {
    const char* p = text.data();
    if (text.size() == 19) {
      const Day& d = m_days[day_slot(p)];
      if (d.known && std::memcmp(d.date, p, 10) == 0 && (p[10] == 'T' || p[10] == ' ') &&
          p[13] == ':' && p[16] == ':') {
        const unsigned h1 = static_cast<unsigned char>(p[11]) - '0';
        const unsigned h2 = static_cast<unsigned char>(p[12]) - '0';
        const unsigned m1 = static_cast<unsigned char>(p[14]) - '0';
        const unsigned m2 = static_cast<unsigned char>(p[15]) - '0';
        const unsigned s1 = static_cast<unsigned char>(p[17]) - '0';
        const unsigned s2 = static_cast<unsigned char>(p[18]) - '0';
        const unsigned h = h1 * 10 + h2;
        // Each a digit (unsigned: below '0' wraps to large), and in range.
        if (h1 < 3 && h2 < 10 && m2 < 10 && s2 < 10 && h < 24 && m1 < 6 && s1 < 6) {
          seconds = d.seconds + h * 3600 + (m1 * 10 + m2) * 60 + s1 * 10 + s2;
          return true;
        }
      }
    }
    const std::optional<std::int64_t> slow = parse_slow(text);
    seconds = slow.value_or(0);
    return slow.has_value();
  }

private:
  struct Day {
    char date[10] = {};
    std::int64_t seconds = 0;
    bool known = false;
  };
  // Where the date of `p` (at least 10 bytes) is kept: by its month and day
  // digits (any bytes give a slot; the date itself is compared).
  static std::size_t day_slot(const char* p) {
    const auto digit = [p](int i) { return static_cast<unsigned char>(p[i]) & 0xFU; };
    return (((digit(5) * 10U + digit(6)) << 5) + digit(8) * 10U + digit(9)) % k_day_slots;
  }
  static constexpr std::size_t k_day_slots = 512;  // 12 months of 32 days
  std::optional<std::int64_t> parse_slow(std::string_view text);

  const TimeZone* m_zone;
  Day m_days[k_day_slots];
};

}  // namespace sopctl
