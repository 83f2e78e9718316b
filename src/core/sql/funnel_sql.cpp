// funnel::compute as one SQL query (docs/warehouse.md). Per user, the step
// events sorted by (local time, step), as 2.3 sorts them; an attempt per
// step-1 event; each next step the earliest event of it after the previous
// one, within the window (earliest is the best choice, so this is the
// local walk); the user's level is the best attempt's, the earliest of the
// furthest. Then counts, exact medians and percentiles per --by value.
// ClickHouse's windowFunnel is not used: it orders ties by arrival, not by
// step (SPEC 5.6).

#include "sql_parts.hpp"

#include <sopctl/base/error.hpp>

#include <fmt/format.h>

namespace sopctl::sql {

namespace {

using detail::Writer;

// The slot (1-based) of each step: its event name's first step.
struct Slots {
  std::vector<std::string> names;
  std::vector<std::size_t> of_step;  // per step, 1-based
};

Slots slots_of(const funnel::Spec& spec) {
  Slots s;
  for (const std::string& step : spec.steps) {
    std::size_t k = 0;
    while (k < s.names.size() && s.names[k] != step) {
      ++k;
    }
    if (k == s.names.size()) {
      s.names.push_back(step);
    }
    s.of_step.push_back(k + 1);
  }
  return s;
}

void refuse_unsupported(const funnel::Spec& spec) {
  if (spec.mode != funnel::Mode::ordered && spec.mode != funnel::Mode::strict) {
    throw Error("--mode " + funnel::mode_label(spec) +
                ": only 'ordered' and 'strict' are expressed in SQL; compute this mode "
                "locally (without --sql/--clickhouse)");
  }
  if (!spec.exclusions.empty()) {
    throw Error("--exclude is not expressed in SQL; compute it locally");
  }
  if (spec.steps.empty()) {
    throw Error("name the funnel steps with --steps a,b,c (or --sop FILE with a 'funnel:' list)");
  }
}

std::string list_of(const std::vector<std::string>& items, Dialect d) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i > 0 ? ", " : "") + detail::literal(items[i], d);
  }
  return out + "]";
}

// The innermost query: per user, the sorted step events as arrays t (local
// seconds), s (slot) and v (the --by value).
void per_user(Writer& w, const Slots& slots, const Source& src, Dialect d) {
  const std::string event = detail::ident(src.event_column);
  const std::string user = detail::ident(src.user_column);
  const std::string time = detail::ident(src.time_column);
  const std::string names = list_of(slots.names, d);
  const bool by = !src.by_column.empty();
  const std::string z = detail::literal(src.zone, d);
  if (d == Dialect::clickhouse) {
    const std::string secs =
        fmt::format("toInt64(toUInt32(toDateTime(toString({}, {}), 'UTC')))", time, z);
    const std::string slot = fmt::format("transform({}, {}, [{}], 0)", event, names,
                                         detail::numbers(slots.names.size()));
    w.line(fmt::format("arraySort(groupArray(({}, {}{}))) AS ev,", secs, slot,
                       by ? ", toString(" + detail::ident(src.by_column) + ")" : ""));
    w.line("arrayMap(e -> e.1, ev) AS t,");
    w.line(by ? "arrayMap(e -> e.2, ev) AS s," : "arrayMap(e -> e.2, ev) AS s");
    if (by) {
      w.line("arrayMap(e -> e.3, ev) AS v");
    }
  } else {
    const std::string secs = fmt::format("CAST(epoch({}) AS BIGINT)", time);
    const std::string slot = fmt::format("list_position({}, {})", names, event);
    const std::string value =
        by ? fmt::format("coalesce(CAST({} AS VARCHAR), '')", detail::ident(src.by_column)) : "";
    const std::string order = fmt::format("{}, {}{}", secs, slot, by ? ", " + value : "");
    w.line(fmt::format("list({} ORDER BY {}) AS t,", secs, order));
    w.line(fmt::format("list({} ORDER BY {}) AS s{}", slot, order, by ? "," : ""));
    if (by) {
      w.line(fmt::format("list({} ORDER BY {}) AS v", value, order));
    }
  }
  w.close_select();
  w.line("FROM " + detail::table(src.table));
  w.line(fmt::format("WHERE {} IN ({})", event, names.substr(1, names.size() - 2)));
  w.line("GROUP BY " + user);
}

