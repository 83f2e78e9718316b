// The three steps of the AARRR query (aarrr_sql.cpp) as select lists, in
// ClickHouse's syntax (which must also run on 18.16) or DuckDB's.

#include "aarrr_parts.hpp"

#include <sopctl/base/error.hpp>

#include <fmt/format.h>

namespace sopctl::sql::detail {

namespace {

// The row flags per stage, in aarrr::k_all_stages order.
constexpr const char* k_flags[] = {"acq", "act", "ret", "rev", "inv"};

// An amount written as a plain decimal (aarrr::parse_amount keeps those
// exactly, in millionths): sign, at most 12 digits, at most 6 decimals.
constexpr const char* k_plain = "[+-]?[0-9]{0,12}([.][0-9]{0,6})?";
constexpr const char* k_blank_ends = "^[ \\t\\r\\n]+|[ \\t\\r\\n]+$";

std::string text_of(const std::string& column, Dialect d) {
  return d == Dialect::clickhouse ? "toString(" + ident(column) + ")"
                                  : "coalesce(CAST(" + ident(column) + " AS VARCHAR), '')";
}

// The count of the items x of `list` for which `cond` holds.
std::string count_in(const AarrrQuery& q, const std::string& list, const std::string& cond) {
  return q.ch() ? fmt::format("arrayCount(x -> {}, {})", cond, list)
                : fmt::format("coalesce(len(list_filter({}, x -> {})), 0)", list, cond);
}

}  // namespace

AarrrQuery::AarrrQuery(const aarrr::Spec& s, const AarrrSource& source, Dialect d)
    : spec(s),
      src(source),
      dialect(d),
      periods(s.periods.value_or(aarrr::default_periods(s.cohort))) {
  if (periods > k_max_sql_periods) {
    throw Error(fmt::format(
        "--periods {}: the query carries at most {} cohort periods (a column each); ask for "
        "fewer, or compute locally",
        periods, k_max_sql_periods));
  }
}

std::string AarrrQuery::count_if(const std::string& cond) const {
  return ch() ? "countIf(" + cond + ")" : "count(*) FILTER (WHERE " + cond + ")";
}

std::string AarrrQuery::sum_if(const std::string& expr, const std::string& cond) const {
  return ch() ? fmt::format("sumIf({}, {})", expr, cond)
              : fmt::format("coalesce(sum({}) FILTER (WHERE {}), 0)", expr, cond);
}

std::string AarrrQuery::min_if(const std::string& expr, const std::string& cond) const {
  return ch() ? fmt::format("minIf({}, {})", expr, cond)
              : fmt::format("min({}) FILTER (WHERE {})", expr, cond);
}

std::string AarrrQuery::retained(const std::string& list, int n) const {
  if (spec.unbounded) {
    return ch() ? fmt::format("arrayExists(x -> x >= {}, {})", n, list)
                : fmt::format("list_max({}) >= {}", list, n);
  }
  return ch() ? fmt::format("has({}, {})", list, n) : fmt::format("list_contains({}, {})", list, n);
}

void check_aarrr_columns(const AarrrSource& source) {
  if (!source.referrer_column.empty()) {
    check_name("--referrer-col", source.referrer_column);
  }
  if (!source.amount_column.empty()) {
    check_name("--amount-col", source.amount_column);
  }
}

std::vector<std::string> row_columns(const AarrrQuery& q) {
  const Dialect d = q.dialect;
  const bool ch = q.ch();
  const Source& e = q.src.events;
  const std::string time = ident(e.time_column);
  std::vector<std::string> out = {text_of(e.user_column, d) + " AS uid"};
  if (ch) {
    out.push_back(fmt::format("toInt64(toUInt32(toDateTime(toString({}, {}), 'UTC'))) AS t", time,
                              literal(e.zone, d)));
    out.emplace_back("intDiv(t, 86400) AS d");
  } else {
    out.push_back(fmt::format("CAST(epoch({}) AS BIGINT) AS t", time));
    out.emplace_back("CAST(floor(t / 86400) AS BIGINT) AS d");
  }
  switch (q.spec.cohort) {
    case aarrr::CohortUnit::day:
      out.emplace_back("d AS u");
      break;
    case aarrr::CohortUnit::week:  // weeks from Monday: 1970-01-01 was a Thursday
      out.emplace_back(ch ? "intDiv(d + 3, 7) AS u" : "CAST(floor((d + 3) / 7) AS BIGINT) AS u");
      break;
    case aarrr::CohortUnit::month:
      out.push_back(ch ? fmt::format("toInt64(toYear({0}, {1})) * 12 + toMonth({0}, {1}) - 1 AS u",
                                     time, literal(e.zone, d))
                       : fmt::format("year({0}) * 12 + month({0}) - 1 AS u", time));
      break;
  }
  std::string mapped;
  for (const aarrr::Stage s : aarrr::k_all_stages) {
    const char* flag = k_flags[static_cast<std::size_t>(s)];
    std::vector<std::string> names;
    for (const aarrr::Mapping::Name& n : q.spec.mapping[s]) {
      names.push_back(n.name);
    }
    if (names.empty()) {
      out.push_back(fmt::format("{} AS {}", ch ? "0" : "false", flag));
    } else {
      const std::string list = list_of(names, d);
      const std::string in =
          fmt::format("{} IN ({})", ident(e.event_column), list.substr(1, list.size() - 2));
      out.push_back(ch ? fmt::format("{} AS {}", in, flag)
                       : fmt::format("coalesce({}, false) AS {}", in, flag));
    }
    mapped += (mapped.empty() ? "" : " OR ") + std::string(flag);
  }
  out.push_back(mapped + " AS mapped");
  out.push_back(text_of(e.event_column, d) + " AS ev");
  out.push_back((e.by_column.empty() ? "''" : text_of(e.by_column, d)) + " AS v");
  out.push_back((q.src.referrer_column.empty() ? "''" : text_of(q.src.referrer_column, d)) +
                " AS r");
  // Amounts: s trimmed as parse_amount trims; micros exact for plain
  // decimals, other (floating point) for the rest; ok unless not a number.
  out.push_back((q.src.amount_column.empty() ? "'0'" : text_of(q.src.amount_column, d)) +
                " AS raw");
  const std::string blank = literal(k_blank_ends, d);
  if (ch) {
    out.push_back(fmt::format("replaceRegexpAll(raw, {}, '') AS s", blank));
    out.push_back(fmt::format("match(s, {}) AND match(s, '[0-9]') AS plain",
                              literal(std::string("^") + k_plain + "$", d)));
    out.emplace_back(
        "if(plain, if(substring(s, 1, 1) = '-', -1, 1) * (toInt64OrZero(concat('0', "
        "splitByChar('.', replaceRegexpOne(s, '^[+-]', ''))[1])) * 1000000 + "
        "toInt64OrZero(substring(concat(splitByChar('.', concat(s, '.'))[2], '000000'), 1, "
        "6))), 0) AS micros");
    out.emplace_back("toFloat64OrNull(s) AS num");
    out.emplace_back("if(plain, 0, ifNull(num, 0)) AS other");
    out.emplace_back("plain OR (isNotNull(num) AND isFinite(ifNull(num, 0))) AS ok");
  } else {
    out.push_back(fmt::format("regexp_replace(raw, {}, '', 'g') AS s", blank));
    out.push_back(fmt::format("regexp_full_match(s, {}) AND regexp_matches(s, '[0-9]') AS plain",
                              literal(k_plain, d)));
    out.emplace_back(
        "CASE WHEN plain THEN (CASE WHEN s LIKE '-%' THEN -1 ELSE 1 END) * (TRY_CAST('0' || "
        "split_part(ltrim(s, '+-'), '.', 1) AS BIGINT) * 1000000 + TRY_CAST(left(split_part(s, "
        "'.', 2) || '000000', 6) AS BIGINT)) ELSE 0 END AS micros");
    out.emplace_back("TRY_CAST(s AS DOUBLE) AS num");
    out.emplace_back("CASE WHEN plain THEN 0 ELSE coalesce(num, 0) END AS other");
    out.emplace_back("plain OR coalesce(isfinite(num), false) AS ok");
  }
  return out;
}

std::vector<std::string> per_user_columns(const AarrrQuery& q) {
  if (q.ch()) {
    return {"uid",
            "count() AS n",
            "max(t) AS last_t",
            "countIf(mapped) AS mapped_events",
            "arraySort(groupArrayIf((t, v, r, u), acq)) AS acqs",
            "groupArrayIf(t, act) AS act_t",
            "groupArrayIf((t, d, u), ret) AS ret_e",
            "groupArrayIf((t, micros, other), rev) AS rev_e",
            "groupArrayIf(t, inv) AS inv_t",
            "groupArrayIf(t, mapped) AS mapped_t",
            "countIf(rev AND NOT ok) AS bad_n",
            "minIf(raw, rev AND NOT ok) AS bad_raw",
            "minIf(ev, rev AND NOT ok) AS bad_ev"};
  }
  return {"uid",
          "count(*) AS n",
          "max(t) AS last_t",
          "count(*) FILTER (WHERE mapped) AS mapped_events",
          "list({'t': t, 'v': v, 'r': r, 'u': u} ORDER BY t, v, r) FILTER (WHERE acq) AS acqs",
          "list(t) FILTER (WHERE act) AS act_t",
          "list({'t': t, 'd': d, 'u': u}) FILTER (WHERE ret) AS ret_e",
          "list({'t': t, 'micros': micros, 'other': other}) FILTER (WHERE rev) AS rev_e",
          "list(t) FILTER (WHERE inv) AS inv_t",
          "list(t) FILTER (WHERE mapped) AS mapped_t",
          "count(*) FILTER (WHERE rev AND NOT ok) AS bad_n",
          "min(raw) FILTER (WHERE rev AND NOT ok) AS bad_raw",
          "min(ev) FILTER (WHERE rev AND NOT ok) AS bad_ev"};
}

std::vector<std::string> facts_columns(const AarrrQuery& q) {
  const bool ch = q.ch();
  const std::int64_t w = q.spec.activation_window;
  const std::string within = w < 0 ? "" : fmt::format(" AND x - acq_t <= {}", w);
  std::vector<std::string> out;
  if (ch) {
    out = {"if(uid = '' OR mapped_events = 0, 0, if(empty(acqs), 1, 2)) AS kind",
           "acqs[1] AS first_acq",
           "tupleElement(first_acq, 1) AS acq_t",
           "toInt64(tupleElement(first_acq, 4)) AS acq_u",
           "if(kind = 2, intDiv(acq_t, 86400), 0) AS acq_day",
           "if(kind = 2, tupleElement(first_acq, 2), '') AS seg",
           "if(kind = 2, tupleElement(first_acq, 3), '') AS ref",
           "arrayFilter(e -> kind = 2 AND tupleElement(e, 1) >= acq_t, ret_e) AS live_ret",
           "arrayMap(e -> toInt64(tupleElement(e, 2)) - acq_day, live_ret) AS offsets",
           "arrayMap(e -> toInt64(tupleElement(e, 3)) - acq_u, live_ret) AS periods",
           "arrayFilter(e -> kind = 2 AND tupleElement(e, 1) >= acq_t, rev_e) AS live_rev",
           "length(live_rev) AS n_purchases",
           "arraySum(arrayMap(e -> tupleElement(e, 2), live_rev)) AS user_micros",
           "arraySum(arrayMap(e -> tupleElement(e, 3), live_rev)) AS user_other"};
  } else {
    out = {
        "CASE WHEN uid = '' OR mapped_events = 0 THEN 0 WHEN acqs IS NULL THEN 1 ELSE 2 END "
        "AS kind",
        "acqs[1].t AS acq_t",
        "acqs[1].u AS acq_u",
        "CASE WHEN kind = 2 THEN CAST(floor(acq_t / 86400) AS BIGINT) ELSE 0 END AS acq_day",
        "CASE WHEN kind = 2 THEN acqs[1].v ELSE '' END AS seg",
        "CASE WHEN kind = 2 THEN acqs[1].r ELSE '' END AS ref",
        "list_filter(ret_e, e -> kind = 2 AND e.t >= acq_t) AS live_ret",
        "list_transform(live_ret, e -> e.d - acq_day) AS offsets",
        "list_transform(live_ret, e -> e.u - acq_u) AS periods",
        "list_filter(rev_e, e -> kind = 2 AND e.t >= acq_t) AS live_rev",
        "coalesce(len(live_rev), 0) AS n_purchases",
        "coalesce(list_sum(list_transform(live_rev, e -> e.micros)), 0) AS user_micros",
        "coalesce(list_sum(list_transform(live_rev, e -> e.other)), 0) AS user_other"};
  }
  out.push_back("kind = 2 AND " + count_in(q, "act_t", "x >= acq_t" + within) +
                " > 0 AS is_activated");
  out.push_back(count_in(q, "inv_t", "kind = 2 AND x >= acq_t") + " AS n_invites");
  out.push_back(count_in(q, "mapped_t", "kind = 2 AND x < acq_t") + " AS before_acq");
  out.emplace_back("n");
  out.emplace_back("last_t");
  out.emplace_back("mapped_events AS mapped");
  out.push_back(ch ? "if(uid = '', 0, bad_n) AS user_bad"
                   : "CASE WHEN uid = '' THEN 0 ELSE bad_n END AS user_bad");
  out.emplace_back("bad_raw AS user_bad_value");
  out.emplace_back("bad_ev AS user_bad_event");
  return out;
}

}  // namespace sopctl::sql::detail
