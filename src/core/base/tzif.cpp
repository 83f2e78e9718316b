// The TZif reader: version 1-4 files with their POSIX footer expanded.

#include "tzif.hpp"

#include <sopctl/base/date.hpp>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <string>
#include <utility>

namespace sopctl::tzif {

namespace {

// Bounds-checked big-endian reads over the bytes of a TZif file.
class Reader {
public:
  explicit Reader(std::string_view bytes) : m_bytes(bytes) {}
  bool has(std::uint64_t n) const { return n <= m_bytes.size() - m_pos; }
  void skip(std::size_t n) { m_pos += n; }
  std::size_t pos() const { return m_pos; }
  std::uint64_t read_unsigned(int width) {
    std::uint64_t v = 0;
    for (int i = 0; i < width; ++i) {
      v = (v << 8) | static_cast<unsigned char>(m_bytes[m_pos++]);
    }
    return v;
  }
  std::int64_t read_signed(int width) {
    std::uint64_t v = read_unsigned(width);
    if (width < 8 && (v >> (width * 8 - 1)) != 0) {
      v |= ~std::uint64_t{0} << (width * 8);  // sign-extend
    }
    return static_cast<std::int64_t>(v);
  }

private:
  std::string_view m_bytes;
  std::size_t m_pos = 0;
};

struct Counts {
  std::uint64_t isut, isstd, leap, time, type, chars;
};

std::optional<Counts> read_header(Reader& r, char& version) {
  if (!r.has(44)) {
    return std::nullopt;
  }
  const std::uint64_t magic = r.read_unsigned(4);
  version = static_cast<char>(r.read_unsigned(1));
  r.skip(15);
  Counts c{};
  for (std::uint64_t* field : {&c.isut, &c.isstd, &c.leap, &c.time, &c.type, &c.chars}) {
    *field = r.read_unsigned(4);
  }
  if (magic != 0x545A6966 || c.type == 0 || c.type > 256 || (c.isut != 0 && c.isut != c.type) ||
      (c.isstd != 0 && c.isstd != c.type)) {
    return std::nullopt;
  }
  return c;
}

std::uint64_t block_size(const Counts& c, int time_size) {
  return c.time * (time_size + 1) + c.type * 6 + c.chars + c.leap * (time_size + 4) + c.isstd +
         c.isut;
}

// One data block; leap-second records are ignored (the "right/" zones are
// not meant for civil time).
std::optional<Zone> read_block(Reader& r, const Counts& c, int time_size) {
  if (!r.has(block_size(c, time_size))) {
    return std::nullopt;
  }
  Zone z;
  for (std::uint64_t i = 0; i < c.time; ++i) {
    z.transitions.push_back(r.read_signed(time_size));
    if (i > 0 && z.transitions[i] <= z.transitions[i - 1]) {
      return std::nullopt;
    }
  }
  std::vector<std::size_t> index;
  for (std::uint64_t i = 0; i < c.time; ++i) {
    index.push_back(static_cast<std::size_t>(r.read_unsigned(1)));
    if (index.back() >= c.type) {
      return std::nullopt;
    }
  }
  std::vector<int> type_offsets;
  for (std::uint64_t i = 0; i < c.type; ++i) {
    const std::int64_t off = r.read_signed(4);
    r.skip(2);  // isdst, abbreviation index
    if (off < -k_max_offset || off > k_max_offset) {
      return std::nullopt;
    }
    type_offsets.push_back(static_cast<int>(off));
  }
  r.skip(c.chars + c.leap * (time_size + 4) + c.isstd + c.isut);
  // RFC 8536: instants before the first transition use time type 0.
  z.initial_offset = type_offsets[0];
  for (std::size_t i : index) {
    z.offsets.push_back(type_offsets[i]);
  }
  return z;
}

// A POSIX TZ string such as "CET-1CEST,M3.5.0,M10.5.0/3" (RFC 8536 footer).
class PosixTz {
public:
  explicit PosixTz(std::string_view s) : m_s(s) {}

