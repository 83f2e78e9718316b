#include <sopctl/base/error.hpp>
#include <sopctl/sql/sql.hpp>

#include <doctest/doctest.h>

#include "sql_fixture.hpp"

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Error;
using sopctl::funnel::Spec;
using sopctl::sql::Dialect;
using sopctl::sql::funnel_sql;
using sopctl::sql::Source;
using sql_fixture::on;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Spec steps(std::vector<std::string> names) {
  Spec s;
  s.steps = std::move(names);
  return s;
}

Source by_channel() {
  Source src = on("db.events");
  src.by_column = "channel";
  return src;
}

TEST_CASE("sql::funnel_sql: ClickHouse's query") {
  const std::string q =
      funnel_sql(steps({"view", "join_group", "order"}), by_channel(), Dialect::clickhouse);
  CHECK(q.rfind("-- ", 0) == 0);                     // starts with what it computes
  CHECK(has(q, "FROM \"db\".\"events\""));           // quoted table
  CHECK(has(q, "['view', 'join_group', 'order']"));  // the step names, once each
  CHECK(has(q, "arraySort(groupArray("));            // 2.3's order, not windowFunnel
  CHECK_FALSE(has(q, "windowFunnel"));
  CHECK(has(q, "'Asia/Shanghai'"));  // local time in the zone
  CHECK(has(q, "604800"));           // the default 7-day window
  CHECK(has(q, "WITH TOTALS"));
  CHECK(has(q, "toString(\"channel\")"));
  CHECK(q.back() == '\n');
  // Deterministic: the same spec, the same bytes.
  CHECK(q == funnel_sql(steps({"view", "join_group", "order"}), by_channel(), Dialect::clickhouse));
}

TEST_CASE("sql::funnel_sql: DuckDB's query") {
  Spec s = steps({"view", "view", "order"});  // a repeated step: one slot
  s.mode = sopctl::funnel::Mode::strict;
  s.window = 86400;
  const std::string q = funnel_sql(s, by_channel(), Dialect::duckdb);
  CHECK(has(q, "WITH"));
  CHECK(has(q, "attempts"));
  CHECK(has(q, "['view', 'order']"));
  CHECK(has(q, "86400"));
  CHECK(has(q, "GROUPING SETS"));
  CHECK_FALSE(has(q, "WITH TOTALS"));
  CHECK(q != funnel_sql(s, by_channel(), Dialect::clickhouse));
}

TEST_CASE("sql::funnel_sql: literals are the dialect's") {
  const std::string ch = funnel_sql(steps({"it's", "a\\b"}), on("ev"), Dialect::clickhouse);
  CHECK(has(ch, "'it\\'s'"));
  CHECK(has(ch, "'a\\\\b'"));
  const std::string duck = funnel_sql(steps({"it's", "a\\b"}), on("ev"), Dialect::duckdb);
  CHECK(has(duck, "'it''s'"));
  CHECK(has(duck, "'a\\b'"));
}

TEST_CASE("sql::funnel_sql: what SQL does not express is an error naming it") {
  const auto refused = [](const Spec& s, const std::string& fragment) {
    for (const Dialect d : {Dialect::clickhouse, Dialect::duckdb}) {
      try {
        funnel_sql(s, on("ev"), d);
        FAIL("no error");
      } catch (const Error& e) {
        CHECK_MESSAGE(has(e.what(), fragment), e.what());
      }
    }
  };
  Spec any = steps({"a", "b"});
  any.mode = sopctl::funnel::Mode::any;
  refused(any, "--mode any");
  std::string error;
  const auto ch = sopctl::funnel::parse_mode_list("strict_order", error);
  REQUIRE(ch);
  Spec chs = *ch;
  chs.steps = {"a", "b"};
  refused(chs, "--mode strict_order");
  Spec ex = steps({"a", "b"});
  ex.exclusions.push_back(sopctl::funnel::Exclusion{"x", 1, 2});
  refused(ex, "--exclude");
  refused(steps({}), "--steps");
}

}  // namespace SOPCTL_TU_ID
