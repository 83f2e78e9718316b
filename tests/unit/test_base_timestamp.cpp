// base/timestamp.cpp: the timestamps of event logs, as spreadsheets write them.

#include <sopctl/base/timestamp.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <optional>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

constexpr std::int64_t k_dec3_8am = 1796284800;  // 2026-12-03T08:00:00 as if UTC

std::int64_t wall(std::string_view text) {
  const std::optional<Timestamp> t = parse_timestamp(text);
  REQUIRE(t);
  return t->wall;
}

}  // namespace

TEST_CASE("parse_timestamp accepts the forms of spreadsheets and SCRM exports") {
  CHECK(wall("2026-12-03T08:00:00") == k_dec3_8am);
  CHECK(wall("2026-12-03 08:00:00") == k_dec3_8am);
  CHECK(wall("2026-12-03 08:00") == k_dec3_8am);
  CHECK(wall("2026/12/3 8:00") == k_dec3_8am);
  CHECK(wall("2026-12-03T08:00:00.750") == k_dec3_8am);  // fractions are dropped
  CHECK_FALSE(parse_timestamp("2026-12-03T08:00:00")->offset);
  CHECK(wall("2026-12-03") == k_dec3_8am - 8 * 3600);  // a date alone is midnight
}

TEST_CASE("parse_timestamp reads every offset form") {
  for (const char* text :
       {"2026-12-03T08:00:00+08:00", "2026-12-03T08:00:00+0800", "2026-12-03T08:00:00+08"}) {
    const std::optional<Timestamp> t = parse_timestamp(text);
    REQUIRE(t);
    CHECK(t->wall == k_dec3_8am);
    CHECK(*t->offset == 8 * 3600);
  }
  CHECK(*parse_timestamp("2026-12-03T08:00:00Z")->offset == 0);
  CHECK(*parse_timestamp("2026-12-03T08:00:00-05:30")->offset == -(5 * 3600 + 30 * 60));
}

TEST_CASE("parse_timestamp refuses what is not a moment") {
  for (const std::string_view text :
       {"", "2026-12", "2026-13-03 08:00:00", "2026-02-30 08:00:00", "2026-12-03 24:00:00",
        "2026-12-03 08:60:00", "yesterday", "2026-12-03 08:00:00 +08:00 extra"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_timestamp(text));
  }
}

TEST_CASE("to_local and format_local_time") {
  const Timestamp utc_midnight = *parse_timestamp("2026-12-03T00:00:00Z");
  CHECK(to_local(utc_midnight, nullptr) == k_dec3_8am - 8 * 3600);
  CHECK(format_local_time(k_dec3_8am) == "2026-12-03T08:00:00");
  // Without an offset the written time is already local.
  CHECK(to_local(*parse_timestamp("2026-12-03 08:00:00"), nullptr) == k_dec3_8am);
}

TEST_CASE("LocalTimeParser gives what parse_timestamp gives, fast path or not") {
  LocalTimeParser parser(nullptr);
  CHECK(*parser.parse("2026-12-03 08:00:00") == k_dec3_8am);
  CHECK(*parser.parse("2026-12-03 09:30:15") == k_dec3_8am + 5415);  // same day: inline path
  CHECK(*parser.parse("2026-12-04T08:00:00") == k_dec3_8am + 86400);
  CHECK_FALSE(parser.parse("2026-12-04 25:00:00"));
  CHECK_FALSE(parser.parse("2026-12-04 08:0x:00"));
  CHECK(*parser.parse("2026-12-04T08:00:00Z") == k_dec3_8am + 86400);
}

TEST_CASE("LocalTimeParser keeps a date per day of the year and is never fooled by it") {
  // Dates that share a slot (the same month and day digits), alternate, bad
  // ones in between, and a cached date with a bad byte in each place of the
  // time: each answer must equal a fresh parser's.
  const char* const texts[] = {
      "2026-12-03T08:00:00", "2026-11-03T08:00:00", "2026-12-03T08:00:01", "2026-12-04 09:30:00",
      "2026-12-03T23:59:59", "2026-13-03T08:00:00", "2026-12-03T24:00:00", "2026-02-30T08:00:00",
      "2026-12-03X08:00:00", "2026-12-13T08:00:00", "2027-12-03T08:00:00", "2026-11-03T08:00:00",
      "2026-12-03T08:00:00+00:00", "0001-01-01T00:00:00", "9999-12-31T23:59:59",
      "2026-12-3aT08:00:00", "2026-12-03T/8:00:00", "2026-12-03T0/:00:00", "2026-12-03T08:/0:00",
      "2026-12-03T08:0/:00", "2026-12-03T08:00:/0", "2026-12-03T08:00:0/", "2026-12-03T3 :00:00",
      "2026-12-03T08:00:0:",
      // each pair just out of range, and bytes with a digit's low nibble
      "2026-12-03T08:60:00", "2026-12-03T08:69:00", "2026-12-03T08:00:60", "2026-12-03T08:00:99",
      "2026-12-03T29:00:00", "2026-12-03T08:0\x3a:00", "2026-12-03T08:00:p0",
      "2026-12-03T08:\2600:00", "2026-12-03T08:00;00", "2026-12-03T0\x18:00:00"};
  sopctl::LocalTimeParser cached(nullptr);
  for (int round = 0; round < 3; ++round) {
    for (const char* t : texts) {
      CAPTURE(t);
      sopctl::LocalTimeParser fresh(nullptr);
      CHECK(cached.parse(t) == fresh.parse(t));
    }
  }
  CHECK(*cached.parse("2026-11-03T08:00:00") - *cached.parse("2026-12-03T08:00:00") == -30 * 86400);
  // Every second of a cached day, read inline.
  const std::int64_t midnight = *cached.parse("2026-12-14T00:00:00");
  bool all = true;
  for (int t = 0; t < 86400; ++t) {
    const std::string text =
        fmt::format("2026-12-14T{:02}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60);
    all = all && cached.parse(text) == midnight + t;
  }
  CHECK(all);
}

}  // namespace SOPCTL_TU_ID
