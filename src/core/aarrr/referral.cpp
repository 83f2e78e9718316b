// The viral cycle of the AARRR report's referral stage: how long after a
// referrer joined the users they brought joined.

#include "parts.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace sopctl::aarrr::detail {

std::optional<double> referral_cycle(
    const events::EventLog& log, const events::ExtraColumn& referrer,
    const std::vector<std::pair<std::uint32_t, std::int64_t>>& referred_at,
    const std::vector<std::int64_t>& user_acquired) {
  std::unordered_map<std::string_view, std::uint32_t> value_of;
  for (const auto& [v, ts] : referred_at) {
    value_of.emplace(referrer.values[v], v);
  }
  std::vector<std::int64_t> referrer_joined(referrer.values.size(), k_never);
  for (std::size_t u = 0; u < log.user_count(); ++u) {
    if (const auto it = value_of.find(log.users[u]); it != value_of.end()) {
      referrer_joined[it->second] = user_acquired[u];
    }
  }
  std::vector<double> gaps;
  for (const auto& [v, ts] : referred_at) {
    if (referrer_joined[v] != k_never && ts >= referrer_joined[v]) {
      gaps.push_back(static_cast<double>(ts - referrer_joined[v]));
    }
  }
  if (gaps.empty()) {
    return std::nullopt;
  }
  std::sort(gaps.begin(), gaps.end());
  const std::size_t n = gaps.size();
  return n % 2 == 1 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
}

}  // namespace sopctl::aarrr::detail
