#include <sopctl/base/error.hpp>
#include <sopctl/calendar/calendar.hpp>
#include <sopctl/model/calendar.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Calendar;
namespace calendar = sopctl::calendar;
using sopctl::Date;
using sopctl::DayKind;
using sopctl::Error;

namespace {

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

// The full "file:line:col: error: message" of parsing `text`, or "" if it parsed.
std::string parse_error(const std::string& text) {
  try {
    calendar::parse(text, "cal.yaml");
  } catch (const Error& e) {
    return e.format();
  }
  return "";
}

}  // namespace

TEST_CASE("calendar::default") {
  const Calendar cal;
  SUBCASE("Monday to Friday are workdays, weekends are off") {
    CHECK(cal.kind(d(2026, 10, 1)) == DayKind::workday);  // a Thursday, no holidays known
    CHECK(cal.kind(d(2026, 10, 3)) == DayKind::day_off);
    CHECK(cal.is_weekend(d(2026, 10, 4)));
    CHECK_FALSE(cal.is_weekend(d(2026, 10, 5)));
  }
  SUBCASE("every year is covered") {
    CHECK(cal.covers(d(1999, 1, 1), d(2099, 12, 31)));
    CHECK_NOTHROW(cal.require_covers(d(1999, 1, 1), d(2099, 12, 31)));
  }
}

TEST_CASE("calendar::builtin_cn") {
  const Calendar cal = calendar::builtin_cn();
  CHECK(cal.name() == "cn");

  SUBCASE("the whole table: every day that differs from Mon-Fri") {
    const auto deviations = [&](int year) {
      std::vector<std::string> out;
      for (Date day = d(year, 1, 1); day.year() == year; day = day + 1) {
        if (cal.kind(day) != Calendar().kind(day)) {
          out.push_back(sopctl::format_date(day).substr(5) +
                        (cal.kind(day) == DayKind::makeup_workday ? " work" : " off"));
        }
      }
      return out;
    };
    CHECK(deviations(2025) ==
          std::vector<std::string>{
              "01-01 off", "01-26 work", "01-28 off",  "01-29 off",  "01-30 off",  "01-31 off",
              "02-03 off", "02-04 off",  "02-08 work", "04-04 off",  "04-27 work", "05-01 off",
              "05-02 off", "05-05 off",  "06-02 off",  "09-28 work", "10-01 off",  "10-02 off",
              "10-03 off", "10-06 off",  "10-07 off",  "10-08 off",  "10-11 work"});
    CHECK(deviations(2026) ==
          std::vector<std::string>{
              "01-01 off",  "01-02 off", "01-04 work", "02-14 work", "02-16 off",
              "02-17 off",  "02-18 off", "02-19 off",  "02-20 off",  "02-23 off",
              "02-28 work", "04-06 off", "05-01 off",  "05-04 off",  "05-05 off",
              "05-09 work", "06-19 off", "09-20 work", "09-25 off",  "10-01 off",
              "10-02 off",  "10-05 off", "10-06 off",  "10-07 off",  "10-10 work"});
  }
  SUBCASE("Spring Festival 2026: make-up Saturdays work, the break is off") {
    std::vector<int> workdays;
    for (int day = 1; day <= 28; ++day) {
      if (cal.is_workday(d(2026, 2, day))) {
        workdays.push_back(day);
      }
    }
    CHECK(workdays == std::vector<int>{2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 24, 25, 26, 27, 28});
    CHECK(cal.kind(d(2026, 2, 14)) == DayKind::makeup_workday);
    CHECK(cal.kind(d(2026, 2, 28)) == DayKind::makeup_workday);
    CHECK(cal.kind(d(2026, 2, 16)) == DayKind::day_off);  // a Monday inside the break
  }
  SUBCASE("National Day 2026: the next workday after 10-03 is Thursday 10-08") {
    CHECK(cal.is_day_off(d(2026, 10, 3)));
    Date next = d(2026, 10, 3) + 1;
    while (!cal.is_workday(next)) {
      next = next + 1;
    }
    CHECK(next == d(2026, 10, 8));
    CHECK(next.weekday() == 3);
    CHECK(cal.kind(d(2026, 10, 10)) == DayKind::makeup_workday);
    CHECK(cal.is_day_off(d(2026, 10, 11)));
  }
  SUBCASE("2025 holidays and make-up days") {
    CHECK(cal.is_day_off(d(2025, 1, 28)));
    CHECK(cal.is_day_off(d(2025, 2, 4)));
    CHECK(cal.kind(d(2025, 1, 26)) == DayKind::makeup_workday);
    CHECK(cal.is_day_off(d(2025, 10, 8)));
    CHECK(cal.kind(d(2025, 10, 11)) == DayKind::makeup_workday);
    CHECK(cal.kind(d(2025, 10, 9)) == DayKind::workday);
  }
  SUBCASE("weekend: a make-up Saturday is not, a holiday Saturday still is") {
    CHECK_FALSE(cal.is_weekend(d(2026, 2, 14)));
    CHECK(cal.is_weekend(d(2026, 10, 3)));
    CHECK_FALSE(cal.is_weekend(d(2026, 10, 1)));  // a holiday, but a Thursday
  }
  SUBCASE("2025 and 2026 are covered, 2027 is not") {
    CHECK(cal.covers(d(2025, 1, 1), d(2026, 12, 31)));
    CHECK_FALSE(cal.covers(d(2026, 12, 1), d(2027, 1, 31)));
    try {
      cal.require_covers(d(2026, 12, 1), d(2027, 1, 31));
      FAIL("expected an Error");
    } catch (const Error& e) {
      CHECK(e.format() ==
            "sopctl: error: calendar 'cn' covers 2025-2026; the plan reaches 2027-01-31 (give a "
            "calendar file that covers 2027)");
      CHECK_FALSE(e.where().known());
    }
  }
  SUBCASE("a plan with a gap year names the gap's first day") {
    const Calendar gap = calendar::parse("years: [2025, 2027]\n", "gap.yaml");
    try {
      gap.require_covers(d(2025, 12, 1), d(2027, 1, 31));
      FAIL("expected an Error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()) ==
            "calendar 'gap.yaml' covers 2025, 2027; the plan reaches 2026-01-01 (give a calendar "
            "file that covers 2026)");
    }
  }
  SUBCASE("a plan starting before the calendar names its first day") {
    try {
      cal.require_covers(d(2024, 12, 20), d(2025, 1, 10));
      FAIL("expected an Error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()) ==
            "calendar 'cn' covers 2025-2026; the plan reaches 2024-12-20 (give a calendar file "
            "that covers 2024)");
    }
  }
}

