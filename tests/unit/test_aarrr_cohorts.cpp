// The retention part of aarrr::compute (aarrr/cohorts.cpp): DN days and the
// cohort table, on small hand-computed logs of docs/spec.md §2.4.

#include "../../src/core/aarrr/parts.hpp"
#include "aarrr_fixture.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

namespace aarrr = sopctl::aarrr;
using aarrr::CohortUnit;
using aarrr_fixture::k_head;
using aarrr_fixture::periods;
using aarrr_fixture::run;
using aarrr_fixture::spec;

TEST_CASE("aarrr::compute: retention days") {
  SUBCASE("23:59 and 00:01 local: calendar days, not 24-hour periods") {
    // a joins at 23:59 and reads two minutes later: day 1. b joins at 00:01
    // and reads at 23:59 the same day: day 0, not day 1.
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-12-01 23:59:00,,,\n"
                                    "a,read,2026-12-02 00:01:00,,,\n"
                                    "b,join_group,2026-12-01 00:01:00,,,\n"
                                    "b,read,2026-12-01 23:59:00,,,\n"
                                    "z,other,2026-12-10 00:00:00,,,\n",
                                spec());
    CHECK(r.retention.days[0].retained == 1);
    CHECK(r.retention.days[0].eligible == 2);
    CHECK(*r.retention.days[0].rate == 0.5);
  }
  SUBCASE("an event with +00:00 that is the next local day (Asia/Shanghai)") {
    // 16:30 UTC on 12-01 is 00:30 on 12-02 in Shanghai: day 1.
    const std::string log = k_head +
                            "a,join_group,2026-12-01 20:00:00,,,\n"
                            "a,read,2026-12-01T16:30:00+00:00,,,\n"
                            "z,other,2026-12-10 00:00:00,,,\n";
    CHECK(run(log, spec()).retention.days[0].retained == 1);
    // In UTC the join (no offset: local 20:00 UTC) and the read (16:30 UTC)
    // fall on the same day, and the read is before the join: ignored.
    const aarrr::Result utc = run(log, spec(), {"", "UTC"});
    CHECK(utc.retention.days[0].retained == 0);
    CHECK(utc.ignored_before_acquisition == 1);
  }
  SUBCASE("the end of data is the local date of the latest event, offsets converted") {
    // The latest event, 16:30 UTC on 12-02, is 00:30 on 12-03 in Shanghai:
    // b's day 1 (12-03) is then complete. In UTC the data ends on 12-02.
    const std::string log = k_head +
                            "a,join_group,2026-12-01 10:00:00,,,\n"
                            "b,join_group,2026-12-02 08:00:00,,,\n"
                            "x,other,2026-12-02T16:30:00+00:00,,,\n";
    const aarrr::Result r = run(log, spec());
    CHECK(sopctl::format_date(*r.end_of_data) == "2026-12-03");
    CHECK(r.retention.days[0].eligible == 2);
    CHECK(*r.retention.days[0].rate == 0.0);
    const aarrr::Result utc = run(log, spec(), {"", "UTC"});
    CHECK(sopctl::format_date(*utc.end_of_data) == "2026-12-02");
    CHECK(utc.retention.days[0].eligible == 1);
  }
  SUBCASE("users whose day + N is after the end of data are not counted as zero") {
    // a joined 12-01, b 12-09; data ends 12-10. D1: both eligible; D7: only
    // a; D30: nobody (null, not 0).
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-12-01 10:00:00,,,\n"
                                    "a,read,2026-12-08 10:00:00,,,\n"
                                    "b,join_group,2026-12-09 10:00:00,,,\n"
                                    "b,read,2026-12-10 10:00:00,,,\n",
                                spec());
    CHECK(r.retention.days[0].eligible == 2);
    CHECK(r.retention.days[0].retained == 1);  // b on day 1; a did not read on 12-02
    CHECK(r.retention.days[1].eligible == 1);
    CHECK(*r.retention.days[1].rate == 1.0);
    CHECK(r.retention.days[2].eligible == 0);
    CHECK_FALSE(r.retention.days[2].rate);
  }
  SUBCASE("--unbounded: on or after day N") {
    const std::string log = k_head +
                            "a,join_group,2026-12-01 10:00:00,,,\n"
                            "a,read,2026-12-04 10:00:00,,,\n"
                            "z,other,2026-12-20 00:00:00,,,\n";
    aarrr::Spec s = spec();
    CHECK(*run(log, s).retention.days[0].rate == 0.0);
    s.unbounded = true;
    const aarrr::Result r = run(log, s);
    CHECK(*r.retention.days[0].rate == 1.0);  // day 3 is after day 1
    CHECK(*r.retention.days[1].rate == 0.0);  // nothing on or after day 7
  }
  SUBCASE("an event that serves two stages counts for both") {
    aarrr::Spec s = spec();
    s.mapping =
        aarrr_fixture::mapping({{"join_group"}, {"order"}, {"read", "order"}, {"order"}, {}});
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-12-01 10:00:00,,,\n"
                                    "a,order,2026-12-02 10:00:00,,30,\n"
                                    "z,other,2026-12-20 00:00:00,,,\n",
                                s);
    CHECK(r.activation.users == 1);
    CHECK(r.retention.days[0].retained == 1);
    CHECK(r.revenue.revenue == 30.0);
  }
}

