// aarrr::compute on small hand-computed logs: every figure of docs/spec.md §2.4.

#include "aarrr_fixture.hpp"

#include <sopctl/base/files.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

namespace aarrr = sopctl::aarrr;
using aarrr::CohortUnit;
using aarrr_fixture::run;
using aarrr_fixture::spec;

namespace {

const std::string k_head = "user_id,event,ts,channel,amount,referrer\n";

std::vector<std::optional<double>> periods(const aarrr::Result& r, std::size_t cohort) {
  return r.retention.cohorts.at(cohort).periods;
}

std::string read_fixture(const std::string& name) {
  return sopctl::io::read_file(std::string(SOPCTL_TEST_DATA_DIR) + "/aarrr/" + name);
}

}  // namespace

TEST_CASE("aarrr::compute: the example of docs/spec.md §2.4") {
  // tests/aarrr/spec-example.csv, by hand: 6 users join (u1 12-01, u2 12-15,
  // u3 01-10, u4 02-01, u5 02-20, u6 03-10 = end of data); u1 and u2 check in
  // and read on day 1 and day 7 (not day 30) and in January; u1 orders 99 +
  // 49 and invites twice, u2 orders 199.00; u3 and u4 were referred by u1.
  aarrr::Spec s = spec(CohortUnit::month);
  s.cost = 200.0;
  const aarrr::Result r = run(read_fixture("spec-example.csv"), s, {"channel"});

  CHECK(r.acquisition.users == 6);
  REQUIRE(r.acquisition.by.size() == 2);
  CHECK(r.acquisition.by[0].value == "wechat");
  CHECK(r.acquisition.by[0].users == 4);
  CHECK(r.acquisition.by[1].value == "douyin");
  CHECK(r.acquisition.by[1].users == 2);

  CHECK(r.activation.users == 2);
  CHECK(*r.activation.rate == 2.0 / 6.0);

  // D1 and D7: u6 (acquired on the last day) is left out: 2 of 5.
  CHECK(r.retention.days[0].retained == 2);
  CHECK(r.retention.days[0].eligible == 5);
  CHECK(*r.retention.days[0].rate == 0.4);
  CHECK(*r.retention.days[1].rate == 0.4);
  // D30: u1..u4 are eligible (u5's day 30 is 03-22), nobody read on day 30.
  CHECK(r.retention.days[2].eligible == 4);
  CHECK(*r.retention.days[2].rate == 0.0);

  // Month cohorts: N = 2 (February is the last complete month).
  REQUIRE(r.retention.cohorts.size() == 4);
  CHECK(sopctl::format_date(r.retention.cohorts[0].start) == "2026-12-01");
  CHECK(r.retention.cohorts[0].users == 2);
  CHECK(periods(r, 0) == std::vector<std::optional<double>>{1.0, 1.0, 0.0});
  CHECK(periods(r, 1) == std::vector<std::optional<double>>{1.0, 0.0, std::nullopt});  // 2027-01
  CHECK(periods(r, 2) == std::vector<std::optional<double>>{1.0, std::nullopt, std::nullopt});
  CHECK(periods(r, 3) == std::vector<std::optional<double>>{1.0, std::nullopt, std::nullopt});
  CHECK(r.retention.cohorts[2].users == 2);  // u4, u5 in February
  // Weighted mean over complete cohorts: M1 = (2 + 0) / (2 + 1), M2 = 0 / 2.
  CHECK(r.retention.mean == std::vector<std::optional<double>>{1.0, 2.0 / 3.0, 0.0});
  CHECK(r.retention.mean_users == std::vector<std::uint64_t>{6, 3, 2});

  CHECK(r.revenue.paying_users == 2);
  CHECK(*r.revenue.paying_rate == 2.0 / 6.0);
  CHECK(r.revenue.revenue == 347.0);
  CHECK(*r.revenue.arpu == 347.0 / 6.0);
  CHECK(*r.revenue.arppu == 173.5);
  CHECK(*r.revenue.repeat_rate == 0.5);

  CHECK(r.referral.invites == 2);
  CHECK(r.referral.referred == 2);
  CHECK(r.referral.referrers == 1);
  CHECK(*r.referral.invites_per_user == 2.0 / 6.0);
  CHECK(*r.referral.invite_conversion == 1.0);
  CHECK(*r.referral.k_factor == 2.0 / 6.0);

  REQUIRE(r.roi);
  CHECK(r.roi->cost == 200.0);
  CHECK(*r.roi->roi == 0.735);
  CHECK(*r.roi->cost_per_acquired == 200.0 / 6.0);
  CHECK(*r.roi->cost_per_paying == 100.0);

  CHECK(r.ignored_not_acquired == 0);
  CHECK(r.ignored_before_acquisition == 0);
  CHECK(sopctl::format_date(*r.end_of_data) == "2027-03-10");
}