TEST_CASE("calendar::parse") {
  SUBCASE("a range, a single date and a make-up workday") {
    const Calendar cal = calendar::parse(
        "holidays: [\"2026-10-01..2026-10-07\", 2026-01-01]\nworkdays: [2026-10-10]\n", "cal.yaml");
    CHECK(cal.name() == "cal.yaml");
    CHECK(cal.is_day_off(d(2026, 10, 1)));
    CHECK(cal.is_day_off(d(2026, 10, 7)));
    CHECK(cal.kind(d(2026, 10, 8)) == DayKind::workday);
    CHECK(cal.kind(d(2026, 1, 1)) == DayKind::day_off);
    CHECK(cal.kind(d(2026, 1, 2)) == DayKind::workday);
    CHECK(cal.kind(d(2026, 10, 10)) == DayKind::makeup_workday);
    CHECK(cal.covers(d(2026, 1, 1), d(2026, 12, 31)));
    CHECK_FALSE(cal.covers(d(2026, 12, 1), d(2027, 1, 1)));
  }
  SUBCASE("block lists, spaces around '..' and a name") {
    const Calendar cal = calendar::parse(
        "name: cn-2027\nholidays:\n  - 2027-02-06 .. 2027-02-08\nworkdays:\n", "cal.yaml");
    CHECK(cal.is_day_off(d(2027, 2, 8)));
    CHECK(cal.kind(d(2027, 2, 9)) == DayKind::workday);
  }
  SUBCASE("years: decides what is covered") {
    const Calendar cal =
        calendar::parse("years: [2026, 2027]\nholidays: [2026-01-01]\n", "cal.yaml");
    CHECK(cal.covers(d(2026, 1, 1), d(2027, 12, 31)));
    try {
      cal.require_covers(d(2027, 12, 1), d(2029, 1, 5));
      FAIL("expected an Error");
    } catch (const Error& e) {
      CHECK(e.format() ==
            "sopctl: error: calendar 'cal.yaml' covers 2026-2027; the plan reaches 2029-01-05 "
            "(give a calendar file that covers 2028-2029)");
    }
  }
  SUBCASE("a range across New Year covers both years") {
    const Calendar cal = calendar::parse("holidays: [2026-12-31..2027-01-01]\n", "cal.yaml");
    CHECK(cal.covers(d(2026, 1, 1), d(2027, 12, 31)));
  }
  SUBCASE("a day that does not exist") {
    CHECK(parse_error("holidays: [2026-01-01, 2026-02-30]\n") ==
          "cal.yaml:1:24: error: bad date '2026-02-30': write a real day as YYYY-MM-DD");
  }
  SUBCASE("a bad date inside a range") {
    CHECK(parse_error("holidays:\n  - 2026-10-01..2026-10-32\n") ==
          "cal.yaml:2:5: error: bad date '2026-10-32': write a real day as YYYY-MM-DD");
  }
  SUBCASE("a range with one end missing") {
    CHECK(parse_error("holidays: [\"2026-10-01..\"]\n") ==
          "cal.yaml:1:12: error: bad range '2026-10-01..': write it as 2026-10-01..2026-10-07");
  }
  SUBCASE("a reversed range") {
    CHECK(parse_error("holidays: [\"2026-10-07..2026-10-01\"]\n") ==
          "cal.yaml:1:12: error: range '2026-10-07..2026-10-01' ends before it starts (write "
          "2026-10-01..2026-10-07)");
  }
  SUBCASE("a range over a year long") {
    CHECK(parse_error("holidays: [2025-10-01..2026-10-07]\n") ==
          "cal.yaml:1:12: error: range '2025-10-01..2026-10-07' spans 372 days; a range may "
          "span at most 366 (check the years)");
  }
  SUBCASE("an unknown key") {
    CHECK(parse_error("holiday: [2026-01-01]\n") ==
          "cal.yaml:1:1: error: unknown key 'holiday' (expected holidays, workdays, years, "
          "name or version)");
  }
  SUBCASE("a duplicate key") {
    CHECK(parse_error("holidays: [2026-01-01]\nholidays: [2026-01-02]\n") ==
          "cal.yaml:2:1: error: duplicate key 'holidays' (merge the two into one)");
  }
  SUBCASE("holidays that are not a list") {
    CHECK(parse_error("holidays: 2026-01-01\n") ==
          "cal.yaml:1:11: error: 'holidays' must be a list of dates, e.g. holidays: "
          "[\"2026-10-01..2026-10-07\", 2026-01-01]");
  }
  SUBCASE("a list entry that is not a date") {
    CHECK(parse_error("workdays:\n  - {date: 2026-10-10}\n") ==
          "cal.yaml:2:5: error: each 'workdays' entry must be a date (2026-10-01) or a range "
          "(2026-10-01..2026-10-07)");
  }
  SUBCASE("a day that is both a holiday and a workday") {
    CHECK(parse_error("workdays: [2026-10-03]\nholidays: [2026-10-01..2026-10-07]\n") ==
          "cal.yaml:2:12: error: 2026-10-03 is listed both in holidays and in workdays (keep it "
          "in one list)");
  }
  SUBCASE("a bad year") {
    CHECK(parse_error("years: [2026, 26]\n") ==
          "cal.yaml:1:15: error: bad year '26' in years: write a year such as 2026");
    CHECK(parse_error("years: 2026\n") ==
          "cal.yaml:1:8: error: 'years' must be a list of years, e.g. years: [2026]");
  }
  SUBCASE("a name that is not a text") {
    CHECK(parse_error("name: [cn]\n") ==
          "cal.yaml:1:7: error: 'name' must be a text, e.g. name: cn-2027");
  }
  SUBCASE("columns count characters, not bytes") {
    CHECK(parse_error("name: 中国\nholidays: [2026-01-01]\nworkdays: [中国, 2026-13-01]\n") ==
          "cal.yaml:3:12: error: bad date '中国': write a real day as YYYY-MM-DD");
  }
  SUBCASE("a YAML syntax error") {
    CHECK(parse_error("holidays: [2026-01-01\nworkdays: []\n") ==
          "cal.yaml:3:1: error: invalid YAML: flow sequence without a closing bracket");
  }
  SUBCASE("a file that is not a mapping") {
    CHECK(parse_error("- 2026-01-01\n") ==
          "cal.yaml:1:1: error: a calendar file must be a mapping with holidays: and workdays: "
          "lists, e.g. holidays: [\"2026-10-01..2026-10-07\"]");
    CHECK(parse_error("") ==
          "cal.yaml: error: a calendar file must be a mapping with holidays: and workdays: "
          "lists, e.g. holidays: [\"2026-10-01..2026-10-07\"]");
  }
  SUBCASE("where() carries file, line and column") {
    try {
      calendar::parse("holidays: [2026-02-30]\n", "x/cal.yaml");
      FAIL("expected an Error");
    } catch (const Error& e) {
      CHECK(e.where().file == "x/cal.yaml");
      CHECK(e.where().line == 1);
      CHECK(e.where().column == 12);
      CHECK(std::string(e.what()) == "bad date '2026-02-30': write a real day as YYYY-MM-DD");
    }
  }
}

}  // namespace SOPCTL_TU_ID
