// staff-double-booked and task-never-fires (lint/rules_staff.cpp).

#include "lint_fixture.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::test::findings;
using sopctl::test::run_lint;
using sopctl::test::sop_with_tasks;

namespace {

const std::string k_live =
    "  - {id: live, type: education, channel: live, owner: owner, at: \"20:00\", duration: 60m, "
    "days: \"1..30\"}\n";

// A roster of 陈老师 (chen) owning a group of SOP p per "id open-date" pair.
std::string chen_roster(const std::vector<std::pair<std::string, std::string>>& groups) {
  std::string out = "staff:\n  - {id: chen, name: 陈老师, roles: [owner]}\ngroups:\n";
  for (const auto& [id, open] : groups) {
    out += "  - {id: " + id + ", sop: p, open: " + open + ", owner: chen}\n";
  }
  return out;
}

// The finding of task 'live' (line 7) in `group` on `date` while `who` is on
// it in `other`.
sopctl::test::Lines live_clash(const std::string& group, const std::string& date,
                               const std::string& other, const std::string& who) {
  return {"7:66 task 'live' is due in group " + group + " at 20:00 on " + date +
          " while on task 'live' in group " + other + " (20:00-21:00): " + who +
          " cannot be in both; give one of them to someone else or move it"};
}

}  // namespace

TEST_CASE("lint::staff-double-booked") {
  SUBCASE("one person streaming in two groups at once, reported once, naming the first") {
    const std::string roster =
        chen_roster({{"A", "2026-06-01"}, {"B", "2026-06-01"}, {"C", "2026-06-01"}});
    CHECK(findings(run_lint(sop_with_tasks(k_live), roster), "staff-double-booked") ==
          live_clash("B", "2026-06-01", "A", "陈老师"));
  }
  SUBCASE("times that only touch, and one group twice, are not a clash") {
    const std::string tasks =
        k_live +
        "  - {id: late, type: education, channel: live, owner: owner, at: \"21:00\", duration: "
        "30m, day: 1}\n";
    // On 2026-06-02 (A's day 2, B's day 1) B's 21:00 touches A's 20:00-21:00
    // without overlapping it; B's 20:00 meets A's 20:00.
    const std::string roster = chen_roster({{"A", "2026-06-01"}, {"B", "2026-06-02"}});
    CHECK(findings(run_lint(sop_with_tasks(tasks), roster), "staff-double-booked") ==
          live_clash("B", "2026-06-02", "A", "陈老师"));
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
          live_clash("Z", "2026-01-30", "G0", "s0"));
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
