#pragma once
// ISO 8601 timestamps of event logs (docs/spec.md §1.5): "2026-12-03T08:00:00" or
// "2026-12-03 08:00:00", optionally with fractional seconds (dropped) and an
// offset ("Z", "+08:00", "+0800", "+08"). Seconds may be left out
// ("2026-12-03 08:00"), and single-digit months, days and hours and "/"
// between date parts are accepted, as spreadsheets write them; a date alone
// is midnight.

#include <sopctl/base/timezone.hpp>

#include <bit>
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
      if (std::endian::native == std::endian::little && d.known &&
          std::memcmp(d.date, p, 10) == 0 && (p[10] == 'T' || p[10] == ' ')) {
        // "HH:MM:SS" as one little-endian word: digits at bytes 0, 1, 3, 4, 6, 7.
        std::uint64_t t;
        std::memcpy(&t, p + 11, 8);
        constexpr std::uint64_t k_high = 0xF0F000F0F000F0F0ULL;
        constexpr std::uint64_t k_low = 0x0F0F000F0F000F0FULL;
        const bool colons = (t & 0x0000FF0000FF0000ULL) == 0x00003A00003A0000ULL;
        const bool digits = (t & k_high) == 0x3030003030003030ULL &&
                            (((t & k_low) + 0x0606000606000606ULL) & k_high) == 0;
        // Each pair as a number in its first byte (no byte carries over).
        const std::uint64_t v = t & k_low;
        const std::uint64_t pairs = v * 10 + (v >> 8);
        const auto h = static_cast<unsigned>(pairs & 0xFF);
        const auto m = static_cast<unsigned>((pairs >> 24) & 0xFF);
        const auto sec = static_cast<unsigned>((pairs >> 48) & 0xFF);
        if (colons && digits && h < 24 && m < 60 && sec < 60) {
          seconds = d.seconds + h * 3600 + m * 60 + sec;
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
