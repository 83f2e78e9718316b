// staff-double-booked and task-never-fires (lint/rules_staff.cpp).

#include "lint_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::test::findings;
using sopctl::test::run_lint;
using sopctl::test::sop_with_tasks;

namespace {

const std::string k_live =
    "  - {id: live, type: education, channel: live, owner: owner, at: \"20:00\", duration: 60m, "
    "days: \"1..30\"}\n";

}  // namespace

TEST_CASE("lint::staff-double-booked") {
  SUBCASE("one person streaming in two groups at once, reported once, naming the first") {
    const std::string roster =
        "staff:\n  - {id: chen, name: 陈老师, roles: [owner]}\n"
        "groups:\n"
        "  - {id: A, sop: p, open: 2026-06-01, owner: chen}\n"
        "  - {id: B, sop: p, open: 2026-06-01, owner: chen}\n"
        "  - {id: C, sop: p, open: 2026-06-01, owner: chen}\n";
    CHECK(findings(run_lint(sop_with_tasks(k_live), roster), "staff-double-booked") ==
          sopctl::test::Lines{
              "7:66 task 'live' is due in group B at 20:00 on 2026-06-01 while on task 'live' in "
              "group A "
              "(20:00-21:00): 陈老师 cannot be in both; give one of them to someone else or "
              "move it"});
  }
  SUBCASE("times that only touch, and one group twice, are not a clash") {
    const std::string tasks =
        k_live +
        "  - {id: late, type: education, channel: live, owner: owner, at: \"21:00\", duration: "
        "30m, day: 1}\n";
    const std::string roster =
        "staff:\n  - {id: chen, name: 陈老师, roles: [owner]}\n"
        "groups:\n"
        "  - {id: A, sop: p, open: 2026-06-01, owner: chen}\n"
        "  - {id: B, sop: p, open: 2026-06-02, owner: chen}\n";
    // On 2026-06-02 (A's day 2, B's day 1) B's 21:00 touches A's 20:00-21:00
    // without overlapping it; B's 20:00 meets A's 20:00.
    CHECK(findings(run_lint(sop_with_tasks(tasks), roster), "staff-double-booked") ==
          sopctl::test::Lines{
              "7:66 task 'live' is due in group B at 20:00 on 2026-06-02 while on task 'live' in "
              "group A "
              "(20:00-21:00): 陈老师 cannot be in both; give one of them to someone else or "
              "move it"});
  }
  SUBCASE("thousands of people and days: the one clash is found, the rest are apart") {
    // 600 owners streaming 30 days each fill 18,000 person-days (the day
    // table grows from 1,024 slots several times); the last group's owner
    // is also the first group's (whose days went in before the table grew),
    // and both stream on 2026-01-30.
    std::string roster = "staff:\n";
    std::string groups = "groups:\n";
    for (int i = 0; i < 600; ++i) {
      roster += "  - {id: s" + std::to_string(i) + ", roles: [owner]}\n";
      groups += "  - {id: G" + std::to_string(i) + ", sop: p, open: 2026-01-01, owner: s" +
                std::to_string(i) + "}\n";
    }
    groups += "  - {id: Z, sop: p, open: 2026-01-30, owner: s0}\n";
    CHECK(findings(run_lint(sop_with_tasks(k_live), roster + groups), "staff-double-booked") ==
          sopctl::test::Lines{
              "7:66 task 'live' is due in group Z at 20:00 on 2026-01-30 while on task 'live' in "
              "group "
              "G0 "
              "(20:00-21:00): s0 cannot be in both; give one of them to someone else or move "
              "it"});
  }
}

TEST_CASE("lint::task-never-fires") {
  const std::string read = "  - {id: read, type: education, at: \"08:00\", days: \"1..3\"}\n";
  // Days 1-3 from Monday 2026-01-05 (the example group) hold no weekend.
  const std::string weekend =
      "  - {id: tip, type: retention, at: \"10:00\", every: weekend, from: 1, to: 3}\n";
  CHECK(findings(run_lint(sop_with_tasks(read + weekend)), "task-never-fires") ==
        sopctl::test::Lines{"8:45 task 'tip' never happens in the example group's plan: its days "
                            "fall outside its bounds or phase, or on_holiday: skip and skip: "
                            "dates remove every one"});
  CHECK(findings(run_lint(sop_with_tasks(read)), "task-never-fires").empty());
}

}  // namespace SOPCTL_TU_ID
