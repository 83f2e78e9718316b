// Reading ClickHouse's answer to the AARRR query (aarrr_sql.cpp): rows per
// (kind, acquisition day, --by value), then WITH TOTALS' row. Acquired
// users' rows are folded: by value into acquisition, by day into D1/D7/D30
// and the cohort table (aarrr::retention_of_days), summed for the rest; the
// totals row gives what does not add up (rows, distinct referrers, the
// latest time).

#include "tsv_answer.hpp"

#include <sopctl/sql/aarrr_sql.hpp>

#include <sopctl/base/error.hpp>

#include <fmt/format.h>

#include <map>

namespace sopctl::sql {

namespace {

using detail::Answer;
using detail::Row;

constexpr std::int64_t k_day = 86400;
constexpr std::uint64_t k_acquired = 2;
constexpr std::uint64_t k_not_acquired = 1;

// A day number of the answer as a Date, within 0001-01-01..9999-12-31.
Date day_in_range(const Answer& a, std::int64_t day) {
  if (day < k_first_date.days || day > k_last_date.days) {
    a.fail(fmt::format("day {} is outside 0001-01-01..9999-12-31", day));
  }
  return Date{static_cast<std::int32_t>(day)};
}

}  // namespace

aarrr::Result read_aarrr_answer(std::string_view answer, const aarrr::Spec& spec,
                                const AarrrSource& source, const std::string& where) {
  const Answer a(answer, where, "aarrr");
  const int periods = spec.periods.value_or(aarrr::default_periods(spec.cohort));
  for (int k = 1; k <= periods; ++k) {
    a.column(fmt::format("p_{}", k));  // the query was made for these periods
  }
  if (a.totals().size() != 1) {
    if (a.rows().empty() && a.totals().empty()) {
      throw Error(fmt::format("{}: table {} holds no rows", where, source.events.table));
    }
    a.fail("no totals row (WITH TOTALS)");
  }
  const Row& total = a.totals()[0];

  aarrr::Result r;
  r.activation_window = spec.activation_window;
  r.unbounded = spec.unbounded;
  r.cohort = spec.cohort;
  r.rows = a.count(total, "rows");
  if (r.rows > 0) {
    const std::int64_t last = a.integer(total, "last_ts");
    r.end_of_data = day_in_range(a, last / k_day - (last % k_day < 0 ? 1 : 0));
  }
  if (a.count(total, "bad") > 0) {
    throw aarrr::BadAmount(a.text(total, "bad_value"), a.text(total, "bad_event"),
                           source.amount_column, SourceLoc{where});
  }
  r.ignored_not_acquired = a.count(total, "ignored_not_acquired");
  r.ignored_before_acquisition = a.count(total, "ignored_before");
  r.referral.referrers = a.count(total, "referrers");

  std::map<std::string, std::uint64_t> by_users;
  std::map<std::int64_t, aarrr::DayCounts> days;
  std::int64_t micros = 0;
  double other = 0;
  for (const Row& row : a.rows()) {
    const std::uint64_t kind = a.count(row, "kind");
    const std::uint64_t users = a.count(row, "users");
    if (kind == k_not_acquired) {
      r.users += users;
    }
    if (kind != k_acquired) {
      continue;
    }
    r.users += users;
    r.acquisition.users += users;
    by_users[a.text(row, "seg")] += users;
    const std::int64_t day = a.integer(row, "acq_day");
    aarrr::DayCounts& d = days[day];
    d.day = day_in_range(a, day);
    d.users += users;
    d.hits[0] += a.count(row, "hit_1");
    d.hits[1] += a.count(row, "hit_7");
    d.hits[2] += a.count(row, "hit_30");
    d.periods.resize(static_cast<std::size_t>(periods), 0);
    for (int k = 1; k <= periods; ++k) {
      d.periods[static_cast<std::size_t>(k - 1)] += a.count(row, fmt::format("p_{}", k));
    }
    // Counts of users of this row never exceed its users.
    for (const char* part : {"activated", "hit_1", "hit_7", "hit_30", "paying", "referred"}) {
      if (a.count(row, part) > users) {
        a.fail(fmt::format("more {} than users in a row", part));
      }
    }
    for (const std::uint64_t p : d.periods) {
      if (p > d.users) {
        a.fail("more users retained in a period than acquired");
      }
    }
    if (a.count(row, "repeaters") > a.count(row, "paying") ||
        a.count(row, "paying") > a.count(row, "purchases")) {
      a.fail("more repeat buyers than paying users, or paying users than purchases");
    }
    r.activation.users += a.count(row, "activated");
    r.revenue.paying_users += a.count(row, "paying");
    r.revenue.purchases += a.count(row, "purchases");
    r.revenue.repeat_users += a.count(row, "repeaters");
    micros += a.integer(row, "micros");
    other += a.number(row, "other").value_or(0);
    r.referral.invites += a.count(row, "invites");
    r.referral.referred += a.count(row, "referred");
  }

  if (!source.events.by_column.empty()) {
    r.acquisition.by_column = source.events.by_column;
    for (const auto& [value, users] : by_users) {
      r.acquisition.by.push_back({value, users});
    }
    aarrr::sort_by_values(r.acquisition.by);
  }
  std::vector<aarrr::DayCounts> per_day;
  for (auto& [day, counts] : days) {
    per_day.push_back(std::move(counts));
  }
  r.retention = aarrr::retention_of_days(per_day, spec, r.end_of_data);
  r.revenue.revenue = static_cast<double>(micros) / 1e6 + other;
  aarrr::derive_rates(r, spec);
  return r;
}

}  // namespace sopctl::sql
