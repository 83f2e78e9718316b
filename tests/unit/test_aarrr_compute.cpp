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
using aarrr_fixture::k_head;
using aarrr_fixture::periods;
using aarrr_fixture::run;
using aarrr_fixture::spec;

namespace {

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
  SUBCASE("two joins at the same second: the least --by value, then referrer, in any row order") {
    for (const char* rows : {"u1,join_group,2026-12-01 10:00:00,douyin,,\n"
                             "u1,join_group,2026-12-01 10:00:00,wechat,,u8\n",
                             "u1,join_group,2026-12-01 10:00:00,wechat,,u8\n"
                             "u1,join_group,2026-12-01 10:00:00,douyin,,\n"}) {
      const aarrr::Result r = run(k_head + rows, spec(), {"channel"});
      REQUIRE(r.acquisition.by.size() == 1);
      CHECK(r.acquisition.by[0].value == "douyin");
      CHECK(r.referral.referred == 0);
    }
    // Same value: the referrer decides ("" before "u8").
    const aarrr::Result r = run(k_head +
                                    "u1,join_group,2026-12-01 10:00:00,wechat,,u8\n"
                                    "u1,join_group,2026-12-01 10:00:00,wechat,,\n",
                                spec(), {"channel"});
    CHECK(r.referral.referred == 0);
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

}  // namespace SOPCTL_TU_ID
