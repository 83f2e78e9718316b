#include <sopctl/load/loader.hpp>

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Diagnostics;
using sopctl::EveryKind;
using sopctl::Selector;

namespace {

std::string lines(std::initializer_list<std::string> items) {
  std::string out;
  for (const auto& l : items) {
    out += l + "\n";
  }
  return out;
}

std::string findings(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags) {
    out += std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + " " + d.rule + ": " +
           d.message + "\n";
  }
  return out;
}

// One task `- {id: t, <fields>}` on line 3 of an otherwise valid SOP.
struct Loaded {
  sopctl::Sop sop;
  std::string findings;

  const sopctl::Task& task() const { return sop.tasks.at(0); }
};

Loaded load_task(const std::string& fields) {
  Diagnostics diags;
  Loaded out{sopctl::load_sop("sop: x\ntasks:\n  - {id: t, " + fields + "}\n", "x.sop.yaml", diags),
             ""};
  out.findings = findings(diags);
  return out;
}

std::vector<int> days_of(const std::string& fields) {
  const auto l = load_task(fields);
  CHECK(l.findings == "");
  REQUIRE(l.task().selector);
  return l.task().selector->days;
}

std::vector<std::string> dates_of(const std::string& fields) {
  const auto l = load_task(fields);
  CHECK(l.findings == "");
  REQUIRE(l.task().selector);
  std::vector<std::string> out;
  for (auto d : l.task().selector->dates) {
    out.push_back(sopctl::format_date(d));
  }
  return out;
}

}  // namespace

