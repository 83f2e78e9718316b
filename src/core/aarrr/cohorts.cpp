// The cohort table of the AARRR report: how many periods it shows, and the
// retained share per cohort and period, null where a period is not complete.

#include "parts.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::aarrr::detail {

std::int64_t period_count(std::optional<std::int64_t> first_unit, std::optional<Date> end_of_data,
                          CohortUnit unit, std::optional<int> cap) {
  if (!first_unit || !end_of_data) {
    return 0;
  }
  std::int64_t last_complete = unit_of(*end_of_data, unit);
  if (unit_end(last_complete, unit).days > end_of_data->days) {
    --last_complete;
  }
  const std::int64_t most = cap ? *cap : default_periods(unit);
  return std::clamp<std::int64_t>(last_complete - *first_unit, 0, std::max<std::int64_t>(most, 0));
}

CohortTable::Acc& CohortTable::user_of(std::int64_t cohort) {
  Acc& c = m_cohorts[cohort];
  if (c.retained.empty()) {
    const auto cells =
        static_cast<std::uint64_t>(m_cohorts.size()) * static_cast<std::uint64_t>(m_periods + 1);
    if (cells > k_max_cohort_cells) {
      throw Error(trf(
          "the cohort table would hold more than {} cells ({}+ {} cohorts x {} periods): ask for "
          "fewer periods (--periods N), larger cohorts (--cohort week or month), or a shorter "
          "span of data",
          k_max_cohort_cells, m_cohorts.size(), cohort_unit_name(m_unit), m_periods + 1));
    }
    c.retained.assign(static_cast<std::size_t>(m_periods) + 1, 0);
  }
  ++c.users;
  ++c.retained[0];
  return c;
}

void CohortTable::add(std::int64_t cohort, std::vector<std::int64_t>& periods) {
  Acc& c = user_of(cohort);
  std::sort(periods.begin(), periods.end());
  periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
  for (const std::int64_t k : periods) {
    if (k >= 1 && k <= m_periods) {
      ++c.retained[static_cast<std::size_t>(k)];
    }
  }
}

void CohortTable::add_through(std::int64_t cohort, std::int64_t last) {
  Acc& c = user_of(cohort);
  for (std::int64_t k = 1; k <= std::min(last, m_periods); ++k) {
    ++c.retained[static_cast<std::size_t>(k)];
  }
}

void CohortTable::add_counts(std::int64_t cohort, std::uint64_t users,
                             const std::vector<std::uint64_t>& retained) {
  if (users == 0) {
    return;
  }
  Acc& c = user_of(cohort);
  c.users += users - 1;
  c.retained[0] += users - 1;
  for (std::size_t k = 1; k <= retained.size() && k <= static_cast<std::size_t>(m_periods); ++k) {
    c.retained[k] += retained[k - 1];
  }
}

void CohortTable::finish(std::optional<std::int64_t> end_day, Retention& out) const {
  const auto n = static_cast<std::size_t>(m_periods) + 1;
  std::vector<std::uint64_t> mean_retained(n, 0);
  out.mean_users.assign(n, 0);
  for (const auto& [start, acc] : m_cohorts) {
    Cohort c;
    c.start = unit_start(start, m_unit);
    c.users = acc.users;
    c.retained = acc.retained;
    for (std::size_t k = 0; k < n; ++k) {
      const bool complete =
          end_day && unit_end(start + static_cast<std::int64_t>(k), m_unit).days <= *end_day;
      if (k == 0 || complete) {
        c.periods.push_back(ratio(acc.retained[k], acc.users));
        mean_retained[k] += acc.retained[k];
        out.mean_users[k] += acc.users;
      } else {
        c.periods.push_back(std::nullopt);
        c.retained[k] = 0;
      }
    }
    out.cohorts.push_back(std::move(c));
  }
  for (std::size_t k = 0; k < n; ++k) {
    out.mean.push_back(ratio(mean_retained[k], out.mean_users[k]));
  }
}

}  // namespace sopctl::aarrr::detail

namespace sopctl::aarrr {

Retention retention_of_days(const std::vector<DayCounts>& days, const Spec& spec,
                            std::optional<Date> end_of_data) {
  using detail::k_days;
  std::optional<std::int64_t> first_unit;
  for (const DayCounts& d : days) {
    if (d.users > 0) {
      const std::int64_t u = unit_of(d.day, spec.cohort);
      first_unit = first_unit ? std::min(*first_unit, u) : u;
    }
  }
  const std::int64_t periods =
      detail::period_count(first_unit, end_of_data, spec.cohort, spec.periods);
  detail::CohortTable cohorts(periods, spec.cohort);
  std::array<std::uint64_t, 3> retained{}, eligible{};
  for (const DayCounts& d : days) {
    for (std::size_t k = 0; k < k_days.size(); ++k) {
      if (end_of_data && d.day.days + k_days[k] <= end_of_data->days) {
        eligible[k] += d.users;
        retained[k] += d.hits[k];
      }
    }
    cohorts.add_counts(unit_of(d.day, spec.cohort), d.users, d.periods);
  }
  Retention out;
  for (std::size_t k = 0; k < k_days.size(); ++k) {
    out.days[k] =
        RetentionDay{k_days[k], retained[k], eligible[k], detail::ratio(retained[k], eligible[k])};
  }
  std::optional<std::int64_t> end_day;
  if (end_of_data) {
    end_day = end_of_data->days;
  }
  cohorts.finish(end_day, out);
  return out;
}

}  // namespace sopctl::aarrr
