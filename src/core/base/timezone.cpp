#include <sopctl/base/i18n.hpp>
#include <sopctl/base/timezone.hpp>

#include "tzif.hpp"

#include <sopctl/base/date.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <limits>
#include <string_view>
#include <utility>

namespace sopctl {

using tzif::k_day;
using tzif::parse_tzif;
using tzif::Zone;

namespace {

// Real zoneinfo files are a few KiB; anything larger is not one.
constexpr std::size_t k_max_file_size = 1 << 20;
// Asia/Shanghai as tzdata 2025b has it (LMT, then CST with the DST of
// 1919-1949 and 1986-1991), so results are the same with or without tzdata.
Zone builtin_shanghai() {
  static constexpr std::pair<std::int64_t, int> k_changes[] = {
      {-2177481943, 28800}, {-1600675200, 32400}, {-1585904400, 28800}, {-933667200, 32400},
      {-922093200, 28800},  {-908870400, 32400},  {-888829200, 28800},  {-881049600, 32400},
      {-767869200, 28800},  {-745833600, 32400},  {-733827600, 28800},  {-716889600, 32400},
      {-699613200, 28800},  {-683884800, 32400},  {-670669200, 28800},  {-652348800, 32400},
      {-650019600, 28800},  {515527200, 32400},   {527014800, 28800},   {545162400, 32400},
      {558464400, 28800},   {577216800, 32400},   {589914000, 28800},   {608666400, 32400},
      {621968400, 28800},   {640116000, 32400},   {653418000, 28800},   {671565600, 32400},
      {684867600, 28800},
  };
  Zone z;
  z.initial_offset = 29143;
  for (const auto& [t, off] : k_changes) {
    z.transitions.push_back(t);
    z.offsets.push_back(off);
  }
  return z;
}

std::optional<Zone> builtin_zone(const std::string& name) {
  if (name == "Asia/Shanghai") {
    return builtin_shanghai();
  }
  if (name == "UTC" || name == "Etc/UTC") {
    return Zone{};
  }
  return std::nullopt;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::string bytes;
  char buf[4096];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > k_max_file_size) {
      return std::nullopt;
    }
  }
  if (in.bad()) {
    return std::nullopt;
  }
  return bytes;
}

// IANA names are components of letters, digits, '_', '-' and '+' joined by
// single '/': never a path that leaves (or wanders inside) the zoneinfo
// directory, and never two spellings of one zone ("Asia//Shanghai").
bool is_zone_name(const std::string& name) {
  if (name.empty() || name.size() > 64) {
    return false;
  }
  std::size_t component = 0;
  for (const char c : name) {
    if (c == '/') {
      if (component == 0) {
        return false;
      }
      component = 0;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '+') {
      ++component;
    } else {
      return false;
    }
  }
  return component > 0 && name.front() != '-' && name.front() != '+';
}

std::string zone_dir() {
  const char* tzdir = std::getenv("TZDIR");
  return tzdir != nullptr && *tzdir != '\0' ? tzdir : "/usr/share/zoneinfo";
}

}  // namespace

std::string TimeZone::printable(const std::string& name) {
  std::string out;
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

std::string TimeZone::why_not(const std::string& name) {
  if (!is_zone_name(name)) {
    return tr("is not an IANA zone name (Area/City, such as Asia/Shanghai)");
  }
  if (load(name)) {
    return {};
  }
  const std::string path = zone_dir() + "/" + name;
  if (read_file(path)) {
    return trf("has a zoneinfo file, {}, that is not a valid TZif file (reinstall tzdata)", path);
  }
  return trf("is not a zone of {} (use an IANA name such as Asia/Shanghai)", zone_dir());
}

std::optional<TimeZone> TimeZone::load(const std::string& name) {
  if (!is_zone_name(name)) {
    return std::nullopt;
  }
  const std::string dir = zone_dir();
  std::optional<Zone> zone;
  if (const std::optional<std::string> bytes = read_file(dir + "/" + name)) {
    zone = parse_tzif(*bytes);
  }
  if (!zone) {
    zone = builtin_zone(name);  // also when the file is there but unreadable
  }
  if (!zone) {
    return std::nullopt;
  }
  TimeZone tz;
  tz.m_name = name;
  tz.m_transitions = std::move(zone->transitions);
  tz.m_offsets = std::move(zone->offsets);
  tz.m_initial_offset = zone->initial_offset;
  return tz;
}

int TimeZone::offset_at_utc(std::int64_t utc) const {
  const auto it = std::upper_bound(m_transitions.begin(), m_transitions.end(), utc);
  if (it == m_transitions.begin()) {
    return m_initial_offset;
  }
  return m_offsets[static_cast<std::size_t>(it - m_transitions.begin() - 1)];
}

std::int64_t TimeZone::to_utc(std::int64_t local) const {
  // Keep the arithmetic below far from overflow; no real date comes close.
  local = std::clamp<std::int64_t>(local, -(std::int64_t{1} << 62), std::int64_t{1} << 62);
  // Walk the intervals between transitions from two days before `local` on;
  // the first whose offset maps `local` back into it is the answer, so an
  // ambiguous time takes the earlier offset (its first occurrence). A time in
  // a gap also takes the earlier offset, as RFC 5545 says (02:30 -> 03:30).
  auto it = std::upper_bound(m_transitions.begin(), m_transitions.end(), local - 2 * k_day);
  int offset = offset_at_utc(local - 2 * k_day);
  int previous = offset;
  std::int64_t start = std::numeric_limits<std::int64_t>::min();
  for (;;) {
    const std::int64_t end =
        it == m_transitions.end() ? std::numeric_limits<std::int64_t>::max() : *it;
    const std::int64_t utc = local - offset;
    if (utc < end) {
      return utc >= start ? utc : local - previous;
    }
    previous = offset;
    start = end;
    offset = m_offsets[static_cast<std::size_t>(it - m_transitions.begin())];
    ++it;
  }
}

bool TimeZone::fixed_between(std::int64_t utc_from, std::int64_t utc_to) const {
  if (utc_from > utc_to) {
    std::swap(utc_from, utc_to);
  }
  const int offset = offset_at_utc(utc_from);
  auto it = std::upper_bound(m_transitions.begin(), m_transitions.end(), utc_from);
  for (; it != m_transitions.end() && *it <= utc_to; ++it) {
    if (m_offsets[static_cast<std::size_t>(it - m_transitions.begin())] != offset) {
      return false;
    }
  }
  return true;
}

}  // namespace sopctl
