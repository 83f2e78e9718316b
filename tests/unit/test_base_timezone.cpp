#include <sopctl/base/date.hpp>
#include <sopctl/base/timezone.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Date;
using sopctl::TimeZone;

namespace {

// Seconds since the epoch of a wall time, as if it were UTC.
std::int64_t at(int y, int m, int d, int hour = 0, int minute = 0) {
  return std::int64_t{Date::from_ymd(y, m, d).days} * 86400 + hour * 3600 + minute * 60;
}

bool have_tzdata(const std::string& name) {
  const char* dir = std::getenv("TZDIR");
  return std::filesystem::exists(
      std::string(dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo") + "/" + name);
}

// Points $TZDIR elsewhere for one scope, as on a machine without tzdata.
class ScopedTzdir {
public:
  explicit ScopedTzdir(const char* dir) {
    if (const char* old = std::getenv("TZDIR")) {
      m_old = old;
    }
    setenv("TZDIR", dir, 1);
  }
  ~ScopedTzdir() {
    if (m_old) {
      setenv("TZDIR", m_old->c_str(), 1);
    } else {
      unsetenv("TZDIR");
    }
  }

private:
  std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("timezone::load") {
  SUBCASE("Asia/Shanghai is UTC+8") {
    const auto tz = TimeZone::load("Asia/Shanghai");
    REQUIRE(tz);
    CHECK(tz->name() == "Asia/Shanghai");
    CHECK(tz->offset_at_utc(at(2026, 12, 3)) == 28800);
    CHECK(tz->offset_at_utc(at(2026, 7, 1)) == 28800);
    CHECK(tz->to_utc(at(2026, 12, 3, 8, 0)) == at(2026, 12, 3, 0, 0));
    CHECK(tz->fixed_between(at(2025, 1, 1), at(2027, 1, 1)));
  }
  SUBCASE("UTC and Etc/UTC have offset 0") {
    for (const char* name : {"UTC", "Etc/UTC"}) {
      const auto tz = TimeZone::load(name);
      REQUIRE(tz);
      CHECK(tz->offset_at_utc(at(2026, 6, 1)) == 0);
      CHECK(tz->to_utc(at(2026, 6, 1, 12)) == at(2026, 6, 1, 12));
    }
  }
  SUBCASE("Asia/Tokyo and Etc/GMT-9 are UTC+9") {
    for (const char* name : {"Asia/Tokyo", "Etc/GMT-9"}) {
      if (!have_tzdata(name)) {
        continue;
      }
      const auto tz = TimeZone::load(name);
      REQUIRE(tz);
      CHECK(tz->offset_at_utc(at(2026, 1, 15)) == 32400);
      CHECK(tz->offset_at_utc(at(2026, 7, 15)) == 32400);
    }
  }
  SUBCASE("an unknown or unsafe name is nullopt") {
    CHECK_FALSE(TimeZone::load("Mars/Olympus_Mons"));
    CHECK_FALSE(TimeZone::load(""));
    CHECK_FALSE(TimeZone::load("/etc/passwd"));
    CHECK_FALSE(TimeZone::load("../../../etc/passwd"));
    CHECK_FALSE(TimeZone::load("Asia"));      // a directory
    CHECK_FALSE(TimeZone::load("zone.tab"));  // a file, but not TZif
  }
  SUBCASE("without tzdata, Shanghai and UTC are built in and exact") {
    const auto from_file = TimeZone::load("Asia/Shanghai");
    const ScopedTzdir no_tzdata("/nonexistent-tzdir");
    const auto built_in = TimeZone::load("Asia/Shanghai");
    REQUIRE(built_in);
    CHECK(built_in->offset_at_utc(at(2026, 12, 3)) == 28800);
    CHECK(built_in->offset_at_utc(at(1988, 7, 1)) == 32400);  // the DST of 1986-1991
    CHECK(built_in->offset_at_utc(at(1900, 1, 1)) == 29143);  // local mean time
    if (from_file && have_tzdata("Asia/Shanghai")) {
      for (std::int64_t t = at(1890, 1, 1); t < at(2040, 1, 1); t += 86400 * 7) {
        CHECK(built_in->offset_at_utc(t) == from_file->offset_at_utc(t));
      }
    }
    REQUIRE(TimeZone::load("UTC"));
    CHECK_FALSE(TimeZone::load("Asia/Tokyo"));
  }
}

TEST_CASE("timezone::dst") {
  if (!have_tzdata("Europe/Berlin")) {
    MESSAGE("Europe/Berlin not installed; DST checks skipped");
    return;
  }
  const auto tz = TimeZone::load("Europe/Berlin");
  REQUIRE(tz);
  SUBCASE("winter and summer offsets differ") {
    CHECK(tz->offset_at_utc(at(2026, 1, 15)) == 3600);
    CHECK(tz->offset_at_utc(at(2026, 7, 15)) == 7200);
    CHECK_FALSE(tz->fixed_between(at(2026, 1, 15), at(2026, 7, 15)));
    CHECK(tz->fixed_between(at(2026, 4, 1), at(2026, 10, 1)));
  }
  SUBCASE("transitions fall on the last Sundays of March and October at 01:00 UTC") {
    CHECK(tz->offset_at_utc(at(2026, 3, 29, 0, 59) + 59) == 3600);
    CHECK(tz->offset_at_utc(at(2026, 3, 29, 1, 0)) == 7200);
    CHECK(tz->offset_at_utc(at(2026, 10, 25, 0, 59) + 59) == 7200);
    CHECK(tz->offset_at_utc(at(2026, 10, 25, 1, 0)) == 3600);
  }
  SUBCASE("to_utc in summer and winter") {
    CHECK(tz->to_utc(at(2026, 7, 15, 9)) == at(2026, 7, 15, 7));
    CHECK(tz->to_utc(at(2026, 1, 15, 9)) == at(2026, 1, 15, 8));
  }
  SUBCASE("a time in the spring gap uses the earlier offset") {
    // 02:30 does not exist on 2026-03-29; read with +01:00 it is 03:30 CEST.
    CHECK(tz->to_utc(at(2026, 3, 29, 2, 30)) == at(2026, 3, 29, 1, 30));
  }
  SUBCASE("an ambiguous autumn time takes its first occurrence") {
    CHECK(tz->to_utc(at(2026, 10, 25, 2, 30)) == at(2026, 10, 25, 0, 30));
    CHECK(tz->to_utc(at(2026, 10, 25, 3, 0)) == at(2026, 10, 25, 2, 0));
  }
  SUBCASE("rules from the footer continue after the table ends") {
    CHECK(tz->offset_at_utc(at(2050, 1, 15)) == 3600);
    CHECK(tz->offset_at_utc(at(2050, 7, 15)) == 7200);
    CHECK(tz->offset_at_utc(at(2050, 3, 27, 1)) == 7200);  // last Sunday of March 2050
    CHECK(tz->offset_at_utc(at(2050, 3, 27, 0, 59)) == 3600);
  }
}

TEST_CASE("timezone::southern_hemisphere") {
  if (!have_tzdata("Australia/Sydney")) {
    return;
  }
  const auto tz = TimeZone::load("Australia/Sydney");
  REQUIRE(tz);
  SUBCASE("summer is in January, also after the table ends") {
    CHECK(tz->offset_at_utc(at(2026, 1, 15)) == 39600);
    CHECK(tz->offset_at_utc(at(2026, 7, 15)) == 36000);
    CHECK(tz->offset_at_utc(at(2060, 1, 15)) == 39600);
    CHECK(tz->offset_at_utc(at(2060, 7, 15)) == 36000);
  }
}

TEST_CASE("timezone::why_not names the reason") {
  CHECK(TimeZone::why_not("Asia/Shanghai").empty());
  for (const char* bad : {"", "Asia//Shanghai", "./Asia/Shanghai", "/etc/passwd", "Asia/../etc",
                          "Asia/Shanghai/", "-x"}) {
    CAPTURE(bad);
    CHECK_FALSE(TimeZone::load(bad).has_value());
    CHECK(TimeZone::why_not(bad).starts_with("is not an IANA zone name"));
  }
  CHECK_FALSE(TimeZone::load(std::string("Asia/Shanghai\0", 14)).has_value());
  CHECK(TimeZone::printable(std::string("Asia/Shanghai\0", 14)) == "Asia/Shanghai\\x00");
  CHECK(TimeZone::why_not("Mars/Olympus").starts_with("is not a zone of "));
  CHECK(TimeZone::load("America/Argentina/Buenos_Aires").has_value());
  CHECK(TimeZone::load("Etc/GMT+8").has_value());
}

}  // namespace SOPCTL_TU_ID