TEST_CASE("aarrr::compute: cohorts") {
  SUBCASE("day cohorts: periods are DN; a cohort at 0%; incomplete periods are null") {
    // Data ends 12-04. Cohort 12-01 (a, b): a reads on 12-02 and 12-04.
    // Cohort 12-02 (c): never reads: 0% in every complete period.
    // Cohort 12-04 (d): only period 0.
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-12-01 10:00:00,,,\n"
                                    "b,join_group,2026-12-01 12:00:00,,,\n"
                                    "a,read,2026-12-02 10:00:00,,,\n"
                                    "a,read,2026-12-04 10:00:00,,,\n"
                                    "c,join_group,2026-12-02 10:00:00,,,\n"
                                    "d,join_group,2026-12-04 10:00:00,,,\n",
                                spec());
    REQUIRE(r.retention.cohorts.size() == 3);
    const std::optional<double> null;
    CHECK(periods(r, 0) == std::vector<std::optional<double>>{1.0, 0.5, 0.0, 0.5});
    CHECK(periods(r, 1) == std::vector<std::optional<double>>{1.0, 0.0, 0.0, null});
    CHECK(periods(r, 2) == std::vector<std::optional<double>>{1.0, null, null, null});
    CHECK(r.retention.cohorts[0].retained == std::vector<std::uint64_t>{2, 1, 0, 1});
    // Means: D1 (1 + 0) / 3, D2 0 / 3, D3 1 / 2.
    CHECK(r.retention.mean == std::vector<std::optional<double>>{1.0, 1.0 / 3.0, 0.0, 0.5});
    CHECK(r.retention.mean_users == std::vector<std::uint64_t>{4, 3, 3, 2});
    CHECK(*r.retention.days[0].rate == 1.0 / 3.0);  // day cohorts' period 1 is D1
  }
  SUBCASE("week cohorts start on Monday; a week is complete once its Sunday is in the data") {
    // 2026-11-30 is a Monday. a joins Wed 12-02 (week of 11-30) and reads on
    // Mon 12-07 (period 1). b joins Sun 12-06 (same week) and reads on Sun
    // 12-13 (period 1). Data ends Sat 12-19: the week of 12-14 is incomplete.
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-12-02 10:00:00,,,\n"
                                    "a,read,2026-12-07 10:00:00,,,\n"
                                    "b,join_group,2026-12-06 23:00:00,,,\n"
                                    "b,read,2026-12-13 10:00:00,,,\n"
                                    "c,join_group,2026-12-08 10:00:00,,,\n"
                                    "z,other,2026-12-19 10:00:00,,,\n",
                                spec(CohortUnit::week));
    REQUIRE(r.retention.cohorts.size() == 2);
    CHECK(sopctl::format_date(r.retention.cohorts[0].start) == "2026-11-30");
    CHECK(r.retention.cohorts[0].users == 2);
    CHECK(periods(r, 0) == std::vector<std::optional<double>>{1.0, 1.0});
    CHECK(sopctl::format_date(r.retention.cohorts[1].start) == "2026-12-07");
    CHECK(periods(r, 1) == std::vector<std::optional<double>>{1.0, std::nullopt});
  }
  SUBCASE("a week period ending on the last day of data is complete") {
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-12-02 10:00:00,,,\n"
                                    "z,other,2026-12-13 10:00:00,,,\n",  // a Sunday
                                spec(CohortUnit::week));
    CHECK(periods(r, 0) == std::vector<std::optional<double>>{1.0, 0.0});
  }
  SUBCASE("month cohorts") {
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-11-30 10:00:00,,,\n"
                                    "a,read,2026-12-01 10:00:00,,,\n"  // next month: period 1
                                    "b,join_group,2026-12-31 23:59:00,,,\n"
                                    "b,read,2027-01-01 00:01:00,,,\n"  // period 1
                                    "z,other,2027-01-31 10:00:00,,,\n",
                                spec(CohortUnit::month));
    REQUIRE(r.retention.cohorts.size() == 2);
    CHECK(sopctl::format_date(r.retention.cohorts[1].start) == "2026-12-01");
    CHECK(periods(r, 0) == std::vector<std::optional<double>>{1.0, 1.0, 0.0});
    CHECK(periods(r, 1) == std::vector<std::optional<double>>{1.0, 1.0, std::nullopt});
  }
  SUBCASE("--periods caps the periods; --unbounded fills earlier periods") {
    aarrr::Spec s = spec();
    s.periods = 2;
    s.unbounded = true;
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-12-01 10:00:00,,,\n"
                                    "a,read,2026-12-05 10:00:00,,,\n"
                                    "b,join_group,2026-12-01 10:00:00,,,\n"
                                    "z,other,2026-12-20 10:00:00,,,\n",
                                s);
    CHECK(periods(r, 0) == std::vector<std::optional<double>>{1.0, 0.5, 0.5});
  }
  SUBCASE("no complete period: only period 0") {
    const aarrr::Result r = run(k_head + "a,join_group,2026-12-01 10:00:00,,,\n", spec());
    CHECK(periods(r, 0) == std::vector<std::optional<double>>{1.0});
    CHECK(r.retention.mean == std::vector<std::optional<double>>{1.0});
  }
}

