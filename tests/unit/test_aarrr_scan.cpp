// aarrr's error-path re-reads: the line of a bad amount, a column's values.

#include <sopctl/aarrr/aarrr.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

namespace aarrr = sopctl::aarrr;

TEST_CASE("aarrr::find_bad_amount") {
  const std::string csv =
      "user_id,event,ts,note,amount\n"
      "a,join_group,2026-12-01 10:00:00,\"two\nlines\",n/a\n"  // lines 2-3
      "a,order,2026-12-01 11:00:00,,99\n"                      // line 4
      "\n"
      "a,order,2026-12-01 12:00:00,,12 yuan\n"  // line 6
      "a,order,2026-12-01 13:00:00,,abc\n";
  const sopctl::csv::Header header = sopctl::csv::read_header(csv, "ev.csv");
  const auto bad = aarrr::find_bad_amount(csv, "ev.csv", header, 1, 4, {"order"});
  REQUIRE(bad);
  CHECK(bad->line == 6);
  CHECK(bad->value == "12 yuan");
  CHECK_FALSE(aarrr::find_bad_amount(csv, "ev.csv", header, 1, 4, {"refund"}));
}

TEST_CASE("aarrr::column_values") {
  const std::string csv = "user_id,event,ts\nb,view,x\na,order,y\nc,view,z\n,,\n";
  const sopctl::csv::Header header = sopctl::csv::read_header(csv, "ev.csv");
  CHECK(aarrr::column_values(csv, "ev.csv", header, 1) ==
        std::vector<std::string>{"order", "view"});
}

}  // namespace SOPCTL_TU_ID