  // Appends the DST transitions of the footer after the file's last one.
  // Returns false when the string is malformed (the zone is then rejected).
  bool extend(Zone& z) {
    int std_off = 0;
    if (!name() || !offset(24, std_off)) {
      return false;
    }
    if (m_s.empty()) {
      return true;  // no DST: the last transition's offset holds on
    }
    int dst_off = std_off + 3600;
    if (!name() || (!m_s.empty() && m_s[0] != ',' && !offset(24, dst_off))) {
      return false;
    }
    if (m_s.empty()) {
      return true;  // DST without rules: unspecified, keep the last offset
    }
    Rule start;
    Rule end;
    if (!eat(',') || !rule(start) || !eat(',') || !rule(end) || !m_s.empty()) {
      return false;
    }
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    int first_year = 1970;
    if (!z.transitions.empty()) {
      last = z.transitions.back();
      // Rules before 1970 matter to no plan; clamping also keeps a file whose
      // last transition is far out (-2^59, 2^59) from making this loop huge.
      const std::int64_t from = std::clamp<std::int64_t>(last, 0, k_day * 366 * 200);
      first_year = Date{static_cast<std::int32_t>(from / k_day)}.year();
    }
    for (int y = first_year; y <= k_last_rule_year; ++y) {
      // The start is written in standard time, the end in daylight time.
      std::pair<std::int64_t, int> events[] = {{start.local(y) - std_off, dst_off},
                                               {end.local(y) - dst_off, std_off}};
      std::sort(std::begin(events), std::end(events));
      for (const auto& [t, off] : events) {
        if (t > last) {
          z.transitions.push_back(t);
          z.offsets.push_back(off);
          last = t;
        } else if (t == last && !z.offsets.empty()) {
          z.offsets.back() = off;  // year-round DST: the rule ends where the next begins
        }
      }
    }
    return true;
  }

private:
  struct Rule {
    char kind = 'M';  // 'J' (1..365, no Feb 29), 'D' (0..365), 'M' (month.week.weekday)
    int a = 0, b = 0, c = 0;
    std::int64_t time = 2 * 3600;
    // Local wall time (seconds since the epoch as if UTC) of the rule in `year`.
    std::int64_t local(int year) const {
      Date d = Date::from_ymd(year, 1, 1);
      if (kind == 'J') {
        d = d + (a - 1) + (is_leap_year(year) && a >= 60 ? 1 : 0);
      } else if (kind == 'D') {
        d = d + a;
      } else {
        const Date first = Date::from_ymd(year, a, 1);
        const int sunday_based = (first.weekday() + 1) % 7;
        int day = 1 + (c - sunday_based + 7) % 7 + (b - 1) * 7;
        while (day > days_in_month(year, a)) {
          day -= 7;  // week 5 means "the last"
        }
        d = first + (day - 1);
      }
      return std::int64_t{d.days} * k_day + time;
    }
  };

  bool eat(char c) {
    if (m_s.empty() || m_s[0] != c) {
      return false;
    }
    m_s.remove_prefix(1);
    return true;
  }
  bool number(int max, int& out) {
    std::size_t n = 0;
    out = 0;
    while (n < m_s.size() && n < 4 && m_s[n] >= '0' && m_s[n] <= '9') {
      out = out * 10 + (m_s[n++] - '0');
    }
    m_s.remove_prefix(n);
    return n > 0 && out <= max;
  }
  bool name() {
    std::size_t n = 0;
    if (eat('<')) {
      n = m_s.find('>');
      if (n == std::string_view::npos) {
        return false;
      }
      m_s.remove_prefix(n + 1);
      return true;
    }
    while (n < m_s.size() &&
           ((m_s[n] >= 'A' && m_s[n] <= 'Z') || (m_s[n] >= 'a' && m_s[n] <= 'z'))) {
      ++n;
    }
    m_s.remove_prefix(n);
    return n >= 3;
  }
  // [+-]hh[:mm[:ss]] in seconds, sign kept as written.
  bool hms(int max_hours, int& out) {
    const bool negative = eat('-');
    if (!negative) {
      eat('+');
    }
    int h = 0, m = 0, s = 0;
    if (!number(max_hours, h) || (eat(':') && (!number(59, m) || (eat(':') && !number(59, s))))) {
      return false;
    }
    out = (negative ? -1 : 1) * (h * 3600 + m * 60 + s);
    return true;
  }
  // POSIX offsets count west of Greenwich; turn them into UT offsets.
  bool offset(int max_hours, int& utoff) {
    const bool ok = hms(max_hours, utoff);
    utoff = -utoff;
    return ok;
  }
  bool rule(Rule& r) {
    if (eat('M')) {
      r.kind = 'M';
      if (!number(12, r.a) || r.a < 1 || !eat('.') || !number(5, r.b) || r.b < 1 || !eat('.') ||
          !number(6, r.c)) {
        return false;
      }
    } else if (eat('J')) {
      r.kind = 'J';
      if (!number(365, r.a) || r.a < 1) {
        return false;
      }
    } else {
      r.kind = 'D';
      if (!number(365, r.a)) {
        return false;
      }
    }
    int t = 0;
    if (eat('/')) {
      if (!hms(167, t)) {  // RFC 8536 allows -167..167 hours here
        return false;
      }
      r.time = t;
    }
    return true;
  }

  std::string_view m_s;
};

}  // namespace

std::optional<Zone> parse_tzif(std::string_view bytes) {
  Reader r(bytes);
  char version = 0;
  std::optional<Counts> counts = read_header(r, version);
  if (!counts) {
    return std::nullopt;
  }
  if (version == '\0') {
    return read_block(r, *counts, 4);
  }
  // Version 2 and later repeat the data with 64-bit times, then the footer.
  if (!r.has(block_size(*counts, 4))) {
    return std::nullopt;
  }
  r.skip(block_size(*counts, 4));
  counts = read_header(r, version);
  std::optional<Zone> zone = counts ? read_block(r, *counts, 8) : std::nullopt;
  if (!zone) {
    return std::nullopt;
  }
  const std::string_view rest = bytes.substr(r.pos());
  const std::size_t end = rest.find('\n', 1);
  if (rest.size() >= 2 && rest[0] == '\n' && end != std::string_view::npos && end > 1) {
    if (!PosixTz(rest.substr(1, end - 1)).extend(*zone)) {
      return std::nullopt;
    }
  }
  return zone;
}

}  // namespace sopctl::tzif