TEST_CASE("aarrr::detail::period_count: the last period complete for the first cohort") {
  using aarrr::detail::period_count;
  const auto d = [](const char* text) { return *sopctl::parse_date(text); };
  const std::int64_t jan1 = aarrr::unit_of(d("2026-01-01"), CohortUnit::day);
  CHECK(period_count(std::nullopt, d("2026-01-10"), CohortUnit::day, std::nullopt) == 0);
  CHECK(period_count(jan1, std::nullopt, CohortUnit::day, std::nullopt) == 0);
  CHECK(period_count(jan1, d("2026-01-10"), CohortUnit::day, std::nullopt) == 9);
  CHECK(period_count(jan1, d("2026-03-10"), CohortUnit::day, std::nullopt) == 30);  // default cap
  CHECK(period_count(jan1, d("2026-01-10"), CohortUnit::day, 3) == 3);
  CHECK(period_count(jan1, d("2026-01-10"), CohortUnit::day, -1) == 0);
  // 2026-01-01 is a Thursday: its week ends 01-04; the week of 01-10 is not over.
  const std::int64_t w = aarrr::unit_of(d("2026-01-01"), CohortUnit::week);
  CHECK(period_count(w, d("2026-01-10"), CohortUnit::week, std::nullopt) == 0);
  CHECK(period_count(w, d("2026-01-11"), CohortUnit::week, std::nullopt) == 1);
  const std::int64_t m = aarrr::unit_of(d("2026-01-15"), CohortUnit::month);
  CHECK(period_count(m, d("2026-03-30"), CohortUnit::month, std::nullopt) == 1);
  CHECK(period_count(m, d("2026-03-31"), CohortUnit::month, std::nullopt) == 2);
}