// The middle query: per user, the attempts (p1..pm: the position of each
// step on the attempt of each step-1 event, 0 where not reached), the level,
// the best attempt and its times.
void attempts(Writer& w, const funnel::Spec& spec, const Slots& slots, const Source& src,
              Dialect d) {
  const std::size_t m = spec.steps.size();
  const bool strict = spec.mode == funnel::Mode::strict;
  const bool ch = d == Dialect::clickhouse;
  const auto within = [&](const std::string& q) {
    return spec.window < 0 ? std::string() : fmt::format(" AND t[{}] <= t[a] + {}", q, spec.window);
  };
  w.line(ch ? "arrayEnumerate(s) AS i," : "range(1, len(s) + 1) AS i,");
  w.line(ch ? "arrayFilter(j -> s[j] = 1, i) AS p1," : "list_filter(i, j -> s[j] = 1) AS p1,");
  if (!ch) {
    w.line("range(1, len(p1) + 1) AS n,");  // the attempts, by number
  }
  for (std::size_t k = 2; k <= m; ++k) {
    const std::size_t slot = slots.of_step[k - 1];
    // q: the first event of step k after the previous step's; o (strict):
    // the first event after it that is another step's.
    const std::string next =
        ch ? fmt::format("arrayFirstIndex((x, j) -> j > p AND x = {}, s, i)", slot)
           : fmt::format("coalesce(list_filter(i, j -> j > p AND s[j] = {})[1], 0)", slot);
    const std::string other = ch ? "arrayFirstIndex((x, j) -> j > p AND x != s[p], s, i)"
                                 : "coalesce(list_filter(i, j -> j > p AND s[j] != s[p])[1], 0)";
    const std::string prev = fmt::format("p{}", k - 1);
    if (ch) {
      w.line(fmt::format("arrayMap(p -> if(p = 0, 0, {}), {}) AS q{},", next, prev, k));
      if (strict) {
        w.line(fmt::format("arrayMap(p -> if(p = 0, 0, {}), {}) AS o{},", other, prev, k));
      }
      w.line(fmt::format("arrayMap((q, {}a) -> if(q > 0{}{}, q, 0), q{}, {}p1) AS p{},",
                         strict ? "o, " : "", strict ? " AND (o = 0 OR q <= o)" : "", within("q"),
                         k, strict ? fmt::format("o{}, ", k) : "", k));
    } else {
      w.line(fmt::format("list_transform({}, p -> CASE WHEN p = 0 THEN 0 ELSE {} END) AS q{},",
                         prev, next, k));
      if (strict) {
        w.line(fmt::format("list_transform({}, p -> CASE WHEN p = 0 THEN 0 ELSE {} END) AS o{},",
                           prev, other, k));
      }
      const std::string q = fmt::format("q{}[x]", k);
      w.line(fmt::format(
          "list_transform(n, x -> CASE WHEN {q} > 0{strict}{within} THEN {q} ELSE 0 END) AS p{k},",
          fmt::arg("q", q),
          fmt::arg("strict",
                   strict ? fmt::format(" AND (o{0}[x] = 0 OR {1} <= o{0}[x])", k, q) : ""),
          fmt::arg("within", spec.window < 0
                                 ? std::string()
                                 : fmt::format(" AND t[{}] <= t[p1[x]] + {}", q, spec.window)),
          fmt::arg("k", k)));
    }
  }
  std::string positions;
  std::string level_sum;
  for (std::size_t k = 1; k <= m; ++k) {
    positions += fmt::format("{}p{}", k > 1 ? ", " : "", k);
  }
  if (ch) {
    std::string params;
    for (std::size_t k = 1; k <= m; ++k) {
      params += fmt::format("{}a{}", k > 1 ? ", " : "", k);
      level_sum += fmt::format("{}(a{} > 0)", k > 1 ? " + " : "", k);
    }
    w.line(fmt::format("arrayMap(({}) -> {}, {}) AS levels,", params, level_sum, positions));
    w.line("arrayReduce('max', levels) AS level,");
    w.line("arrayFirstIndex(x -> x = level, levels) AS best,");
  } else {
    for (std::size_t k = 1; k <= m; ++k) {
      level_sum += fmt::format("{}CAST(p{}[x] > 0 AS INTEGER)", k > 1 ? " + " : "", k);
    }
    w.line(fmt::format("list_transform(n, x -> {}) AS levels,", level_sum));
    w.line("coalesce(list_max(levels), 0) AS level,");
    w.line("coalesce(list_position(levels, level), 0) AS best,");
  }
  std::string best;
  for (std::size_t k = 1; k <= m; ++k) {
    best += fmt::format("{}p{}[best]", k > 1 ? ", " : "", k);
  }
  w.line(fmt::format("[{}] AS bp,", best));
  if (!src.by_column.empty()) {
    const std::string step = spec.by_step == 0   ? "level"
                             : spec.by_step == 1 ? "1"
                                                 : fmt::format("least({}, level)", spec.by_step);
    w.line(fmt::format("{} AS seg,",
                       ch ? "v[bp[" + step + "]]" : "coalesce(v[bp[" + step + "]], '')"));
  }
  for (std::size_t s = 1; s <= slots.names.size(); ++s) {
    w.line(ch ? fmt::format("arrayCount(x -> x = {0}, s) AS e{0},", s)
              : fmt::format("len(list_filter(s, x -> x = {0})) AS e{0},", s));
  }
  for (std::size_t k = 2; k <= m; ++k) {
    w.line(fmt::format("t[bp[{}]] - t[bp[{}]] AS d{},", k, k - 1, k));
  }
  w.line(fmt::format("t[bp[{}]] - t[bp[1]] AS dt", m));
  w.close_select();
}

}  // namespace

std::string funnel_sql(const funnel::Spec& spec, const Source& source, Dialect dialect) {
  refuse_unsupported(spec);
  check_source(source);
  const Slots slots = slots_of(spec);
  Writer w;
  detail::header_comment(w, spec, source, dialect);
  detail::aggregate(w, spec, slots.names.size(), source, dialect);
  w.open_from();
  w.open_select();
  attempts(w, spec, slots, source, dialect);
  w.open_from();
  w.open_select();
  w.line(detail::ident(source.user_column) + ",");
  per_user(w, slots, source, dialect);
  w.close_from();
  w.close_from();
  detail::finish(w, spec, source, dialect);
  return w.take();
}

}  // namespace sopctl::sql
