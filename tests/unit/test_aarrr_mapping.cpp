// aarrr's vocabulary: mappings, cohort units, amounts.

#include "aarrr_fixture.hpp"

#include <sopctl/base/error.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

namespace aarrr = sopctl::aarrr;
using aarrr::CohortUnit;
using sopctl::Date;

namespace {

std::string date(Date d) {
  return sopctl::format_date(d);
}

}  // namespace

TEST_CASE("aarrr::event_names") {
  const aarrr::Mapping m = aarrr_fixture::mapping(
      {{"join_group", "scan_qr"}, {"check_in"}, {"read", "check_in"}, {"order"}, {}});
  CHECK(aarrr::event_names(m) ==
        std::vector<std::string>{"join_group", "scan_qr", "check_in", "read", "order"});
}

TEST_CASE("aarrr::require_acquisition") {
  CHECK_NOTHROW(aarrr::require_acquisition(aarrr_fixture::mapping(), {}));
  CHECK_THROWS_WITH(aarrr::require_acquisition(aarrr_fixture::mapping({{}, {"check_in"}}), {}),
                    doctest::Contains("no acquisition event"));
}

TEST_CASE("aarrr::require_events_present") {
  const std::string csv =
      "user_id,event,ts\n"
      "a,join_group,2026-12-01 10:00:00\n"
      "a,order,2026-12-01 11:00:00\n"
      "a,view,2026-12-01 11:00:00\n";
  const sopctl::csv::Header header = sopctl::csv::read_header(csv, "ev.csv");
  auto check = [&](const aarrr::Mapping& m) {
    sopctl::events::LoadOptions lo;
    lo.keep = aarrr::event_names(m);
    const auto log = sopctl::events::load(csv, "ev.csv", header, lo);
    aarrr::require_events_present(log, m, "ev.csv", "event",
                                  [&] { return aarrr::column_values(csv, "ev.csv", header, 1); });
  };
  SUBCASE("every name occurs") {
    CHECK_NOTHROW(check(aarrr_fixture::mapping({{"join_group"}, {}, {}, {"order"}})));
  }
  SUBCASE("a misspelt name: did-you-mean and the events of the file") {
    try {
      check(aarrr_fixture::mapping({{"join_group"}, {}, {}, {"oder"}, {"invite"}}));
      FAIL("no error");
    } catch (const sopctl::Error& e) {
      CHECK(e.format() ==
            "ev.csv: error: no events 'oder' (revenue; did you mean 'order'?), 'invite' "
            "(referral) in column 'event'; the events there are: join_group, order, view");
    }
  }
  SUBCASE("a name that occurs only on rows without a user id") {
    const std::string text =
        "user_id,event,ts\n"
        "a,join_group,2026-12-01 10:00:00\n"
        ",order,2026-12-01 11:00:00\n";
    const sopctl::csv::Header h = sopctl::csv::read_header(text, "ev.csv");
    const aarrr::Mapping m = aarrr_fixture::mapping({{"join_group"}, {}, {}, {"order"}});
    sopctl::events::LoadOptions lo;
    lo.keep = aarrr::event_names(m);
    const auto log = sopctl::events::load(text, "ev.csv", h, lo);
    CHECK_THROWS_WITH(
        aarrr::require_events_present(log, m, "ev.csv", "event",
                                      [&] { return aarrr::column_values(text, "ev.csv", h, 1); }),
        "no event 'order' (revenue; only on rows without a user id) in column "
        "'event'; the events there are: join_group, order");
  }
  SUBCASE("a name from an SOP is reported at its line") {
    aarrr::Mapping m = aarrr_fixture::mapping({{"join"}});
    m[aarrr::Stage::acquisition][0].loc = sopctl::SourceLoc{"camp.sop.yaml", 12, 17};
    try {
      check(m);
      FAIL("no error");
    } catch (const sopctl::Error& e) {
      CHECK(e.format() ==
            "camp.sop.yaml:12:17: error: no event 'join' (acquisition) in column "
            "'event' of ev.csv; the events there are: join_group, order, view");
    }
  }
}

TEST_CASE("aarrr cohort units") {
  CHECK(aarrr::parse_cohort_unit("week") == CohortUnit::week);
  CHECK_FALSE(aarrr::parse_cohort_unit("year"));
  SUBCASE("weeks start on Monday") {
    const Date wed = *sopctl::parse_date("2026-12-02");
    const Date sun = *sopctl::parse_date("2026-12-06");
    const Date mon = *sopctl::parse_date("2026-12-07");
    CHECK(aarrr::unit_of(wed, CohortUnit::week) == aarrr::unit_of(sun, CohortUnit::week));
    CHECK(aarrr::unit_of(mon, CohortUnit::week) == aarrr::unit_of(sun, CohortUnit::week) + 1);
    CHECK(date(aarrr::unit_start(aarrr::unit_of(wed, CohortUnit::week), CohortUnit::week)) ==
          "2026-11-30");
    CHECK(date(aarrr::unit_end(aarrr::unit_of(wed, CohortUnit::week), CohortUnit::week)) ==
          "2026-12-06");
    // Before 1970 too (floor, not truncation).
    const Date old = *sopctl::parse_date("1969-12-31");  // a Wednesday
    CHECK(date(aarrr::unit_start(aarrr::unit_of(old, CohortUnit::week), CohortUnit::week)) ==
          "1969-12-29");
  }
  SUBCASE("months") {
    const Date d = *sopctl::parse_date("2028-02-10");
    const auto u = aarrr::unit_of(d, CohortUnit::month);
    CHECK(date(aarrr::unit_start(u, CohortUnit::month)) == "2028-02-01");
    CHECK(date(aarrr::unit_end(u, CohortUnit::month)) == "2028-02-29");
    CHECK(date(aarrr::unit_start(u - 2, CohortUnit::month)) == "2027-12-01");
  }
  SUBCASE("days") {
    CHECK(date(aarrr::day_of(-1)) == "1969-12-31");
    CHECK(date(aarrr::day_of(86399)) == "1970-01-01");
    CHECK(aarrr::default_periods(CohortUnit::day) == 30);
    CHECK(aarrr::default_periods(CohortUnit::month) == 12);
  }
}

TEST_CASE("aarrr::parse_amount") {
  CHECK(aarrr::parse_amount("99")->value == 99.0);
  CHECK(aarrr::parse_amount("99")->micros == 99'000'000);
  CHECK(aarrr::parse_amount(" 12.50 ")->micros == 12'500'000);
  CHECK(aarrr::parse_amount("-0.05")->micros == -50'000);
  CHECK(aarrr::parse_amount("+3")->value == 3.0);
  CHECK(aarrr::parse_amount(".5")->micros == 500'000);
  CHECK(aarrr::parse_amount("1e3")->value == 1000.0);
  CHECK_FALSE(aarrr::parse_amount("1e3")->micros);
  CHECK_FALSE(aarrr::parse_amount("0.1234567")->micros);  // 7 places: a double
  CHECK(aarrr::parse_amount("0.1234567")->value == 0.1234567);
  for (const char* bad :
       {"", " ", "abc", "¥99", "1,299.00", "12.5.1", "nan", "inf", "1e999", "-", "."}) {
    CAPTURE(bad);
    CHECK_FALSE(aarrr::parse_amount(bad));
  }
}

}  // namespace SOPCTL_TU_ID
