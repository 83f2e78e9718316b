// funnel::compute as one SQL query (docs/warehouse.md). Per user, the step
// events sorted by (local time, step, --by value), as funnel::compute sorts
// them; an attempt per step-1 event; each next step the earliest event of
// it after the previous one, within the window (earliest is the best
// choice, so this is the local walk); the user's level is the best
// attempt's, the earliest of the furthest. Then counts, exact medians and
// percentiles per --by value. ClickHouse's windowFunnel is not used: it
// orders ties by arrival, not by step (SPEC 5.6). This file: the
// ClickHouse form (nested queries, aliases within one SELECT);
// funnel_duckdb.cpp: DuckDB's (a WITH list: DuckDB expands aliases).

#include "sql_parts.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

namespace sopctl::sql {

namespace {

using detail::Writer;

void refuse_unsupported(const funnel::Spec& spec) {
  if (spec.mode != funnel::Mode::ordered && spec.mode != funnel::Mode::strict) {
    throw Error("--mode " + funnel::mode_label(spec) +
                ": only 'ordered' and 'strict' are expressed in SQL; compute this mode "
                "locally (without --sql/--clickhouse)");
  }
  if (!spec.exclusions.empty()) {
    throw Error(tr("--exclude is not expressed in SQL; compute it locally"));
  }
  if (spec.steps.empty()) {
    throw Error(
        tr("name the funnel steps with --steps a,b,c (or --sop FILE with a 'funnel:' list)"));
  }
}

// The innermost query: per user, the sorted step events as arrays t (local
// seconds), s (slot) and v (the --by value).
void per_user(Writer& w, const detail::Slots& slots, const Source& src) {
  const Dialect d = Dialect::clickhouse;
  const std::string event = detail::ident(src.event_column);
  const std::string user = detail::ident(src.user_column);
  const std::string names = detail::list_of(slots.names, d);
  const bool by = !src.by_column.empty();
  const std::string secs =
      fmt::format("toInt64(toUInt32(toDateTime(toString({}, {}), 'UTC')))",
                  detail::ident(src.time_column), detail::literal(src.zone, d));
  const std::string slot =
      fmt::format("transform({}, {}, [{}], 0)", event, names, detail::numbers(slots.names.size()));
  w.open_select();
  w.line(user + ",");
  w.line(fmt::format("arraySort(groupArray(({}, {}{}))) AS ev,", secs, slot,
                     by ? ", toString(" + detail::ident(src.by_column) + ")" : ""));
  w.line("arrayMap(e -> e.1, ev) AS t,");
  w.line(by ? "arrayMap(e -> e.2, ev) AS s," : "arrayMap(e -> e.2, ev) AS s");
  if (by) {
    w.line("arrayMap(e -> e.3, ev) AS v");
  }
  w.close_select();
  w.line("FROM " + detail::table(src.table));
  w.line(fmt::format("WHERE {} IN ({})", event, names.substr(1, names.size() - 2)));
  w.line("GROUP BY " + user);
}

}  // namespace

namespace detail {

// Per user: the attempts (p1..pm: the position of each step on the attempt
// of each step-1 event, 0 where not reached), the level, the best attempt
// and its times.
void clickhouse_attempts(Writer& w, const funnel::Spec& spec, const Slots& slots,
                         const Source& src) {
  const std::size_t m = spec.steps.size();
  const bool strict = spec.mode == funnel::Mode::strict;
  const std::string within =
      spec.window < 0 ? std::string() : fmt::format(" AND t[q] <= t[a] + {}", spec.window);
  w.open_select();
  w.line("arrayEnumerate(s) AS i,");
  w.line("arrayFilter(j -> s[j] = 1, i) AS p1,");
  for (std::size_t k = 2; k <= m; ++k) {
    // q: the first event of step k after the previous step's; o (strict):
    // the first event after it that is another step's.
    w.line(fmt::format(
        "arrayMap(p -> if(p = 0, 0, arrayFirstIndex((x, j) -> j > p AND x = {}, s, i)), p{}) AS "
        "q{},",
        slots.of_step[k - 1], k - 1, k));
    if (strict) {
      w.line(fmt::format(
          "arrayMap(p -> if(p = 0, 0, arrayFirstIndex((x, j) -> j > p AND x != s[p], s, i)), "
          "p{}) AS o{},",
          k - 1, k));
      w.line(fmt::format(
          "arrayMap((q, o, a) -> if(q > 0 AND (o = 0 OR q <= o){}, q, 0), q{}, o{}, p1) AS p{},",
          within, k, k, k));
    } else {
      w.line(fmt::format("arrayMap((q, a) -> if(q > 0{}, q, 0), q{}, p1) AS p{},", within, k, k));
    }
  }
  std::string params;
  std::string level_sum;
  std::string positions;
  std::string best;
  for (std::size_t k = 1; k <= m; ++k) {
    const char* sep = k > 1 ? ", " : "";
    params += fmt::format("{}a{}", sep, k);
    level_sum += fmt::format("{}(a{} > 0)", k > 1 ? " + " : "", k);
    positions += fmt::format("{}p{}", sep, k);
    best += fmt::format("{}p{}[best]", sep, k);
  }
  w.line(fmt::format("arrayMap(({}) -> {}, {}) AS levels,", params, level_sum, positions));
  w.line("arrayReduce('max', levels) AS level,");
  w.line("arrayFirstIndex(x -> x = level, levels) AS best,");
  w.line(fmt::format("[{}] AS bp,", best));
  if (!src.by_column.empty()) {
    w.line(fmt::format("v[bp[{}]] AS seg,", by_step_index(spec)));
  }
  for (std::size_t s = 1; s <= slots.names.size(); ++s) {
    w.line(fmt::format("arrayCount(x -> x = {0}, s) AS e{0},", s));
  }
  for (std::size_t k = 2; k <= m; ++k) {
    w.line(fmt::format("t[bp[{}]] - t[bp[{}]] AS d{},", k, k - 1, k));
  }
  w.line(fmt::format("t[bp[{}]] - t[bp[1]] AS dt", m));
  w.close_select();
  w.open_from();
  per_user(w, slots, src);
  w.close_from();
}

std::string by_step_index(const funnel::Spec& spec) {
  return spec.by_step == 0   ? "level"
         : spec.by_step == 1 ? "1"
                             : fmt::format("least({}, level)", spec.by_step);
}

}  // namespace detail

std::string funnel_sql(const funnel::Spec& spec, const Source& source, Dialect dialect) {
  refuse_unsupported(spec);
  check_source(source);
  const detail::Slots slots = detail::slots_of(spec);
  Writer w;
  detail::header_comment(w, spec, source, dialect);
  if (dialect == Dialect::clickhouse) {
    detail::aggregate(w, spec, slots.names.size(), source, dialect);
    w.open_from();
    detail::clickhouse_attempts(w, spec, slots, source);
    w.close_from();
  } else {
    detail::duckdb_attempts(w, spec, slots, source);
    detail::aggregate(w, spec, slots.names.size(), source, dialect);
    w.line("FROM attempts");
  }
  detail::finish(w, spec, source, dialect);
  return w.take();
}

}  // namespace sopctl::sql
