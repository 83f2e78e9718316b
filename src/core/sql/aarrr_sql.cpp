// aarrr::compute as one SQL query (docs/warehouse.md). Three steps, nested
// subqueries in ClickHouse and a WITH list in DuckDB:
//   log_rows  per row: local seconds t, local day d, cohort unit u, which
//             stages its event serves, the --by value v, the referrer r and
//             the amount (exact millionths where written as a plain decimal);
//   per_user  per user: the acquisition events sorted by (t, v, r), the times
//             of every other stage's events, rows and the latest time;
//   facts     per user: kind (2 acquired, 1 mapped events but no acquisition,
//             0 no user id or no mapped event), the acquisition day, and what
//             the user did from acquisition on;
// then counts per (kind, acquisition day, --by value) and for everyone; the
// client (aarrr_answer.cpp) folds the days into D1/D7/D30 and cohorts.

#include "aarrr_parts.hpp"

#include <sopctl/base/error.hpp>

#include <fmt/format.h>

namespace sopctl::sql {

namespace {

using detail::AarrrQuery;
using detail::Writer;

void write_list(Writer& w, const std::vector<std::string>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    w.line(items[i] + (i + 1 < items.size() ? "," : ""));
  }
}

void header_comment(Writer& w, const AarrrQuery& q) {
  const aarrr::Spec& spec = q.spec;
  w.line(fmt::format("-- sopctl aarrr ({}): local time in {}{}", dialect_name(q.dialect),
                     q.src.events.zone,
                     q.src.events.by_column.empty() ? "" : ", by " + q.src.events.by_column));
  for (const aarrr::Stage s : aarrr::k_all_stages) {
    std::string names;
    for (const aarrr::Mapping::Name& n : spec.mapping[s]) {
      names += (names.empty() ? "" : ", ") + n.name;
    }
    std::string how;
    if (s == aarrr::Stage::activation) {
      how = spec.activation_window < 0
                ? " (any time after acquisition)"
                : fmt::format(" (within {} s of acquisition)", spec.activation_window);
    } else if (s == aarrr::Stage::retention) {
      how = fmt::format(" ({} day N; cohorts by {}, periods 1..{})",
                        spec.unbounded ? "on or after" : "on", aarrr::cohort_unit_name(spec.cohort),
                        q.periods);
    }
    w.line(fmt::format("--   {}: {}{}", aarrr::stage_name(s), names.empty() ? "-" : names, how));
  }
  w.line("-- One row per (kind, acquisition day, --by value): kind 2 acquired users,");
  w.line("-- 1 users with mapped events but no acquisition, 0 rows of no user or no mapped event;");
  w.line(q.ch() ? "-- then WITH TOTALS' row for everyone."
                : "-- then the row for everyone (is_total = 1).");
}

// The outer counts, per group and for everyone.
std::vector<std::string> counts(const AarrrQuery& q) {
  std::vector<std::string> out = {
      q.count_all() + " AS users",
      "sum(n) AS rows",
      "max(last_t) AS last_ts",
      q.count_if("is_activated") + " AS activated",
  };
  for (const int day : {1, 7, 30}) {
    out.push_back(q.count_if(q.retained("offsets", day)) + fmt::format(" AS hit_{}", day));
  }
  for (int k = 1; k <= q.periods; ++k) {
    out.push_back(q.count_if(q.retained("periods", k)) + fmt::format(" AS p_{}", k));
  }
  out.push_back(q.count_if("n_purchases > 0") + " AS paying");
  out.push_back("sum(n_purchases) AS purchases");
  out.push_back(q.count_if("n_purchases >= 2") + " AS repeaters");
  out.push_back("sum(user_micros) AS micros");
  out.push_back("sum(user_other) AS other");
  out.push_back("sum(n_invites) AS invites");
  out.push_back(q.count_if("ref != ''") + " AS referred");
  out.push_back((q.ch() ? std::string("uniqExactIf(ref, ref != '')")
                        : std::string("count(DISTINCT ref) FILTER (WHERE ref <> '')")) +
                " AS referrers");
  out.push_back(q.sum_if("mapped", "kind = 1") + " AS ignored_not_acquired");
  out.push_back("sum(before_acq) AS ignored_before");
  out.push_back("sum(user_bad) AS bad");
  out.push_back(q.min_if("user_bad_value", "user_bad > 0") + " AS bad_value");
  out.push_back(q.min_if("user_bad_event", "user_bad > 0") + " AS bad_event");
  return out;
}

void clickhouse(Writer& w, const AarrrQuery& q) {
  w.open_select();
  w.line("kind,");
  w.line("acq_day,");
  w.line("seg,");
  write_list(w, counts(q));
  w.close_select();
  w.open_from();
  w.open_select();
  write_list(w, detail::facts_columns(q));
  w.close_select();
  w.open_from();
  w.open_select();
  write_list(w, detail::per_user_columns(q));
  w.close_select();
  w.open_from();
  w.open_select();
  write_list(w, detail::row_columns(q));
  w.close_select();
  w.line("FROM " + detail::table(q.src.events.table));
  w.close_from();
  w.line("GROUP BY uid");
  w.close_from();
  w.close_from();
  w.line("GROUP BY kind, acq_day, seg WITH TOTALS");
  w.line("ORDER BY kind, acq_day, seg");
}

void duckdb(Writer& w, const AarrrQuery& q) {
  const auto cte = [&](const std::string& name, const std::vector<std::string>& columns,
                       const std::string& from, const std::string& tail) {
    w.line(name + " AS (");
    w.indent();
    w.open_select();
    write_list(w, columns);
    w.close_select();
    w.line("FROM " + from);
    if (!tail.empty()) {
      w.line(tail);
    }
    w.dedent();
    w.line(name == "facts" ? ")" : "),");
  };
  w.line("WITH");
  cte("log_rows", detail::row_columns(q), detail::table(q.src.events.table), "");
  cte("per_user", detail::per_user_columns(q), "log_rows", "GROUP BY uid");
  cte("facts", detail::facts_columns(q), "per_user", "");
  w.open_select();
  w.line("kind,");
  w.line("acq_day,");
  w.line("seg,");
  w.line("GROUPING(kind) AS is_total,");
  write_list(w, counts(q));
  w.close_select();
  w.line("FROM facts");
  w.line("GROUP BY GROUPING SETS ((kind, acq_day, seg), ())");
  w.line("ORDER BY is_total, kind, acq_day, seg");
}

}  // namespace

std::string aarrr_sql(const aarrr::Spec& spec, const AarrrSource& source, Dialect dialect) {
  check_source(source.events);
  detail::check_aarrr_columns(source);
  const AarrrQuery q(spec, source, dialect);
  Writer w;
  header_comment(w, q);
  if (q.ch()) {
    clickhouse(w, q);
  } else {
    duckdb(w, q);
  }
  return w.take();
}

}  // namespace sopctl::sql
