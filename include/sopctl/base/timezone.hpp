#pragma once
// IANA time zones from the system's zoneinfo (TZif files), for converting
// local times to UTC and for the ICS VTIMEZONE.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sopctl {

class TimeZone {
public:
  // Loads /usr/share/zoneinfo/NAME (or $TZDIR/NAME). Asia/Shanghai and UTC
  // work even without tzdata installed. nullopt for an unknown name.
  static std::optional<TimeZone> load(const std::string& name);
  // Why load(name) fails, for the message after "time zone 'NAME'": not
  // shaped like an IANA name (Area/City: letters, digits, '_', '-', '+'
  // between single '/'), no such file, or a file that is not a valid TZif.
  // Empty when it loads.
  static std::string why_not(const std::string& name);
  // The name as a message can show it (control bytes such as NUL as \x00).
  static std::string printable(const std::string& name);

  const std::string& name() const { return m_name; }

  // UTC offset in seconds at the UTC instant `utc` (seconds since the epoch).
  int offset_at_utc(std::int64_t utc) const;
  // UTC instant of a local wall time (seconds since the epoch as if local
  // were UTC). In a gap or overlap the earlier offset is used.
  std::int64_t to_utc(std::int64_t local) const;
  // True when the offset does not change between the two UTC instants.
  bool fixed_between(std::int64_t utc_from, std::int64_t utc_to) const;

private:
  std::string m_name;
  std::vector<std::int64_t> m_transitions;  // UTC instants, ascending
  std::vector<int> m_offsets;               // offset after each transition
  int m_initial_offset = 0;                 // before the first transition
};

}  // namespace sopctl