TEST_CASE("load::selectors") {
  SUBCASE("day") {
    const auto l = load_task("day: 3");
    CHECK(l.findings == "");
    CHECK(l.task().selector->kind == Selector::Kind::day);
    CHECK(l.task().selector->days == std::vector<int>{3});
    CHECK(l.task().selector->loc.str() == "x.sop.yaml:3:13");
    CHECK(days_of("day: -1") == std::vector<int>{-1});
    CHECK(load_task("day: [1, 2]").findings ==
          lines({"3:18 wrong-type: 'day' must be a day number such as 3 or -1"}));
  }

  SUBCASE("day 0 is not a day") {
    const auto l = load_task("day: 0");
    CHECK(l.findings == lines({"3:18 day-zero: there is no day 0: day 1 is the open date and day "
                               "-1 the day before"}));
    CHECK_FALSE(l.task().selector);
  }

  SUBCASE("days: lists, ranges and both") {
    CHECK(days_of("days: [5, 1, 3, 3]") == std::vector<int>{1, 3, 5});
    CHECK(days_of("days: \"1..7\"") == std::vector<int>{1, 2, 3, 4, 5, 6, 7});
    CHECK(days_of("days: 1..3") == std::vector<int>{1, 2, 3});
    CHECK(days_of("days: \"-3..-1\"") == std::vector<int>{-3, -2, -1});
    CHECK(days_of("days: \"-2..2\"") == std::vector<int>{-2, -1, 1, 2});
    CHECK(days_of("days: [\"-3..-2\", 1, \"6..7\"]") == std::vector<int>{-3, -2, 1, 6, 7});
    CHECK(load_task("days: \"1..7\"").task().selector->kind == Selector::Kind::days);
  }

  SUBCASE("days: mistakes") {
    CHECK(
        load_task("days: {a: 1}").findings ==
        lines({"3:19 wrong-type: 'days' must be a list of day numbers or a range like \"1..7\""}));
    CHECK(
        load_task("days: [1, abc]").findings ==
        lines({"3:23 wrong-type: 'days' must be a list of day numbers or a range like \"1..7\""}));
    CHECK(load_task("days: []").findings == lines({"3:19 bad-value: 'days' is an empty list"}));
    CHECK(load_task("days: \"0..3\"").findings ==
          lines({"3:19 day-zero: there is no day 0: day 1 is the open date and day -1 the day "
                 "before"}));
    CHECK(load_task("days: \"7..1\"").findings ==
          lines({"3:19 bad-value: day range '7..1' runs backwards (write \"1..7\")"}));
    CHECK(load_task("days: \"1..x\"").findings ==
          lines({"3:19 bad-value: bad day range '1..x': use two day numbers like \"1..7\" or "
                 "\"-3..-1\""}));
    CHECK(load_task("days: \"1..99999\"").findings ==
          lines({"3:19 bad-value: day 99999 is more than 3660 days from the open date"}));
    CHECK(load_task("days: [1, 0]").findings == lines({"3:23 day-zero: there is no day 0: day 1 is "
                                                       "the open date and day -1 the day before"}));
  }

  SUBCASE("date and dates") {
    const auto l = load_task("date: 2026-12-12");
    CHECK(l.findings == "");
    CHECK(l.task().selector->kind == Selector::Kind::date);
    CHECK(dates_of("date: 2026-12-12") == std::vector<std::string>{"2026-12-12"});
    CHECK(dates_of("dates: [2026-12-12, \"2026-12-01..2026-12-02\"]") ==
          std::vector<std::string>{"2026-12-01", "2026-12-02", "2026-12-12"});
    CHECK(dates_of("dates: 2026-12-30..2027-01-01") ==
          std::vector<std::string>{"2026-12-30", "2026-12-31", "2027-01-01"});
    CHECK(load_task("dates: [2026-12-12]").task().selector->kind == Selector::Kind::dates);
  }

  SUBCASE("dates that do not exist") {
    CHECK(load_task("date: 2026-02-30").findings ==
          lines({"3:19 bad-date: bad date '2026-02-30': 2026-02 has 28 days"}));
    CHECK(load_task("date: 2028-02-30").findings ==
          lines({"3:19 bad-date: bad date '2028-02-30': 2028-02 has 29 days"}));
    CHECK(load_task("date: 2026-13-01").findings ==
          lines({"3:19 bad-date: bad date '2026-13-01': there is no month 13"}));
    CHECK(load_task("date: 12/12/2026").findings ==
          lines({"3:19 bad-date: bad date '12/12/2026': use YYYY-MM-DD"}));
    CHECK(load_task("dates: [2026-12-01, 2026-11-31]").findings ==
          lines({"3:33 bad-date: bad date '2026-11-31': 2026-11 has 30 days"}));
    CHECK(load_task("dates: \"2026-12-05..2026-12-01\"").findings ==
          lines({"3:20 bad-value: date range '2026-12-05..2026-12-01' runs backwards"}));
  }

  SUBCASE("every: words and weekdays") {
    const std::pair<const char*, EveryKind> words[] = {{"day", EveryKind::day},
                                                       {"workday", EveryKind::workday},
                                                       {"offday", EveryKind::offday},
                                                       {"weekend", EveryKind::weekend}};
    for (const auto& [word, kind] : words) {
      const auto l = load_task(std::string("every: ") + word);
      CHECK(l.findings == "");
      CHECK(l.task().selector->kind == Selector::Kind::every);
      CHECK(l.task().selector->every == kind);
    }
    const auto one = load_task("every: thu");
    CHECK(one.task().selector->every == EveryKind::weekdays);
    CHECK(one.task().selector->weekdays == std::vector<int>{3});
    const auto two = load_task("every: [thu, mon]");
    CHECK(two.findings == "");
    CHECK(two.task().selector->weekdays == std::vector<int>{0, 3});
  }

  SUBCASE("every: month days") {
    const auto l = load_task("every: {month_day: [15, 1]}");
    CHECK(l.findings == "");
    CHECK(l.task().selector->every == EveryKind::month_days);
    CHECK(l.task().selector->month_days == std::vector<int>{1, 15});
    CHECK(load_task("every: {month_day: 31}").task().selector->month_days == std::vector<int>{31});
    CHECK(load_task("every: {month_day: [1, 32]}").findings ==
          lines({"3:36 bad-value: month day 32 does not exist: use 1..31, or -1..-28 counted "
                 "from the end of the month"}));
    CHECK(load_task("every: {month_day: [-1]}").task().selector->month_days ==
          std::vector<int>{-1});
    CHECK(load_task("every: {month_days: [1]}").findings ==
          lines({"3:21 unknown-key: unknown key 'month_days' (did you mean 'month_day'?)",
                 "3:20 missing-key: missing key 'month_day', 'days' or 'weekday' in 'every' "
                 "(e.g. every: {month_day: [1, 15]})"}));
  }

  SUBCASE("every: {days: N}, {weekday, nth} and Chinese weekday names") {
    const auto every3 = load_task("every: {days: 3}");
    CHECK(every3.findings == "");
    CHECK(every3.task().selector->every == EveryKind::interval);
    CHECK(every3.task().selector->interval == 3);
    const auto nth = load_task("every: {weekday: 周一, nth: [-1, 1]}");
    CHECK(nth.findings == "");
    CHECK(nth.task().selector->every == EveryKind::nth_weekday);
    CHECK(nth.task().selector->weekdays == std::vector<int>{0});
    CHECK(nth.task().selector->nths == std::vector<int>{-1, 1});
    CHECK(load_task("every: [星期四, 周日]").task().selector->weekdays == std::vector<int>{3, 6});
    CHECK(load_task("every: {weekday: mon, nth: [6]}").findings != "");
    CHECK(load_task("every: {days: 0}").findings != "");
  }

  SUBCASE("every: mistakes") {
    CHECK(load_task("every: wokday").findings ==
          lines({"3:20 bad-value: bad 'every' value 'wokday': expected day, workday, offday, "
                 "weekend, a "
                 "weekday (mon..sun), a list of weekdays or {month_day: [1, 15]} (did you mean "
                 "'workday'?)"}));
    CHECK(
        load_task("every: [mon, thr]").findings ==
        lines(
            {"3:26 bad-value: bad weekday 'thr': expected one of mon, tue, wed, thu, fri, sat, sun "
             "(did you mean 'thu'?)"}));
  }

  SUBCASE("no selector, and more than one") {
    CHECK(load_task("title: a").findings == lines({"3:5 no-selector: task 't' has no schedule: "
                                                   "give one of day, days, date, dates or every"}));
    const auto l = load_task("day: 1, every: day, dates: [2026-12-01]");
    CHECK(l.findings ==
          lines({"3:21 multiple-selectors: task 't' has more than one schedule: 'day', "
                 "'every' and 'dates' (keep exactly one)"}));
    // The first one written is kept.
    CHECK(l.task().selector->kind == Selector::Kind::day);
  }

  SUBCASE("from and to bound an every") {
    const auto l = load_task("every: day, from: 2026-12-01, to: 2026-12-31");
    CHECK(l.findings == "");
    CHECK(l.task().from->kind == sopctl::DayRef::Kind::date);
    CHECK(sopctl::format_date(l.task().to->date) == "2026-12-31");
    CHECK(l.task().to->loc.str() == "x.sop.yaml:3:47");
    CHECK(load_task("every: day, from: 5, to: 2").findings ==
          lines({"3:38 bad-value: task 't' ends on day 2, before it starts (day 5)"}));
    CHECK(load_task("every: day, from: soon").findings ==
          lines({"3:31 wrong-type: 'from' must be a day number or a date (YYYY-MM-DD)"}));
  }
}

}  // namespace SOPCTL_TU_ID
