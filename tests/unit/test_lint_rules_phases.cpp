#include "lint_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::test::findings;
using sopctl::test::run_lint;

namespace {

std::string with_phases(const std::string& phases, const std::string& tasks = "") {
  return std::string("sop: p\n") + sopctl::test::k_full_setup +  // 1-5
         "phases:\n" + phases + "tasks:\n" + tasks;
}

}  // namespace

TEST_CASE("lint::phase-overlap and phase-gap") {
  SUBCASE("-1 followed by 1 is contiguous: there is no day 0") {
    const auto diags = with_phases(
        "  - {id: warmup, name: 预热期, from: -3, to: -1}\n"
        "  - {id: camp, name: 正式期, from: 1, to: 7}\n"
        "  - {id: closing, name: 收尾期, from: 8, to: 9}\n");
    CHECK(sopctl::test::rules_of(run_lint(diags)).empty());
  }
  SUBCASE("phases are sorted by start before they are compared") {
    const auto diags =
        run_lint(with_phases("  - {id: closing, name: 收尾期, from: 10, to: 12}\n"  // 7
                             "  - {id: warmup, name: 预热期, from: -3, to: -2}\n"   // 8
                             "  - {id: camp, name: 正式期, from: 1, to: 7}\n"       // 9
                             "  - {id: extra, name: 加餐, from: 5, to: 6}\n"));     // 10
    CHECK(findings(diags, "phase-gap") ==
          std::vector<std::string>{"9:5 day -1 lies in no phase: phase 'warmup' ends on day -2 and "
                                   "phase 'camp' starts on day 1",
                                   "7:5 days 8..9 lie in no phase: phase 'camp' ends on day 7 and "
                                   "phase 'closing' starts on "
                                   "day 10"});
    CHECK(findings(diags, "phase-overlap") ==
          std::vector<std::string>{
              "10:5 phase 'extra' (days 5..6) overlaps phase 'camp' (days 1..7)"});
  }
  SUBCASE("dated phases") {
    const auto diags = run_lint(
        with_phases("  - {id: warmup, name: 预热, from: 2026-12-01, to: 2026-12-10}\n"
                    "  - {id: peak, name: 大促, from: 2026-12-10, to: 2026-12-12}\n"      // 8
                    "  - {id: after, name: 返场, from: 2026-12-14, to: 2026-12-20}\n"));  // 9
    CHECK(findings(diags, "phase-overlap") ==
          std::vector<std::string>{
              "8:5 phase 'peak' (2026-12-10..2026-12-12) overlaps phase 'warmup' "
              "(2026-12-01..2026-12-10)"});
    CHECK(findings(diags, "phase-gap") ==
          std::vector<std::string>{
              "9:5 2026-12-13 lies in no phase: phase 'peak' ends on 2026-12-12 and "
              "phase 'after' starts on 2026-12-14"});
  }
}

TEST_CASE("lint::outside-phase") {
  const std::string phases =
      "  - {id: warmup, name: 预热期, from: -3, to: -1}\n"
      "  - {id: camp, name: 正式期, from: 1, to: 7}\n";
  SUBCASE("days outside every phase") {
    const auto diags = run_lint(with_phases(
        phases,
        "  - {id: in, type: education, at: \"10:00\", days: [-3, 1, 7]}\n"  // 10
        "  - {id: out, type: education, at: \"11:00\", days: [6, 8, 9]}\n"  // 11
        "  - {id: daily, type: education, at: \"12:00\", every: day}\n"
        "  - {id: bounded, type: education, at: \"13:00\", every: day, from: 1, to: 20}\n"));
    CHECK(findings(diags, "outside-phase") ==
          std::vector<std::string>{
              "11:45 task 'out' runs on days 8, 9, outside every phase (warmup: days "
              "-3..-1, camp: days 1..7)"});
  }
  SUBCASE("a date outside dated phases") {
    const auto diags = run_lint(
        with_phases("  - {id: peak, name: 大促, from: 2026-12-10, to: 2026-12-12}\n",
                    "  - {id: sale, type: education, at: \"10:00\", date: 2026-12-13}\n"));  // 9
    CHECK(findings(diags, "outside-phase") ==
          std::vector<std::string>{"9:46 task 'sale' runs on 2026-12-13, outside every phase "
                                   "(peak: 2026-12-10..2026-12-12)"});
  }
  SUBCASE("no phases, nothing to be outside of") {
    const std::string text = std::string("sop: p\n") + sopctl::test::k_full_setup +
                             "tasks:\n  - {id: t, type: education, at: \"10:00\", day: 40}\n";
    CHECK(findings(run_lint(text), "outside-phase").empty());
  }
}

}  // namespace SOPCTL_TU_ID
