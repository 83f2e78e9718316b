// The per-user part of the funnel query in DuckDB's form: a WITH list, one
// query per step. DuckDB expands an alias used in the same SELECT into its
// expression, so a chain of aliases (p2 from q2 from p1 ...) would grow with
// every step; a query per step computes each list once.

#include "sql_parts.hpp"

#include <fmt/format.h>

namespace sopctl::sql::detail {

namespace {

void cte(Writer& w, const std::string& name, const std::vector<std::string>& columns,
         const std::string& from, bool last = false) {
  w.line(name + " AS (");
  w.indent();
  w.open_select();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    w.line(columns[i] + (i + 1 < columns.size() ? "," : ""));
  }
  w.close_select();
  w.line("FROM " + from);
  w.dedent();
  w.line(last ? ")" : "),");
}

}  // namespace

void duckdb_attempts(Writer& w, const funnel::Spec& spec, const Slots& slots, const Source& src) {
  const Dialect d = Dialect::duckdb;
  const std::size_t m = spec.steps.size();
  const bool by = !src.by_column.empty();
  const std::string event = ident(src.event_column);
  const std::string user = ident(src.user_column);
  const std::string names = list_of(slots.names, d);
  const std::string secs = fmt::format("CAST(epoch({}) AS BIGINT)", ident(src.time_column));
  const std::string slot = fmt::format("list_position({}, {})", names, event);
  const std::string value =
      by ? fmt::format("coalesce(CAST({} AS VARCHAR), '')", ident(src.by_column)) : "";
  const std::string order = fmt::format("{}, {}{}", secs, slot, by ? ", " + value : "");

  w.line("WITH");
  // Per user, the sorted step events: t (local seconds), s (step slot), v (--by value).
  w.line("per_user AS (");
  w.indent();
  w.open_select();
  w.line(user + ",");
  w.line(fmt::format("list({} ORDER BY {}) AS t,", secs, order));
  w.line(fmt::format("list({} ORDER BY {}) AS s{}", slot, order, by ? "," : ""));
  if (by) {
    w.line(fmt::format("list({} ORDER BY {}) AS v", value, order));
  }
  w.close_select();
  w.line("FROM " + table(src.table));
  w.line(fmt::format("WHERE {} IN ({})", event, names.substr(1, names.size() - 2)));
  w.line("GROUP BY " + user);
  w.dedent();
  w.line("),");
  // p1: the step-1 events, one attempt each; pk: where each attempt
  // reached step k (0: not), from qk, the first step-k event after step k-1.
  cte(w, "step_1", {"*", "list_filter(range(1, len(s) + 1), j -> s[j] = 1) AS p1"}, "per_user");
  const std::string within = spec.window < 0
                                 ? std::string()
                                 : fmt::format(" AND t[q{{0}}[x]] <= t[p1[x]] + {}", spec.window);
  for (std::size_t k = 2; k <= m; ++k) {
    const std::size_t sk = slots.of_step[k - 1];
    std::vector<std::string> next = {
        "*", fmt::format("list_transform(p{0}, p -> CASE WHEN p = 0 THEN 0 ELSE "
                         "coalesce(list_filter(range(p + 1, len(s) + 1), j -> s[j] = {1})[1], 0) "
                         "END) AS q{2}",
                         k - 1, sk, k)};
    std::string cond = fmt::format("q{0}[x] > 0", k);
    if (spec.mode == funnel::Mode::strict) {
      next.push_back(fmt::format(
          "list_transform(p{0}, p -> CASE WHEN p = 0 THEN 0 ELSE coalesce(list_filter(range(p + "
          "1, len(s) + 1), j -> s[j] != s[p])[1], 0) END) AS o{1}",
          k - 1, k));
      cond += fmt::format(" AND (o{0}[x] = 0 OR q{0}[x] <= o{0}[x])", k);
    }
    cond += fmt::format(fmt::runtime(within), k);
    cte(w, fmt::format("next_{}", k), next, fmt::format("step_{}", k - 1));
    cte(w, fmt::format("step_{}", k),
        {"*", fmt::format("list_transform(range(1, len(p1) + 1), x -> CASE WHEN {} THEN q{}[x] "
                          "ELSE 0 END) AS p{}",
                          cond, k, k)},
        fmt::format("next_{}", k));
  }
  // The level of each attempt, the user's level, the best attempt.
  std::string level_sum;
  std::string best;
  for (std::size_t k = 1; k <= m; ++k) {
    level_sum += fmt::format("{}CAST(p{}[x] > 0 AS INTEGER)", k > 1 ? " + " : "", k);
    best += fmt::format("{}p{}[best]", k > 1 ? ", " : "", k);
  }
  cte(w, "levels",
      {"*", fmt::format("list_transform(range(1, len(p1) + 1), x -> {}) AS levels", level_sum)},
      fmt::format("step_{}", m));
  cte(w, "best",
      {"*", "coalesce(list_max(levels), 0) AS level",
       "coalesce(list_position(levels, list_max(levels)), 0) AS best"},
      "levels");
  cte(w, "best_steps", {"*", fmt::format("[{}] AS bp", best)}, "best");
  std::vector<std::string> cols = {"level"};
  if (by) {
    cols.push_back(fmt::format("coalesce(v[bp[{}]], '') AS seg", by_step_index(spec)));
  }
  for (std::size_t s = 1; s <= slots.names.size(); ++s) {
    cols.push_back(fmt::format("len(list_filter(s, x -> x = {0})) AS e{0}", s));
  }
  for (std::size_t k = 2; k <= m; ++k) {
    cols.push_back(fmt::format("t[bp[{}]] - t[bp[{}]] AS d{}", k, k - 1, k));
  }
  cols.push_back(fmt::format("t[bp[{}]] - t[bp[1]] AS dt", m));
  cte(w, "attempts", cols, "best_steps", true);
}

}  // namespace sopctl::sql::detail
