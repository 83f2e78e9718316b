// Exclusion steps (--exclude EVENT[:I-J], docs/spec.md §5.5): parsing, and
// the attempt cut at the first excluded event within its range, in each mode.

#include <sopctl/funnel/funnel.hpp>

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

using Events = std::vector<std::pair<std::int64_t, std::string>>;
const std::vector<std::string> k_steps = {"view", "join", "signup", "order"};

funnel::Spec spec_with(const std::vector<std::string>& exclusions, const std::string& mode = "") {
  funnel::Spec spec;
  spec.steps = k_steps;
  if (!mode.empty()) {
    std::string error;
    const auto parsed = funnel::parse_mode_list(mode, error);
    REQUIRE_MESSAGE(parsed, error);
    spec.mode = parsed->mode;
    spec.clickhouse = parsed->clickhouse;
  }
  for (const std::string& text : exclusions) {
    std::string error;
    const auto x = funnel::parse_exclusion(text, spec.steps, error);
    REQUIRE_MESSAGE(x, error);
    spec.exclusions.push_back(*x);
  }
  return spec;
}

std::size_t level(const Events& evs, const std::vector<std::string>& exclusions,
                  const std::string& mode = "") {
  return funnel::evaluate_user(evs, spec_with(exclusions, mode)).level;
}

const Events k_user = {{0, "view"}, {10, "join"}, {20, "quit"}, {30, "signup"}, {40, "order"}};

}  // namespace

TEST_CASE("parse_exclusion") {
  std::string error;
  const auto whole = funnel::parse_exclusion("quit", k_steps, error);
  REQUIRE(whole);
  CHECK(whole->event == "quit");
  CHECK(whole->from == 1);
  CHECK(whole->to == 4);
  const auto range = funnel::parse_exclusion("quit:2-3", k_steps, error);
  REQUIRE(range);
  CHECK(range->from == 2);
  CHECK(range->to == 3);

  CHECK_FALSE(funnel::parse_exclusion("join", k_steps, error));
  CHECK(error.find("is a step of the funnel") != std::string::npos);
  CHECK_FALSE(funnel::parse_exclusion("quit:3-2", k_steps, error));
  CHECK(error.find("within 1-4") != std::string::npos);
  CHECK_FALSE(funnel::parse_exclusion("quit:0-2", k_steps, error));
  CHECK_FALSE(funnel::parse_exclusion("quit:1-5", k_steps, error));
  CHECK_FALSE(funnel::parse_exclusion("quit:2", k_steps, error));
  CHECK(error.find("not a step range") != std::string::npos);
  CHECK_FALSE(funnel::parse_exclusion("quit:a-b", k_steps, error));
  CHECK_FALSE(funnel::parse_exclusion(":1-2", k_steps, error));
  CHECK_FALSE(funnel::parse_exclusion("quit", {"view"}, error));
}

TEST_CASE("events_read: steps then exclusions; none for strict_order") {
  funnel::Spec spec = spec_with({"quit", "quit:2-3", "mute"});
  CHECK(spec.events_read() ==
        std::vector<std::string>{"view", "join", "signup", "order", "quit", "mute"});
  spec = spec_with({"quit"}, "strict_order");
  CHECK(spec.events_read().empty());
}

TEST_CASE("an excluded event cuts the attempt after the steps before it") {
  CHECK(level(k_user, {}) == 4);
  CHECK(level(k_user, {"quit"}) == 2);      // between join (10) and signup (30)
  CHECK(level(k_user, {"quit:1-2"}) == 4);  // after step 2: outside 1-2
  CHECK(level(k_user, {"quit:2-3"}) == 2);
  CHECK(level(k_user, {"quit:3-4"}) == 4);  // before step 3: outside 3-4
  CHECK(level(k_user, {"other"}) == 4);     // no such event
}

TEST_CASE("ties: an excluded event in the same second as a step comes after it") {
  const Events same_as_join = {{0, "view"}, {10, "join"}, {10, "quit"}, {30, "signup"}};
  CHECK(level(same_as_join, {"quit"}) == 2);
  const Events same_as_signup = {{0, "view"}, {10, "join"}, {30, "quit"}, {30, "signup"}};
  CHECK(level(same_as_signup, {"quit"}) == 3);
  const Events same_as_view = {{0, "quit"}, {0, "view"}, {10, "join"}};
  CHECK(level(same_as_view, {"quit"}) == 1);
}

TEST_CASE("an exclusion before step 1 or after the last step reached changes nothing") {
  const Events before = {{-5, "quit"}, {0, "view"}, {10, "join"}};
  CHECK(level(before, {"quit"}) == 2);
  const Events after = {{0, "view"}, {10, "join"}, {50, "quit"}};
  CHECK(level(after, {"quit"}) == 2);
}

TEST_CASE("a later clean attempt counts in full") {
  const Events evs = {{0, "view"},   {10, "quit"},    {20, "join"},   {100, "view"},
                      {110, "join"}, {120, "signup"}, {130, "order"}, {140, "quit"}};
  CHECK(level(evs, {"quit"}) == 4);
  const auto r = funnel::evaluate_user(evs, spec_with({"quit"}));
  CHECK(r.reached.front() == 100);
  CHECK(r.best_start == 3);
}

TEST_CASE("the cut holds in every mode") {
  CHECK(level(k_user, {"quit"}, "strict") == 2);
  CHECK(level(k_user, {"quit"}, "any") == 2);
  CHECK(level(k_user, {"quit"}, "strict_increase") == 2);
  // strict_order already stops at the other event; the exclusion agrees.
  CHECK(level(k_user, {}, "strict_order") == 2);
  CHECK(level(k_user, {"quit"}, "strict_order") == 2);
  // any order: signup before join, the quit after both.
  const Events any = {{0, "view"}, {5, "signup"}, {10, "join"}, {15, "quit"}, {20, "order"}};
  CHECK(level(any, {}, "any") == 4);
  CHECK(level(any, {"quit"}, "any") == 3);
}

TEST_CASE("several exclusions: the earliest cut wins") {
  const Events evs = {{0, "view"},  {10, "join"},   {15, "mute"},
                      {20, "quit"}, {30, "signup"}, {40, "order"}};
  CHECK(level(evs, {"quit:3-4", "mute"}) == 2);
  CHECK(level(evs, {"quit:3-4"}) == 4);
}

}  // namespace SOPCTL_TU_ID
