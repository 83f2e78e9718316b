// The referral part of aarrr::compute (aarrr/referral.cpp) and ROI, on small
// hand-computed logs of docs/spec.md §2.4.

#include "aarrr_fixture.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

namespace aarrr = sopctl::aarrr;
using aarrr_fixture::k_head;
using aarrr_fixture::run;
using aarrr_fixture::spec;

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

TEST_CASE("aarrr referral cycle: the median time from a referrer's join to a referred user's") {
  // r1 joins 10:00 and brings a (11:00) and b (13:00); r2 joins 09:00 and
  // brings c (09:30); x referred d but never joined: not counted. Gaps 1 h,
  // 3 h, 0.5 h: median 1 h.
  const aarrr::Result r = run(k_head +
                                  "r1,join_group,2026-12-01 10:00:00,,,\n"
                                  "r2,join_group,2026-12-01 09:00:00,,,\n"
                                  "a,join_group,2026-12-01 11:00:00,,,r1\n"
                                  "b,join_group,2026-12-01 13:00:00,,,r1\n"
                                  "c,join_group,2026-12-01 09:30:00,,,r2\n"
                                  "d,join_group,2026-12-01 12:00:00,,,x\n",
                              spec());
  CHECK(r.referral.referred == 4);
  CHECK(r.referral.referrers == 3);
  REQUIRE(r.referral.cycle_seconds.has_value());
  CHECK(*r.referral.cycle_seconds == doctest::Approx(3600));
  // A referred user who joined before the referrer does not count.
  const aarrr::Result early = run(k_head +
                                      "r1,join_group,2026-12-01 10:00:00,,,\n"
                                      "a,join_group,2026-12-01 08:00:00,,,r1\n",
                                  spec());
  CHECK_FALSE(early.referral.cycle_seconds.has_value());
}

}  // namespace SOPCTL_TU_ID