TEST_CASE("aarrr::compute: acquisition") {
  SUBCASE("a user acquired twice counts once, with the first acquisition's row") {
    // The later row in the file is the earlier acquisition: its channel and
    // (empty) referrer belong to u1; the second join is neither counted nor ignored.
    const aarrr::Result r = run(k_head +
                                    "u1,join_group,2026-12-05 10:00:00,douyin,,u9\n"
                                    "u1,join_group,2026-12-01 10:00:00,wechat,,\n"
                                    "u1,read,2026-12-02 10:00:00,douyin,,\n",
                                spec(), {"channel"});
    CHECK(r.acquisition.users == 1);
    REQUIRE(r.acquisition.by.size() == 1);
    CHECK(r.acquisition.by[0].value == "wechat");
    CHECK(r.referral.referred == 0);
    CHECK(r.referral.referrers == 0);
    CHECK(r.retention.days[0].retained == 1);  // day 1 after 12-01, not after 12-05
    CHECK(r.ignored_before_acquisition == 0);
  }
  SUBCASE("two joins at the same second: the first row in the file") {
    const aarrr::Result r = run(k_head +
                                    "u1,join_group,2026-12-01 10:00:00,douyin,,\n"
                                    "u1,join_group,2026-12-01 10:00:00,wechat,,\n",
                                spec(), {"channel"});
    CHECK(r.acquisition.by[0].value == "douyin");
  }
  SUBCASE("--by lists values by users, descending, then by value; empty values count") {
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-12-01 10:00:00,wechat,,\n"
                                    "b,join_group,2026-12-01 10:00:00,douyin,,\n"
                                    "c,join_group,2026-12-01 10:00:00,,,\n"
                                    "d,join_group,2026-12-01 10:00:00,wechat,,\n"
                                    "e,read,2026-12-01 10:00:00,sms,,\n",
                                spec(), {"channel"});
    REQUIRE(r.acquisition.by.size() == 3);
    CHECK(r.acquisition.by[0].value == "wechat");
    CHECK(r.acquisition.by[1].value == "");
    CHECK(r.acquisition.by[2].value == "douyin");
    CHECK(r.acquisition.users == 4);  // e never joined
  }
  SUBCASE("events of users never acquired and before acquisition are ignored") {
    const aarrr::Result r = run(k_head +
                                    "u1,order,2026-11-30 10:00:00,,10,\n"  // before: ignored
                                    "u1,join_group,2026-12-01 10:00:00,,,\n"
                                    "u1,invite,2026-12-01 09:59:59,,,\n"   // before: ignored
                                    "u1,invite,2026-12-01 10:00:00,,,\n"   // at: counts
                                    "u2,order,2026-12-01 10:00:00,,20,\n"  // never acquired
                                    "u2,read,2026-12-02 10:00:00,,,\n",    // never acquired
                                spec());
    CHECK(r.ignored_before_acquisition == 2);
    CHECK(r.ignored_not_acquired == 2);
    CHECK(r.revenue.paying_users == 0);
    CHECK(r.revenue.revenue == 0.0);
    CHECK(r.referral.invites == 1);
    CHECK(r.users == 2);
  }
}

TEST_CASE("aarrr::compute: activation") {
  const std::string log = k_head +
                          "a,join_group,2026-12-01 10:00:00,,,\n"
                          "a,check_in,2026-12-08 10:00:00,,,\n"  // exactly 7d: counts
                          "b,join_group,2026-12-01 10:00:00,,,\n"
                          "b,check_in,2026-12-08 10:00:01,,,\n"  // 7d + 1s: too late
                          "c,check_in,2026-12-01 09:00:00,,,\n"  // before acquisition
                          "c,join_group,2026-12-01 10:00:00,,,\n";
  SUBCASE("the window is inclusive") {
    const aarrr::Result r = run(log, spec());
    CHECK(r.activation.users == 1);
    CHECK(*r.activation.rate == 1.0 / 3.0);
  }
  SUBCASE("--activation-window none: any time after acquisition") {
    aarrr::Spec s = spec();
    s.activation_window = aarrr::k_no_window;
    CHECK(run(log, s).activation.users == 2);
  }
  SUBCASE("no acquired user: the rate is null") {
    const aarrr::Result r = run(k_head + "a,check_in,2026-12-01 10:00:00,,,\n", spec());
    CHECK(r.activation.users == 0);
    CHECK_FALSE(r.activation.rate);
  }
}

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

