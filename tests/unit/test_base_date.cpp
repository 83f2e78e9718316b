#include <sopctl/base/date.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("date::parse_date") {
  SUBCASE("a real date round-trips") {
    auto d = parse_date("2026-12-03");
    REQUIRE(d);
    CHECK(format_date(*d) == "2026-12-03");
    CHECK(d->weekday() == 3);  // Thursday
  }
  SUBCASE("impossible dates are rejected") {
    CHECK_FALSE(parse_date("2026-02-29"));
    CHECK_FALSE(parse_date("2026-02-30"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-1-01"));
    CHECK_FALSE(parse_date("2026-01-01x"));
    CHECK_FALSE(parse_date(""));
  }
  SUBCASE("leap years") {
    CHECK(parse_date("2028-02-29"));
    CHECK(parse_date("2000-02-29"));
    CHECK_FALSE(parse_date("2100-02-29"));
  }
  SUBCASE("arithmetic across a year end") {
    Date d = *parse_date("2026-12-28");
    CHECK(format_date(d + 4) == "2027-01-01");
    CHECK(*parse_date("2027-01-01") - d == 4);
  }
  SUBCASE("dates before 1970") {
    CHECK(format_date(*parse_date("1969-12-31")) == "1969-12-31");
    CHECK(parse_date("1969-12-31")->weekday() == 2);
  }
}

TEST_CASE("date::times_and_durations") {
  SUBCASE("time of day") {
    CHECK(parse_time_of_day("08:00") == 480);
    CHECK(parse_time_of_day("23:59") == 1439);
    CHECK_FALSE(parse_time_of_day("24:00"));
    CHECK_FALSE(parse_time_of_day("24:61"));
    CHECK_FALSE(parse_time_of_day("8:00"));
    CHECK(format_time_of_day(485) == "08:05");
  }
  SUBCASE("durations") {
    CHECK(parse_duration("30m") == 1800);
    CHECK(parse_duration("1h30m") == 5400);
    CHECK(parse_duration("7d") == 7 * 86400);
    CHECK(parse_duration("90s") == 90);
    CHECK_FALSE(parse_duration("30"));
    CHECK_FALSE(parse_duration("m"));
    CHECK_FALSE(parse_duration("30m1h"));
    CHECK_FALSE(parse_duration("0m"));
    CHECK_FALSE(parse_duration(""));
  }
  SUBCASE("weekday names") {
    CHECK(parse_weekday("mon") == 0);
    CHECK(parse_weekday("Sunday") == 6);
    CHECK_FALSE(parse_weekday("mo"));
    CHECK(std::string(weekday_chinese_name(3)) == "周四");
  }
  SUBCASE("months") {
    CHECK(format_date(*parse_month("2026-12")) == "2026-12-01");
    CHECK_FALSE(parse_month("2026-13"));
    CHECK(days_in_month(2026, 2) == 28);
    CHECK(days_in_month(2028, 2) == 29);
  }
}

}  // namespace SOPCTL_TU_ID
