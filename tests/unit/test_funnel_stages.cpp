// funnel/stages.cpp: mode names, the ClickHouse mode list, a funnel from
// counts, and the SOP's goal against it.

#include <sopctl/funnel/funnel.hpp>

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("parse_mode_list: sopctl's modes alone, ClickHouse's combined") {
  std::string error;
  CHECK(funnel::parse_mode_list("strict", error)->mode == funnel::Mode::strict);
  CHECK(funnel::parse_mode_list("any", error)->mode == funnel::Mode::any);

  const auto ch = funnel::parse_mode_list("strict_order, strict_once", error);
  REQUIRE(ch);
  CHECK(ch->mode == funnel::Mode::clickhouse);
  CHECK(ch->clickhouse.strict_order);
  CHECK(ch->clickhouse.strict_once);
  CHECK_FALSE(ch->clickhouse.strict_increase);
  CHECK(funnel::mode_label(*ch) == "strict_order,strict_once");
  CHECK(funnel::mode_label(*funnel::parse_mode_list("ordered", error)) == "ordered");

  CHECK_FALSE(funnel::parse_mode_list("strict_order,strict", error));
  CHECK(error == "'strict' is not combined with ClickHouse's modes: use it alone");
  CHECK_FALSE(funnel::parse_mode_list("strict_ordr", error));
  CHECK(error.find("unknown funnel mode 'strict_ordr'") == 0);
  CHECK_FALSE(funnel::parse_mode_list("allow_reentry", error));
  CHECK(error.find("allow_reentry needs strict_order") == 0);
  CHECK_FALSE(funnel::parse_mode_list("", error));
}

TEST_CASE("make_funnel: rates, losses and the largest drop") {
  const funnel::Funnel f =
      funnel::make_funnel({"join_group", "read", "order"}, {200, 150, 30}, {std::nullopt, 60.0});
  REQUIRE(f.steps.size() == 3);
  CHECK(*f.steps[0].from_previous == 1.0);
  CHECK(*f.steps[1].from_previous == doctest::Approx(0.75));
  CHECK(f.steps[1].lost == 50);
  CHECK(*f.steps[2].drop_off == doctest::Approx(0.8));
  CHECK(*f.steps[2].from_first == doctest::Approx(0.15));
  CHECK(*f.conversion == doctest::Approx(0.15));
  CHECK(*f.largest_drop == 2);
  CHECK(*f.steps[1].median_seconds == 60.0);
  CHECK_FALSE(f.steps[2].median_seconds);

  // Nobody at the first step: no rates, no largest drop.
  const funnel::Funnel empty = funnel::make_funnel({"a", "b"}, {0, 0}, {});
  CHECK_FALSE(empty.steps[1].from_previous);
  CHECK_FALSE(empty.conversion);
  CHECK_FALSE(empty.largest_drop);
  // Counts that grow (stage counts from another tool) lose a negative number.
  CHECK(funnel::make_funnel({"a", "b"}, {10, 12}, {}).steps[1].lost == -2);
}

TEST_CASE("check_goal against a step's conversion from the first") {
  const funnel::Funnel f = funnel::make_funnel({"join_group", "order"}, {200, 30}, {});
  const funnel::GoalCheck met = funnel::check_goal(f, "welcome", "order", 0.1);
  CHECK(met.met);
  CHECK(*met.actual == doctest::Approx(0.15));
  CHECK_FALSE(funnel::check_goal(f, "welcome", "order", 0.2).met);
  const funnel::GoalCheck missing = funnel::check_goal(f, "welcome", "signup", 0.1);
  CHECK_FALSE(missing.actual);
  CHECK_FALSE(missing.met);
}

}  // namespace SOPCTL_TU_ID