TEST_CASE("aarrr::compute: revenue") {
  SUBCASE("a purchase before activation counts; one before acquisition does not") {
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-12-01 10:00:00,,,\n"
                                    "a,order,2026-12-01 11:00:00,,50,\n"
                                    "a,check_in,2026-12-03 10:00:00,,,\n"
                                    "b,order,2026-11-30 10:00:00,,80,\n"
                                    "b,join_group,2026-12-01 10:00:00,,,\n",
                                spec());
    CHECK(r.activation.users == 1);
    CHECK(r.revenue.paying_users == 1);
    CHECK(r.revenue.revenue == 50.0);
    CHECK(*r.revenue.paying_rate == 0.5);
    CHECK(*r.revenue.arpu == 25.0);
    CHECK(*r.revenue.arppu == 50.0);
    CHECK(*r.revenue.repeat_rate == 0.0);
    CHECK(r.ignored_before_acquisition == 1);
  }
  SUBCASE("amounts are summed as written: 0.1 + 0.2 = 0.3") {
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-12-01 10:00:00,,,\n"
                                    "a,order,2026-12-01 11:00:00,,0.1,\n"
                                    "a,order,2026-12-01 12:00:00,, 0.2 ,\n"
                                    "a,order,2026-12-01 13:00:00,,-0.05,\n"
                                    "a,order,2026-12-01 14:00:00,,1e1,\n",
                                spec());
    CHECK(r.revenue.revenue == 10.25);
    CHECK(r.revenue.purchases == 4);
    CHECK(r.revenue.repeat_users == 1);
    const aarrr::Result small = run(k_head +
                                        "a,join_group,2026-12-01 10:00:00,,,\n"
                                        "a,order,2026-12-01 11:00:00,,0.1,\n"
                                        "a,order,2026-12-01 12:00:00,,0.2,\n",
                                    spec());
    CHECK(small.revenue.revenue == 0.3);
  }
  SUBCASE("no paying user: ARPPU and repeat rate are null, ARPU is 0") {
    const aarrr::Result r = run(k_head + "a,join_group,2026-12-01 10:00:00,,,\n", spec());
    CHECK(r.revenue.paying_users == 0);
    CHECK(*r.revenue.arpu == 0.0);
    CHECK_FALSE(r.revenue.arppu);
    CHECK_FALSE(r.revenue.repeat_rate);
  }
  SUBCASE("a non-numeric or empty amount on a revenue event is an error") {
    CHECK_THROWS_WITH_AS(run(k_head + "a,join_group,2026-12-01 10:00:00,,,\n"
                                      "a,order,2026-12-01 11:00:00,,¥99,\n",
                             spec()),
                         "amount '¥99' (column 'amount', event 'order') is not a number "
                         "(write plain numbers such as 99 or 12.50, without currency signs or "
                         "thousands separators)",
                         aarrr::BadAmount);
    CHECK_THROWS_AS(run(k_head + "a,order,2026-12-01 11:00:00,,,\n", spec()), aarrr::BadAmount);
    // A non-revenue event's amount is not read.
    CHECK_NOTHROW(run(k_head + "a,join_group,2026-12-01 10:00:00,,n/a,\n", spec()));
  }
}

TEST_CASE("aarrr::compute: referral and ROI") {
  SUBCASE("no invites: conversion and K-factor are null") {
    const aarrr::Result r = run(k_head +
                                    "a,join_group,2026-12-01 10:00:00,,,x\n"
                                    "b,join_group,2026-12-01 10:00:00,,,x\n"
                                    "c,join_group,2026-12-01 10:00:00,,,y\n"
                                    "d,join_group,2026-12-01 10:00:00,,,\n",
                                spec());
    CHECK(r.referral.referred == 3);
    CHECK(r.referral.referrers == 2);
    CHECK(r.referral.invites == 0);
    CHECK(*r.referral.invites_per_user == 0.0);
    CHECK_FALSE(r.referral.invite_conversion);
    CHECK_FALSE(r.referral.k_factor);
  }
  SUBCASE("K-factor = invites per user x invite conversion") {
    // 4 acquired, 8 invites, 2 referred: 2 x 0.25 = 0.5.
    std::string log = k_head +
                      "a,join_group,2026-12-01 10:00:00,,,\n"
                      "b,join_group,2026-12-01 10:00:00,,,\n"
                      "c,join_group,2026-12-02 10:00:00,,,a\n"
                      "d,join_group,2026-12-02 10:00:00,,,a\n";
    for (int i = 0; i < 8; ++i) {
      log += "a,invite,2026-12-01 11:00:00,,,\n";
    }
    const aarrr::Result r = run(log, spec());
    CHECK(*r.referral.invites_per_user == 2.0);
    CHECK(*r.referral.invite_conversion == 0.25);
    CHECK(*r.referral.k_factor == 0.5);
  }
  SUBCASE("ROI: null without --cost; cost 0 has no ROI; nobody paying") {
    const std::string log = k_head + "a,join_group,2026-12-01 10:00:00,,,\n";
    aarrr::Spec s = spec();
    CHECK_FALSE(run(log, s).roi);
    s.cost = 0.0;
    const aarrr::Result r = run(log, s);
    REQUIRE(r.roi);
    CHECK_FALSE(r.roi->roi);
    CHECK(*r.roi->cost_per_acquired == 0.0);
    CHECK_FALSE(r.roi->cost_per_paying);
  }
  SUBCASE("an empty log") {
    aarrr::Spec s = spec();
    s.cost = 100.0;
    const aarrr::Result r = run(k_head, s);
    CHECK(r.acquisition.users == 0);
    CHECK_FALSE(r.end_of_data);
    CHECK(r.retention.cohorts.empty());
    CHECK(*r.roi->roi == -1.0);
    CHECK_FALSE(r.roi->cost_per_acquired);
  }
}

}  // namespace SOPCTL_TU_ID
