#include <sopctl/audit/audit.hpp>

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("audit status and --by names round-trip and are stable") {
  CHECK(std::string(audit::status_name(audit::Status::on_time)) == "on_time");
  CHECK(std::string(audit::status_name(audit::Status::late)) == "late");
  CHECK(std::string(audit::status_name(audit::Status::missed)) == "missed");
  CHECK(std::string(audit::status_name(audit::Status::pending)) == "pending");
  for (audit::By b : {audit::By::staff, audit::By::group, audit::By::task, audit::By::day}) {
    const auto back = audit::parse_by(audit::by_name(b));
    REQUIRE(back.has_value());
    CHECK(*back == b);
  }
  CHECK_FALSE(audit::parse_by("Staff").has_value());
  CHECK_FALSE(audit::parse_by("").has_value());
}

TEST_CASE("on-time rate counts only items that were due") {
  audit::Counts c;
  CHECK_FALSE(c.on_time_rate().has_value());
  c.planned = 4;
  c.pending = 4;
  CHECK_FALSE(c.on_time_rate().has_value());  // nothing due yet
  c.pending = 1;
  c.on_time = 2;
  CHECK(*c.on_time_rate() == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("an item starts at its date and time, all-day items at midnight") {
  PlanItem item;
  item.date = Date{1};
  item.time = 8 * 60 + 30;
  CHECK(audit::item_start(item) == 86400 + 8 * 3600 + 30 * 60);
  item.time = -1;
  CHECK(audit::item_start(item) == 86400);
}

}  // namespace SOPCTL_TU_ID
