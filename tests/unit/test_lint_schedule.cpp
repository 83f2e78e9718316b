// The expansion behind the schedule-aware rules (src/core/lint/schedule.cpp):
// which groups are looked at, over which span, and what happens when the
// calendar does not cover it.

#include "lint_fixture.hpp"

#include <sopctl/calendar/calendar.hpp>
#include <sopctl/model/calendar.hpp>

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::test::findings;
using sopctl::test::run_lint;

namespace {

// Two posts at the same minute on day 2 (line 8 is the second).
const std::string k_day_sop = std::string("sop: p\n") + sopctl::test::k_full_setup +
                              "tasks:\n"
                              "  - {id: a, type: education, at: \"09:00\", day: 2}\n"
                              "  - {id: b, type: education, at: \"09:00\", day: 2}\n";

}  // namespace

TEST_CASE("lint::schedule contexts") {
  SUBCASE("without a roster: the example group opening Monday 2026-01-05") {
    CHECK(findings(run_lint(k_day_sop), "same-minute") ==
          std::vector<std::string>{"8:34 task 'b' posts to group (example group) at 09:00 on day 2 "
                                   "(2026-01-06), the same minute as task 'a' (line 7)"});
  }
  SUBCASE("with a roster: the first group in roster order that uses the SOP") {
    const std::string roster =
        "groups:\n"
        "  - {id: X, sop: other, open: 2026-03-01}\n"
        "  - {id: B, sop: p, open: 2026-05-10}\n"
        "  - {id: A, sop: p, open: 2026-05-01}\n";
    sopctl::test::LintCase c;
    c.sop_texts = {k_day_sop, "sop: other\ntasks: []\n"};
    c.roster_text = roster;
    c.allow_load_findings = true;
    CHECK(findings(run_lint(c), "same-minute") ==
          std::vector<std::string>{
              "8:34 task 'b' posts to group B at 09:00 on day 2 (2026-05-11), the "
              "same minute as task 'a' (line 7)"});
  }
  SUBCASE("an SOP no group uses is checked with the example group") {
    const std::string roster = "groups:\n  - {id: X, sop: other, open: 2026-03-01}\n";
    sopctl::test::LintCase c;
    c.sop_texts = {k_day_sop, "sop: other\ntasks: []\n"};
    c.roster_text = roster;
    c.allow_load_findings = true;
    CHECK(findings(run_lint(c), "same-minute").size() == 1);
  }
  SUBCASE("groups without an open date have no plan") {
    sopctl::test::LintCase c;
    c.sop_texts = {k_day_sop};
    c.roster_text = "groups:\n  - {id: A, sop: p}\n  - {id: B, sop: p, open: 2026-06-01}\n";
    c.allow_load_findings = true;
    const auto found = findings(run_lint(c), "same-minute");
    REQUIRE(found.size() == 1);
    CHECK(found[0].find("group B") != std::string::npos);
  }
}

TEST_CASE("lint::schedule calendar coverage") {
  const sopctl::Calendar cn = sopctl::calendar::builtin_cn();
  SUBCASE("a plan the calendar does not cover is left to the CLI, without a crash") {
    sopctl::test::LintCase c;
    c.sop_texts = {
        std::string("sop: p\n") + sopctl::test::k_full_setup +
        "tasks:\n"
        "  - {id: a, type: education, at: \"09:00\", date: 2027-03-01, on_holiday: skip}\n"
        "  - {id: b, type: education, at: \"09:00\", date: 2027-03-01}\n"};
    c.calendar = &cn;
    CHECK(findings(run_lint(c), "same-minute").empty());
  }
  SUBCASE("a guessed span is cut to the years the calendar covers") {
    sopctl::test::LintCase c;
    c.sop_texts = {std::string("sop: p\n") + sopctl::test::k_full_setup +
                   "tasks:\n"
                   "  - {id: bill, type: education, at: \"10:00\", every: {month_day: [30]}}\n"};
    c.calendar = &cn;
    CHECK(findings(run_lint(c), "month-day-missing") ==
          std::vector<std::string>{
              "7:46 task 'bill' runs on month day 30, which 2026-02 lacks: that month "
              "skips it (plan of group (example group))"});
  }
  SUBCASE("a day-numbered SOP without calendar selectors needs no calendar") {
    sopctl::test::LintCase c;
    c.sop_texts = {k_day_sop};
    c.roster_text = "groups:\n  - {id: A, sop: p, open: 2031-01-01}\n";
    c.calendar = &cn;
    CHECK(findings(run_lint(c), "same-minute").size() == 1);
  }
}

