#include "lint_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::test::findings;
using sopctl::test::run_lint;
using sopctl::test::sop_with_tasks;

TEST_CASE("lint::mass-send-quota") {
  SUBCASE("default quota: as many sends as the month has days") {
    const std::string roster = "groups:\n  - {id: A, sop: p, open: 2026-12-01}\n";
    const std::string tasks =
        "  - {id: lesson, type: education, at: \"10:00\", day: 1}\n"
        "  - {id: daily, type: education, channel: mass, at: \"19:00\", every: day, from: 1, to: "
        "31}\n"  // 8
        "  - {id: extra, type: education, channel: mass, at: \"12:00\", days: [3, 9, 15, 21]}\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks), roster), "mass-send-quota") ==
          std::vector<std::string>{
              "8:43 group A would send 35 mass messages in 2026-12, over the WeCom "
              "quota of 31 per month"});
    // One a day over a 31-day month is within the quota.
    const std::string daily_only =
        "  - {id: lesson, type: education, at: \"10:00\", day: 1}\n"
        "  - {id: daily, type: education, channel: mass, at: \"19:00\", every: day, from: 1, to: "
        "31}\n";
    CHECK(findings(run_lint(sop_with_tasks(daily_only), roster), "mass-send-quota").empty());
  }
  SUBCASE("weeks run Monday to Sunday") {
    // The example group opens on Monday 2026-01-05: days 7 and 8 are Sunday and Monday.
    const std::string limits = "limits: {mass_sends: {per: week, max: 2}}\n";
    const std::string ok =
        "  - {id: m, type: education, channel: mass, at: \"19:00\", days: [1, 7, 8, 14]}\n";
    CHECK(findings(run_lint(sop_with_tasks(ok, limits)), "mass-send-quota").empty());
    const std::string over =
        "  - {id: m, type: education, channel: mass, at: \"19:00\", days: [1, 6, 7, 8, 14]}\n"
        "  - {id: n, type: education, channel: mass, at: \"20:00\", days: [8, 9, 10]}\n";
    CHECK(findings(run_lint(sop_with_tasks(over, limits)), "mass-send-quota") ==
          std::vector<std::string>{
              "8:39 group (example group) would send 3 mass messages in the week of "
              "2026-01-05, over the WeCom quota of 2 per week (1 more week is over it too)"});
  }
  SUBCASE("another group's open date can put more sends into one month") {
    const std::string roster =
        "groups:\n"
        "  - {id: A, sop: p, open: 2026-11-25}\n"
        "  - {id: A2, sop: p, open: 2026-11-25}\n"
        "  - {id: B, sop: p, open: 2026-12-01}\n"
        "  - {id: C, sop: p, open: 2026-12-01}\n";
    const std::string tasks =
        "  - {id: m, type: education, channel: mass, at: \"19:00\", days: [1, 5, 9, 13]}\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks, "limits: {mass_sends: {per: month, max: 3}}\n"),
                            roster),
                   "mass-send-quota") ==
          std::vector<std::string>{
              "8:39 group B would send 4 mass messages in 2026-12, over the WeCom "
              "quota of 3 per month"});
  }
  SUBCASE("a dated campaign checked without a roster") {
    const std::string tasks =
        "  - {id: m, type: education, channel: mass, at: \"19:00\", dates: [2026-12-01, "
        "2026-12-02]}\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks, "limits: {mass_sends: {per: day, max: 0}}\n")),
                   "mass-send-quota") ==
          std::vector<std::string>{
              "8:39 each group would send 1 mass message on 2026-12-01, over the "
              "WeCom quota of 0 per day (1 more day is over it too)"});
  }
}

}  // namespace SOPCTL_TU_ID
