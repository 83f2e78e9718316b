#include "lint_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::test::findings;
using sopctl::test::run_lint;
using sopctl::test::sop_with_tasks;

TEST_CASE("lint::month-day-missing") {
  SUBCASE("the months of a dated range that lack the day") {
    const std::string tasks =
        "  - {id: bill, type: education, at: \"10:00\", every: {month_day: [31]},\n"  // 7
        "     from: 2026-01-01, to: 2026-06-30}\n";
    CHECK(
        findings(run_lint(sop_with_tasks(tasks)), "month-day-missing") ==
        std::vector<std::string>{"7:46 task 'bill' runs on month day 31, which 2026-02 and 2026-04 "
                                 "lack: those months skip it"});
  }
  SUBCASE("several days") {
    const std::string tasks =
        "  - {id: bill, type: education, at: \"10:00\", every: {month_day: [1, 30, 31]},\n"
        "     from: 2026-01-01, to: 2026-05-31}\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks)), "month-day-missing") ==
          std::vector<std::string>{
              "7:46 task 'bill' runs on month days 30 and 31, which some months lack "
              "and skip: 2026-02 (no 30, 31) and 2026-04 (no 31)"});
  }
  SUBCASE("a month the range ends in before the day would come") {
    const std::string tasks =
        "  - {id: bill, type: education, at: \"10:00\", every: {month_day: [31]},\n"
        "     from: 2026-03-01, to: 2026-04-20}\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks)), "month-day-missing").empty());
  }
  SUBCASE("an unbounded task is looked at over a year of the example group") {
    const std::string tasks =
        "  - {id: bill, type: education, at: \"10:00\", every: {month_day: [29]}}\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks)), "month-day-missing") ==
          std::vector<std::string>{
              "7:46 task 'bill' runs on month day 29, which 2026-02 lacks: that month "
              "skips it (plan of group (example group))"});
  }
  SUBCASE("day 28 is in every month") {
    const std::string tasks =
        "  - {id: bill, type: education, at: \"10:00\", every: {month_day: [28]}}\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks)), "month-day-missing").empty());
  }
}

}  // namespace SOPCTL_TU_ID
