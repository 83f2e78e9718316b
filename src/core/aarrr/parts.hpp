// Private to src/core/aarrr: the pieces compute() is made of (cohorts.cpp,
// referral.cpp), so that each can be read and tested on its own.

#pragma once

#include <sopctl/aarrr/aarrr.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace sopctl::aarrr::detail {

constexpr std::int64_t k_never = std::numeric_limits<std::int64_t>::min();
// The N of the DN retention figures.
constexpr std::array<int, 3> k_days = {1, 7, 30};

inline std::optional<double> ratio(double a, double b) {
  if (b == 0) {
    return std::nullopt;
  }
  return a / b;
}

inline std::optional<double> ratio(std::uint64_t a, std::uint64_t b) {
  return ratio(static_cast<double>(a), static_cast<double>(b));
}

// Periods 0..N of the cohort table: N is the last period complete for the
// earliest cohort (first_unit), at most `cap` (default_periods() without one).
std::int64_t period_count(std::optional<std::int64_t> first_unit, std::optional<Date> end_of_data,
                          CohortUnit unit, std::optional<int> cap);

// The cohort table while users are counted: per cohort (a unit number), its
// users and, per period 0..N, how many of them were retained.
class CohortTable {
public:
  CohortTable(std::int64_t periods, CohortUnit unit) : m_periods(periods), m_unit(unit) {}

  // One user of `cohort`, retained in `periods` (each in 1..N, any order,
  // repeats allowed; the vector is sorted in place).
  void add(std::int64_t cohort, std::vector<std::int64_t>& periods);
  // One user of `cohort` retained in every period 1..last (unbounded retention).
  void add_through(std::int64_t cohort, std::int64_t last);
  // `users` users of `cohort`, retained[k - 1] of them in period k (beyond
  // the table's last period: not counted).
  void add_counts(std::int64_t cohort, std::uint64_t users,
                  const std::vector<std::uint64_t>& retained);

  // The cohorts, ascending, and the weighted mean per period: cells of
  // periods not complete at `end_day` are null (and count 0).
  void finish(std::optional<std::int64_t> end_day, Retention& out) const;

private:
  struct Acc {
    std::uint64_t users = 0;
    std::vector<std::uint64_t> retained;  // per period
  };
  Acc& user_of(std::int64_t cohort);

  std::int64_t m_periods;
  CohortUnit m_unit;
  std::map<std::int64_t, Acc> m_cohorts;
};

// The median time from a referrer's own acquisition to the acquisition of a
// user they referred (the viral cycle), over referrers who were acquired.
// referred_at: (referrer value, acquisition time) per referred user;
// user_acquired: each user's acquisition time, k_never if none.
std::optional<double> referral_cycle(
    const events::EventLog& log, const events::ExtraColumn& referrer,
    const std::vector<std::pair<std::uint32_t, std::int64_t>>& referred_at,
    const std::vector<std::int64_t>& user_acquired);

}  // namespace sopctl::aarrr::detail
