#include <sopctl/base/error.hpp>
#include <sopctl/sql/aarrr_sql.hpp>

#include <doctest/doctest.h>

#include "sql_fixture.hpp"

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

namespace aarrr = sopctl::aarrr;
using sopctl::Error;
using sopctl::sql::aarrr_sql;
using sopctl::sql::AarrrSource;
using sopctl::sql::Dialect;

aarrr::Spec stages() {
  aarrr::Spec s;
  const char* names[] = {"join_group", "check_in", "read", "order", "invite"};
  for (std::size_t i = 0; i < aarrr::k_stages; ++i) {
    s.mapping.stages[i].push_back({names[i], {}});
  }
  return s;
}

AarrrSource source(const std::string& by = "") {
  AarrrSource s{sql_fixture::on("db.events"), "referrer", "amount"};
  s.events.by_column = by;
  return s;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("sql::aarrr_sql: ClickHouse's nested form") {
  const std::string q = aarrr_sql(stages(), source("channel"), Dialect::clickhouse);
  CHECK(has(q, "-- sopctl aarrr (clickhouse): local time in Asia/Shanghai, by channel"));
  CHECK(has(q, "--   activation: check_in (within 604800 s of acquisition)"));
  CHECK(has(q, "FROM \"db\".\"events\""));
  CHECK(has(q, "\"event\" IN ('join_group') AS acq"));
  CHECK(has(q, "toString(\"channel\") AS v"));
  CHECK(has(q, "toString(\"referrer\") AS r"));
  CHECK(has(q, "arraySort(groupArrayIf((t, v, r, u), acq)) AS acqs"));
  CHECK(has(q, "x >= acq_t AND x - acq_t <= 604800"));
  CHECK(has(q, "countIf(has(offsets, 30)) AS hit_30"));
  CHECK(has(q, "countIf(has(periods, 30)) AS p_30"));
  CHECK_FALSE(has(q, "p_31"));
  CHECK(has(q, "GROUP BY kind, acq_day, seg WITH TOTALS"));
  CHECK(has(q, "'^[ \\\\t\\\\r\\\\n]+|[ \\\\t\\\\r\\\\n]+$'"));  // backslashes doubled
}

TEST_CASE("sql::aarrr_sql: DuckDB's WITH list") {
  const std::string q = aarrr_sql(stages(), source(), Dialect::duckdb);
  CHECK(has(q, "WITH\nlog_rows AS ("));
  CHECK(has(q, "coalesce(\"event\" IN ('join_group'), false) AS acq"));
  CHECK(has(q, "'' AS v"));
  CHECK(has(q, "ORDER BY t, v, r) FILTER (WHERE acq) AS acqs"));
  CHECK(has(q, "GROUP BY GROUPING SETS ((kind, acq_day, seg), ())"));
  CHECK(has(q, "'^[ \\t\\r\\n]+|[ \\t\\r\\n]+$'"));  // standard literals: as written
}

TEST_CASE("sql::aarrr_sql: the options") {
  aarrr::Spec s = stages();
  s.unbounded = true;
  s.cohort = aarrr::CohortUnit::month;
  s.activation_window = aarrr::k_no_window;
  s.mapping.stages[4].clear();  // no referral stage
  AarrrSource src = source();
  src.referrer_column.clear();
  src.amount_column.clear();
  const std::string ch = aarrr_sql(s, src, Dialect::clickhouse);
  CHECK(has(ch, "arrayExists(x -> x >= 7, offsets)"));
  CHECK(has(ch, "toMonth(\"ts\", 'Asia/Shanghai') - 1 AS u"));
  CHECK(has(ch, "--   referral: -"));
  CHECK(has(ch, "0 AS inv"));
  CHECK(has(ch, "'' AS r"));
  CHECK(has(ch, "'0' AS raw"));
  CHECK(has(ch, "(any time after acquisition)"));
  CHECK_FALSE(has(ch, "x - acq_t <="));
  CHECK(has(ch, "p_12"));  // 12 months by default
  const std::string duck = aarrr_sql(s, src, Dialect::duckdb);
  CHECK(has(duck, "list_max(periods) >= 12"));
  CHECK(has(duck, "false AS inv"));
  CHECK(has(duck, "year(\"ts\") * 12 + month(\"ts\") - 1 AS u"));
  s.cohort = aarrr::CohortUnit::week;
  CHECK(has(aarrr_sql(s, src, Dialect::clickhouse), "intDiv(d + 3, 7) AS u"));
}

TEST_CASE("sql::aarrr_sql: what it refuses") {
  aarrr::Spec s = stages();
  s.periods = sopctl::sql::k_max_sql_periods + 1;
  CHECK_THROWS_WITH_AS(aarrr_sql(s, source(), Dialect::duckdb),
                       doctest::Contains("--periods 367: the query carries at most 366"), Error);
  AarrrSource src = source();
  src.amount_column = "a\"mount";
  CHECK_THROWS_WITH_AS(aarrr_sql(stages(), src, Dialect::clickhouse),
                       doctest::Contains("--amount-col 'a\"mount'"), Error);
  src = source();
  src.referrer_column = "ref\\";
  CHECK_THROWS_WITH_AS(aarrr_sql(stages(), src, Dialect::clickhouse),
                       doctest::Contains("--referrer-col"), Error);
  src = source();
  src.events.table.clear();
  CHECK_THROWS_AS(aarrr_sql(stages(), src, Dialect::clickhouse), Error);
}

}  // namespace SOPCTL_TU_ID