TEST_CASE("lint::schedule span") {
  SUBCASE("a typo far in the future does not make the linter crawl") {
    const std::string text =
        std::string("sop: p\n") + sopctl::test::k_full_setup +
        "tasks:\n"
        "  - {id: a, type: education, at: \"09:00\", dates: [2026-01-01, 9026-01-01]}\n"
        "  - {id: b, type: education, at: \"10:00\", every: workday}\n";
    CHECK_NOTHROW(run_lint(text));
  }
}

TEST_CASE("lint::schedule open dates") {
  SUBCASE("calendar-dependent tasks are looked at for every open date") {
    // Days 1-3 of a group opening on 2026-09-30 include National Day
    // (10-01, 10-02), which next-workday moves onto 10-08 twice; a June
    // opening meets no holiday. (An ordinary weekend is no holiday.)
    const std::string text =
        std::string("sop: p\n") + sopctl::test::k_full_setup +
        "tasks:\n"
        "  - {id: tip, type: education, at: \"12:00\", every: day, from: 1, to: 3, on_holiday: "
        "next-workday}\n"
        "  - {id: intro, type: education, at: \"09:00\", day: 1}\n";
    const std::string roster =
        "groups:\n"
        "  - {id: A, sop: p, open: 2026-06-01}\n"   // Monday
        "  - {id: C, sop: p, open: 2026-06-08}\n"   // Monday: shares A's plan
        "  - {id: B, sop: p, open: 2026-09-30}\n";  // the eve of National Day
    const sopctl::Calendar cn = sopctl::calendar::builtin_cn();
    sopctl::test::LintCase c;
    c.sop_texts = {text};
    c.roster_text = roster;
    c.calendar = &cn;
    CHECK(findings(run_lint(c), "holiday-collision") ==
          std::vector<std::string>{
              "7:45 task 'tip' moves its day 3 (2026-10-02) occurrence to day 9 (2026-10-08) "
              "(on_holiday: next-workday), which already has an occurrence of it: group B "
              "gets it twice that day"});
  }
  SUBCASE("an open date that shares another's plan is still counted in its own months") {
    const std::string text =
        std::string("sop: p\n") + sopctl::test::k_full_setup +
        "limits: {mass_sends: {per: month, max: 3}}\n"
        "tasks:\n"
        "  - {id: push, type: education, channel: mass, at: \"19:00\", every: workday, from: 1, "
        "to: 4}\n";
    const std::string roster =
        "groups:\n"
        "  - {id: A, sop: p, open: 2026-06-29}\n"   // Mon: 2 in June, 2 in July
        "  - {id: C, sop: p, open: 2026-07-06}\n";  // Mon: 4 in July
    CHECK(findings(run_lint(text, roster), "mass-send-quota") ==
          std::vector<std::string>{
              "8:42 group C would send 4 mass messages in 2026-07, over the WeCom quota of 3 "
              "per month"});
  }
  SUBCASE("sell-before-trust names a roster group, and a plan where education never runs") {
    const std::string text =
        std::string("sop: p\n") + sopctl::test::k_full_setup +
        "tasks:\n"
        "  - {id: lesson, type: education, at: \"20:00\", every: workday, from: 6, to: 7}\n"
        "  - {id: offer, type: conversion, at: \"20:00\", day: 8}\n";  // 8
    const std::string roster =
        "groups:\n  - {id: A, sop: p, open: 2026-06-01}\n";  // days 6-7: a weekend
    CHECK(findings(run_lint(text, roster), "sell-before-trust") ==
          std::vector<std::string>{
              "8:23 conversion task 'offer' first runs on day 8 (2026-06-08) at 20:00 in group "
              "A, and no education task runs in the plan: build trust before selling"});
  }
}

}  // namespace SOPCTL_TU_ID
