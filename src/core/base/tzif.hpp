#pragma once
// Private to base/: the TZif reader behind TimeZone::load (RFC 8536).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sopctl::tzif {

// RFC 8536 bounds UT offsets to (-25h, +26h); refusing more keeps the
// arithmetic in to_utc() far from overflow.
inline constexpr int k_max_offset = 26 * 3600;
// The POSIX footer's rules are expanded into transitions up to this year;
// later instants keep the last offset, which is far beyond any plan.
inline constexpr int k_last_rule_year = 2100;
inline constexpr std::int64_t k_day = 86400;

struct Zone {
  std::vector<std::int64_t> transitions;
  std::vector<int> offsets;
  int initial_offset = 0;
};

// The zone of a TZif file's bytes; nullopt when they are not one.
std::optional<Zone> parse_tzif(std::string_view bytes);

}  // namespace sopctl::tzif