TEST_CASE("aarrr::detail::CohortTable: repeats count once, incomplete cells are null") {
  const auto d = [](const char* text) { return *sopctl::parse_date(text); };
  const std::int64_t c0 = aarrr::unit_of(d("2026-01-01"), CohortUnit::day);
  aarrr::detail::CohortTable table(3, CohortUnit::day);
  std::vector<std::int64_t> periods = {2, 1, 2, 9};  // 9: past N, not counted
  table.add(c0, periods);
  std::vector<std::int64_t> none;
  table.add(c0, none);
  table.add_through(c0 + 1, 5);
  aarrr::Retention out;
  table.finish(d("2026-01-03").days, out);
  REQUIRE(out.cohorts.size() == 2);
  CHECK(out.cohorts[0].users == 2);
  CHECK(out.cohorts[0].retained == std::vector<std::uint64_t>{2, 1, 1, 0});
  CHECK(out.cohorts[0].periods[1] == doctest::Approx(0.5));
  CHECK_FALSE(out.cohorts[0].periods[3].has_value());  // 01-04 is after the end of data
  CHECK(out.cohorts[1].retained == std::vector<std::uint64_t>{1, 1, 0, 0});
  CHECK_FALSE(out.cohorts[1].periods[2].has_value());
  CHECK(out.mean_users == std::vector<std::uint64_t>{3, 3, 2, 0});
  CHECK(*out.mean[1] == doctest::Approx(2.0 / 3));
  CHECK(*out.mean[2] == doctest::Approx(0.5));
  CHECK_FALSE(out.mean[3].has_value());
}

TEST_CASE("aarrr::retention_of_days: counts per acquisition day give compute()'s retention") {
  const auto d = [](const char* text) { return *sopctl::parse_date(text); };
  aarrr::Spec spec;
  spec.periods = 3;
  std::vector<aarrr::DayCounts> days(2);
  days[0].day = d("2026-01-01");
  days[0].users = 4;
  days[0].hits = {2, 1, 0};
  days[0].periods = {2, 1, 1};
  days[1].day = d("2026-01-02");
  days[1].users = 2;
  days[1].hits = {1, 0, 0};
  days[1].periods = {1, 0, 0};
  const aarrr::Retention r = aarrr::retention_of_days(days, spec, d("2026-01-03"));
  // D1: both days are complete (01-02, 01-03 not after the end); D7: neither.
  CHECK(r.days[0].eligible == 6);
  CHECK(r.days[0].retained == 3);
  CHECK(*r.days[0].rate == doctest::Approx(0.5));
  CHECK(r.days[1].eligible == 0);
  CHECK_FALSE(r.days[1].rate.has_value());
  // Periods 0..2 (the first cohort's last complete one), not the cap of 3.
  REQUIRE(r.cohorts.size() == 2);
  CHECK(r.cohorts[0].retained == std::vector<std::uint64_t>{4, 2, 1});
  CHECK(r.cohorts[1].retained == std::vector<std::uint64_t>{2, 1, 0});
  CHECK_FALSE(r.cohorts[1].periods[2].has_value());

  SUBCASE("week cohorts fold the days of one week") {
    spec.cohort = CohortUnit::week;
    const aarrr::Retention w = aarrr::retention_of_days(days, spec, d("2026-02-01"));
    REQUIRE(w.cohorts.size() == 1);  // 2026-01-01 and -02 are Thursday and Friday
    CHECK(w.cohorts[0].users == 6);
    CHECK(w.cohorts[0].start == d("2025-12-29"));
  }
  SUBCASE("no data: nothing is complete") {
    const aarrr::Retention none = aarrr::retention_of_days({}, spec, std::nullopt);
    CHECK(none.cohorts.empty());
    CHECK(none.days[0].eligible == 0);
  }
}

TEST_CASE("aarrr::detail::CohortTable: a table over k_max_cohort_cells is refused as it grows") {
  const std::int64_t periods = 9999;  // 10,000 cells per cohort
  aarrr::detail::CohortTable table(periods, CohortUnit::day);
  std::vector<std::int64_t> none;
  const auto fit = static_cast<std::int64_t>(aarrr::k_max_cohort_cells / (periods + 1));
  for (std::int64_t c = 0; c < fit; ++c) {
    table.add(c, none);
  }
  table.add(0, none);  // an existing cohort costs nothing
  CHECK_THROWS_WITH_AS(table.add(fit, none),
                       doctest::Contains("the cohort table would hold more than 4000000 cells"),
                       sopctl::Error);
}

}  // namespace SOPCTL_TU_ID
