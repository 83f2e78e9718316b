// The outer part of the funnel query: per --by value and for everyone, the
// users per step (level >= k), the events of each step, and the exact
// times from the previous step and to convert, as funnel::compute gives them.

#include "sql_parts.hpp"

#include <fmt/format.h>

#include <vector>

namespace sopctl::sql::detail {

namespace {

std::string window_text(std::int64_t window) {
  return window < 0 ? std::string("none") : fmt::format("{} s", window);
}

// The columns both dialects give, computed from the aggregates: users per
// step, events per step's name, then times (count_if: the dialect's
// conditional count, array_of: the sorted durations of step k / "t").
std::vector<std::string> result_columns(const funnel::Spec& spec, std::size_t slots,
                                        const Source& src, Dialect d, bool from_aggregates) {
  std::vector<std::string> out;
  const std::size_t m = spec.steps.size();
  const bool ch = d == Dialect::clickhouse;
  const auto count_if = [&](const std::string& cond) {
    return ch ? "countIf(" + cond + ")" : "count(*) FILTER (WHERE " + cond + ")";
  };
  const auto col = [&](const std::string& expr, const std::string& name) {
    out.push_back(from_aggregates ? name : expr + " AS " + name);
  };
  col(ch ? "count()" : "count(*)", "users");
  for (std::size_t k = 1; k <= m; ++k) {
    col(count_if(fmt::format("level >= {}", k)), fmt::format("users_{}", k));
  }
  for (std::size_t s = 1; s <= slots; ++s) {
    col(fmt::format("sum(e{})", s), fmt::format("events_{}", s));
  }
  if (!ch && !from_aggregates) {
    // DuckDB: the sorted arrays here, their percentiles one query out.
    for (std::size_t k = 2; k <= m; ++k) {
      out.push_back(fmt::format("list(d{0} ORDER BY d{0}) FILTER (WHERE level >= {0}) AS a{0}", k));
    }
    if (m >= 2) {
      out.push_back(fmt::format("list(dt ORDER BY dt) FILTER (WHERE level = {}) AS tc", m));
    }
  }
  if (ch || from_aggregates) {
    for (std::size_t k = 2; k <= m; ++k) {
      const std::string a = fmt::format("a{}", k);
      out.push_back(median_of(a, d) + fmt::format(" AS median_{}", k));
      out.push_back(percentile_of(a, 0.9, d) + fmt::format(" AS p90_{}", k));
      out.push_back(mean_of(a, d) + fmt::format(" AS mean_{}", k));
    }
    if (m >= 2) {
      out.push_back(std::string(ch ? "length(tc)" : "coalesce(len(tc), 0)") + " AS ttc_users");
      out.push_back(percentile_of("tc", 0.5, d) + " AS ttc_p50");
      out.push_back(percentile_of("tc", 0.9, d) + " AS ttc_p90");
      out.push_back(mean_of("tc", d) + " AS ttc_mean");
    }
  }
  if (m >= 2) {
    const std::vector<std::int64_t>& bins = funnel::time_bins();
    for (std::size_t b = 0; b < bins.size(); ++b) {
      const std::string upper =
          b + 1 < bins.size() ? fmt::format(" AND dt < {}", bins[b + 1]) : std::string();
      const std::string lower = b > 0 ? fmt::format(" AND dt >= {}", bins[b]) : std::string();
      col(count_if(fmt::format("level = {}{}{}", m, lower, upper)), fmt::format("hist_{}", b + 1));
    }
  }
  if (ch || from_aggregates) {
    out.push_back(
        fmt::format("(SELECT {} FROM {}) AS rows", ch ? "count()" : "count(*)", table(src.table)));
  }
  return out;
}

void write_list(Writer& w, const std::vector<std::string>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    w.line(items[i] + (i + 1 < items.size() ? "," : ""));
  }
}

}  // namespace

void header_comment(Writer& w, const funnel::Spec& spec, const Source& src, Dialect d) {
  std::string steps;
  for (const std::string& s : spec.steps) {
    steps += (steps.empty() ? "" : " -> ") + s;
  }
  w.line(fmt::format("-- sopctl funnel ({}): {}", dialect_name(d), steps));
  w.line(fmt::format("-- mode {}, window {} (inclusive), local time in {}{}",
                     funnel::mode_label(spec), window_text(spec.window), src.zone,
                     src.by_column.empty() ? "" : ", by " + src.by_column));
  w.line("-- Per user: step events sorted by (local time, step); an attempt per step-1 event,");
  w.line("-- each next step the earliest event of it after the previous step within the window;");
  w.line("-- the user's level is the best attempt's (the earliest that got furthest).");
  w.line(d == Dialect::clickhouse
             ? "-- One row per --by value, then WITH TOTALS' row for everyone."
             : "-- One row per --by value, then the row for everyone (is_total = 1).");
}

void aggregate(Writer& w, const funnel::Spec& spec, std::size_t slots, const Source& src,
               Dialect d) {
  const std::size_t m = spec.steps.size();
  const bool by = !src.by_column.empty();
  if (d == Dialect::clickhouse) {
    if (m >= 2) {
      w.line("WITH");
      w.indent();
      for (std::size_t k = 2; k <= m; ++k) {
        w.line(fmt::format("arraySort(groupArrayIf(d{0}, level >= {0})) AS a{0},", k));
      }
      w.line(fmt::format("arraySort(groupArrayIf(dt, level = {})) AS tc", m));
      w.dedent();
    }
    w.open_select();
    if (by) {
      w.line("seg,");
    }
    write_list(w, result_columns(spec, slots, src, d, false));
    w.close_select();
    return;
  }
  w.open_select();
  if (by) {
    w.line("seg,");
    w.line("is_total,");
  }
  write_list(w, result_columns(spec, slots, src, d, true));
  w.close_select();
  w.open_from();
  w.open_select();
  if (by) {
    w.line("seg,");
    w.line("GROUPING(seg) AS is_total,");
  }
  write_list(w, result_columns(spec, slots, src, d, false));
  w.close_select();
}

void finish(Writer& w, const funnel::Spec& spec, const Source& src, Dialect d) {
  (void)spec;
  const bool by = !src.by_column.empty();
  if (d == Dialect::clickhouse) {
    if (by) {
      w.line("GROUP BY seg WITH TOTALS");
      w.line("ORDER BY seg");
    }
    return;
  }
  if (by) {
    w.line("GROUP BY GROUPING SETS ((seg), ())");
  }
  w.close_from();
  if (by) {
    w.line("ORDER BY is_total, seg");
  }
}

}  // namespace sopctl::sql::detail
