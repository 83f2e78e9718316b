#include "lint_fixture.hpp"

#include <sopctl/calendar/calendar.hpp>
#include <sopctl/model/calendar.hpp>

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::test::findings;
using sopctl::test::lines;
using sopctl::test::run_lint;
using sopctl::test::sop_with_tasks;

TEST_CASE("lint::too-many-posts") {
  SUBCASE("the post that goes over the limit, in time order") {
    const std::string tasks =
        "  - {id: a, type: education, at: \"08:00\", every: day, from: 1, to: 3}\n"  // 7
        "  - {id: b, type: education, at: \"09:00\", day: 2}\n"
        "  - {id: c, type: education, at: \"10:00\", day: 2}\n"
        "  - {id: d, type: education, at: \"11:00\", day: 2}\n"
        "  - {id: e, type: education, at: \"12:00\", day: 2}\n"
        "  - {id: late, type: education, at: \"21:00\", day: 2}\n"  // 12: the 7th
        "  - {id: f, type: education, at: \"13:00\", day: 2}\n"     // 13: the 6th
        "  - {id: dm, type: education, channel: private, at: \"14:00\", day: 2}\n"
        "  - {id: moment, type: education, channel: moments, at: \"15:00\", day: 2}\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks)), "too-many-posts") ==
          std::vector<std::string>{
              "12:10 group (example group) gets 7 posts on day 2 (2026-01-06), over "
              "the limit of 6 per day (task 'late' is the 7th)"});
  }
  SUBCASE("the SOP's own limit; each task once") {
    const std::string tasks =
        "  - {id: a, type: education, at: \"08:00\", every: day, from: 1, to: 5}\n"    // 8
        "  - {id: b, type: education, at: \"09:00\", every: day, from: 1, to: 5}\n"    // 9
        "  - {id: c, type: education, channel: live, at: \"20:00\", days: [1, 2]}\n";  // 10
    const auto diags =
        run_lint(sop_with_tasks(tasks, "limits: {max_posts_per_group_per_day: 1}\n"));
    CHECK(lines(diags, "too-many-posts") == std::vector<int>{9});
  }
  SUBCASE("with a roster, the first group is named") {
    const std::string roster =
        "groups:\n"
        "  - {id: A, sop: p, open: 2026-12-03}\n"
        "  - {id: B, sop: p, open: 2026-12-04}\n";
    const std::string tasks =
        "  - {id: a, type: education, at: \"08:00\", day: 1}\n"
        "  - {id: b, type: education, at: \"09:00\", day: 1}\n";
    const auto diags =
        run_lint(sop_with_tasks(tasks, "limits: {max_posts_per_group_per_day: 1}\n"), roster);
    CHECK(findings(diags, "too-many-posts") ==
          std::vector<std::string>{
              "9:10 group A gets 2 posts on day 1 (2026-12-03), over the limit of 1 "
              "per day (task 'b' is the 2nd)"});
  }
}

TEST_CASE("lint::same-minute") {
  const std::string tasks =
      "  - {id: read, type: retention, at: \"08:00\", every: day, from: 1, to: 7}\n"       // 7
      "  - {id: notice, type: education, channel: announcement, at: \"08:00\", day: 3}\n"  // 8
      "  - {id: dm, type: education, channel: private, at: \"08:00\", day: 3}\n"
      "  - {id: again, type: education, at: \"08:00\", days: [4, 5]}\n"  // 10
      "  - {id: no-time, type: education, day: 3}\n"
      "  - {id: no-time-2, type: education, day: 3}\n";
  CHECK(findings(run_lint(sop_with_tasks(tasks)), "same-minute") ==
        std::vector<std::string>{"8:62 task 'notice' posts to group (example group) at 08:00 on "
                                 "day 3 (2026-01-07), the same "
                                 "minute as task 'read' (line 7)",
                                 "10:38 task 'again' posts to group (example group) at 08:00 on "
                                 "day 4 (2026-01-08), the same "
                                 "minute as task 'read' (line 7)"});
}

TEST_CASE("lint::sell-before-trust") {
  SUBCASE("a conversion before the first education task") {
    const std::string tasks =
        "  - {id: flash-sale, type: conversion, at: \"20:00\", day: 1}\n"  // 7
        "  - {id: story, type: education, at: \"20:00\", day: 2}\n"
        "  - {id: offer, type: conversion, at: \"21:00\", day: 2}\n"        // after: fine
        "  - {id: early-bird, type: conversion, at: \"19:00\", day: 2}\n";  // 10: same day, earlier
    CHECK(findings(run_lint(sop_with_tasks(tasks)), "sell-before-trust") ==
          std::vector<std::string>{"7:28 conversion task 'flash-sale' first runs on day 1 "
                                   "(2026-01-05) at 20:00, before the "
                                   "first education task 'story' on day 2 (2026-01-06) at 20:00: "
                                   "build trust before selling",
                                   "10:28 conversion task 'early-bird' first runs on day 2 "
                                   "(2026-01-06) at 19:00, before the "
                                   "first education task 'story' on day 2 (2026-01-06) at 20:00: "
                                   "build trust before selling"});
  }
  SUBCASE("no education task at all") {
    const std::string tasks = "  - {id: offer, type: conversion, at: \"20:00\", day: 5}\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks)), "sell-before-trust") ==
          std::vector<std::string>{
              "7:23 conversion task 'offer' sells, but the SOP has no education task "
              "to build trust first"});
  }
  SUBCASE("education first") {
    const std::string tasks =
        "  - {id: lesson, type: education, at: \"20:00\", days: \"1..4\"}\n"
        "  - {id: offer, type: conversion, at: \"20:00\", day: 5}\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks)), "sell-before-trust").empty());
  }
}

TEST_CASE("lint::holiday-collision") {
  SUBCASE("an ordinary weekend is no holiday: nothing moves, nothing collides") {
    const std::string tasks =
        "  - id: read\n"  // 7
        "    type: education\n"
        "    at: \"08:00\"\n"
        "    every: day\n"  // 10
        "    from: 1\n"
        "    to: 14\n"
        "    on_holiday: next-workday\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks)), "holiday-collision").empty());
  }
  SUBCASE("skip and workdays do not collide") {
    const std::string tasks =
        "  - {id: a, type: education, at: \"08:00\", every: day, from: 1, to: 14, on_holiday: "
        "skip}\n"
        "  - {id: b, type: education, at: \"09:00\", every: workday, from: 1, to: 14, on_holiday: "
        "prev-workday}\n"
        "  - {id: c, type: education, at: \"10:00\", every: [mon, thu], from: 1, to: 14, "
        "on_holiday: "
        "next-workday}\n";
    CHECK(findings(run_lint(sop_with_tasks(tasks)), "holiday-collision").empty());
  }
  SUBCASE("a national holiday with the built-in calendar") {
    const sopctl::Calendar cn = sopctl::calendar::builtin_cn();
    sopctl::test::LintCase c;
    c.sop_texts = {sop_with_tasks(
        "  - {id: sale, type: education, at: \"10:00\", dates: [2026-10-05, 2026-10-08], "
        "on_holiday: next-workday}\n")};
    c.calendar = &cn;
    // 2026-10-05 is in the National Day holiday; the next workday is Thursday 10-08.
    CHECK(findings(run_lint(c), "holiday-collision") ==
          std::vector<std::string>{
              "7:46 task 'sale' moves its 2026-10-05 occurrence to 2026-10-08 (on_holiday: "
              "next-workday), which already has an occurrence of it: each group gets it twice that "
              "day"});
  }
}

}  // namespace SOPCTL_TU_ID
