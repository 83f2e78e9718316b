// Reading ClickHouse's answer to the funnel query (TabSeparatedWithNames,
// one row per --by value, an empty line, then WITH TOTALS' row) into the
// funnel::Result that funnel::compute gives on the same data.

#include "tsv_answer.hpp"

#include <sopctl/sql/sql.hpp>

#include <sopctl/base/error.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::sql {

namespace {

using detail::Answer;
using detail::Row;

funnel::Funnel funnel_of(const Answer& a, const Row& row, const funnel::Spec& spec) {
  const std::size_t m = spec.steps.size();
  std::vector<std::uint64_t> users;
  std::vector<std::optional<double>> medians(m);
  for (std::size_t k = 1; k <= m; ++k) {
    users.push_back(a.count(row, fmt::format("users_{}", k)));
    if (k >= 2) {
      medians[k - 1] = a.number(row, fmt::format("median_{}", k));
    }
  }
  for (std::size_t k = 1; k < m; ++k) {
    if (users[k] > users[k - 1]) {
      a.fail(fmt::format("more users at step {} than at step {}", k + 1, k));
    }
  }
  funnel::Funnel f = funnel::make_funnel(spec.steps, users, medians);
  for (std::size_t k = 2; k <= m; ++k) {
    f.steps[k - 1].p90_seconds = a.number(row, fmt::format("p90_{}", k));
    f.steps[k - 1].mean_seconds = a.number(row, fmt::format("mean_{}", k));
  }
  if (m >= 2) {
    funnel::TimeToConvert c;
    c.users = a.count(row, "ttc_users");
    c.p50_seconds = a.number(row, "ttc_p50");
    c.p90_seconds = a.number(row, "ttc_p90");
    c.mean_seconds = a.number(row, "ttc_mean");
    for (std::size_t b = 1; b <= funnel::time_bins().size(); ++b) {
      c.histogram.push_back(a.count(row, fmt::format("hist_{}", b)));
    }
    f.time_to_convert = std::move(c);
  }
  return f;
}

}  // namespace

funnel::Result read_funnel_answer(std::string_view answer, const funnel::Spec& spec,
                                  const Source& source, const std::string& where) {
  const Answer a(answer, where, "funnel");
  const bool by = !source.by_column.empty();
  if (by ? a.totals().size() != 1 : (a.rows().size() != 1 || !a.totals().empty())) {
    a.fail(by ? "no totals row (WITH TOTALS)" : "not one row");
  }
  const Row& total = by ? a.totals()[0] : a.rows()[0];
  funnel::Result r;
  r.from_events = true;
  r.mode = funnel::mode_label(spec);
  r.window = spec.window;
  r.total = funnel_of(a, total, spec);
  r.rows = a.count(total, "rows");
  r.users = a.count(total, "users");
  std::vector<std::string> seen;
  for (const std::string& step : spec.steps) {
    if (std::find(seen.begin(), seen.end(), step) != seen.end()) {
      continue;
    }
    seen.push_back(step);
    if (a.count(total, fmt::format("events_{}", seen.size())) == 0) {
      r.notes.push_back(fmt::format("no '{}' event in the table", step));
    }
  }
  if (by) {
    r.by_column = source.by_column;
    for (const Row& row : a.rows()) {
      funnel::Segment seg{a.text(row, "seg"), funnel_of(a, row, spec)};
      if (!seg.funnel.steps.empty() && seg.funnel.steps[0].users > 0) {
        r.segments.push_back(std::move(seg));
      }
    }
    std::stable_sort(r.segments.begin(), r.segments.end(),
                     [](const funnel::Segment& x, const funnel::Segment& y) {
                       const auto ux = x.funnel.steps[0].users;
                       const auto uy = y.funnel.steps[0].users;
                       return ux != uy ? ux > uy : x.value < y.value;
                     });
  }
  return r;
}

}  // namespace sopctl::sql
