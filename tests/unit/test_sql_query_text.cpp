#include "../../src/core/sql/sql_parts.hpp"

#include <sopctl/base/error.hpp>

#include <doctest/doctest.h>

#include "sql_fixture.hpp"

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Error;
using sopctl::sql::Dialect;
using sopctl::sql::Source;
using sql_fixture::on;
namespace detail = sopctl::sql::detail;

TEST_CASE("sql::check_source") {
  using sopctl::sql::check_source;
  CHECK_NOTHROW(check_source(on("events")));
  CHECK_NOTHROW(check_source(on("db.events")));
  CHECK_NOTHROW(check_source(on("事件表")));
  CHECK_THROWS_WITH_AS(check_source(on("")), doctest::Contains("--table"), Error);
  CHECK_THROWS_WITH_AS(check_source(on("db..events")), doctest::Contains("--table ''"), Error);
  CHECK_THROWS_WITH_AS(check_source(on("ev\"; DROP TABLE x; --")), doctest::Contains("no quote"),
                       Error);
  Source bad = on("ev");
  bad.user_column = "user`id";
  CHECK_THROWS_WITH_AS(check_source(bad), doctest::Contains("--user-col"), Error);
  bad = on("ev");
  bad.by_column = "a\nb";
  CHECK_THROWS_WITH_AS(check_source(bad), doctest::Contains("--by"), Error);
}

TEST_CASE("sql::parse_dialect") {
  CHECK(sopctl::sql::parse_dialect("duckdb") == Dialect::duckdb);
  CHECK(sopctl::sql::parse_dialect("clickhouse") == Dialect::clickhouse);
  CHECK_FALSE(sopctl::sql::parse_dialect("postgres"));
  CHECK(std::string(sopctl::sql::dialect_name(Dialect::clickhouse)) == "clickhouse");
}

TEST_CASE("sql::detail: quoting and lists") {
  CHECK(detail::ident("group") == "\"group\"");
  CHECK(detail::table("db.events") == "\"db\".\"events\"");
  CHECK(detail::literal("it's", Dialect::duckdb) == "'it''s'");
  CHECK(detail::literal("it's \\", Dialect::clickhouse) == "'it\\'s \\\\'");
  CHECK(detail::numbers(3) == "1, 2, 3");
  CHECK(detail::numbers(0).empty());
  CHECK(detail::list_of({"a", "b"}, Dialect::clickhouse) == "['a', 'b']");
  sopctl::funnel::Spec spec;
  spec.steps = {"view", "read", "view", "order"};
  const detail::Slots slots = detail::slots_of(spec);
  CHECK(slots.names == std::vector<std::string>{"view", "read", "order"});
  CHECK(slots.of_step == std::vector<std::size_t>{1, 2, 1, 3});
}

TEST_CASE("sql::detail::Writer indents nested queries") {
  detail::Writer w;
  w.open_select();
  w.line("a");
  w.close_select();
  w.open_from();
  w.line("SELECT 1");
  w.close_from();
  CHECK(w.take() == "SELECT\n    a\nFROM\n(\n    SELECT 1\n)\n");
}

TEST_CASE("sql::detail: percentiles as funnel::compute takes them") {
  // The exact text an analyst sees; its values are checked against real
  // servers by tests/scripts/test_warehouse.py.
  CHECK(detail::mean_of("x", Dialect::clickhouse) ==
        "if(length(x) = 0, NULL, arraySum(x) / length(x))");
  const std::string median = detail::median_of("x", Dialect::clickhouse);
  CHECK(median.find("intDiv(length(x), 2) + 1") != std::string::npos);  // mean of the two middle
  const std::string p90 = detail::percentile_of("x", 0.9, Dialect::duckdb);
  CHECK(p90.find("(len(x) - 1) * CAST('0.9' AS DOUBLE)") != std::string::npos);
  CHECK(p90.find("least(") != std::string::npos);  // the last order statistic
}

}  // namespace SOPCTL_TU_ID
