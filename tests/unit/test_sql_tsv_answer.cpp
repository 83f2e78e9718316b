#include "../../src/core/sql/tsv_answer.hpp"

#include <sopctl/base/error.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Error;
using sopctl::sql::detail::Answer;

TEST_CASE("sql::detail::Answer: TabSeparatedWithNames") {
  const Answer a("name\tn\tx\na\\tb\\\\c\t-3\t\\N\nd\\n\t4\tnan\n\n\t7\t0.5\n", "server", "q");
  REQUIRE(a.rows().size() == 2);
  REQUIRE(a.totals().size() == 1);
  CHECK(a.text(a.rows()[0], "name") == "a\tb\\c");
  CHECK(a.text(a.rows()[1], "name") == "d\n");
  CHECK(a.integer(a.rows()[0], "n") == -3);
  CHECK(a.count(a.rows()[1], "n") == 4);
  CHECK_FALSE(a.number(a.rows()[0], "x").has_value());  // \N
  CHECK_FALSE(a.number(a.rows()[1], "x").has_value());  // nan
  CHECK(*a.number(a.totals()[0], "x") == 0.5);
  CHECK(a.has_column("n"));
  CHECK_FALSE(a.has_column("m"));
  CHECK_THROWS_WITH_AS(a.count(a.rows()[0], "n"),
                       doctest::Contains("server: the answer is not the q query's: column 'n' "
                                         "holds '-3', not a count"),
                       Error);
  CHECK_THROWS_WITH_AS(a.integer(a.rows()[0], "x"), doctest::Contains("not an integer"), Error);
  CHECK_THROWS_WITH_AS(a.column("m"), doctest::Contains("no column 'm'"), Error);
}

TEST_CASE("sql::detail::Answer: shapes it refuses") {
  CHECK_THROWS_WITH_AS(Answer("", "s", "q"), doctest::Contains("an empty answer"), Error);
  CHECK_THROWS_WITH_AS(Answer("a\n1\n\n2\n\n3\n", "s", "q"),
                       doctest::Contains("a second empty line"), Error);
  CHECK_THROWS_WITH_AS(Answer("a\tb\n1\n", "s", "q"),
                       doctest::Contains("line 2: 1 fields where the header has 2"), Error);
  const Answer a("x\n1e999\nabc\n", "s", "q");
  CHECK_THROWS_WITH_AS(a.number(a.rows()[0], "x"), doctest::Contains("not a number"), Error);
  CHECK_THROWS_WITH_AS(a.number(a.rows()[1], "x"), doctest::Contains("not a number"), Error);
}

}  // namespace SOPCTL_TU_ID
