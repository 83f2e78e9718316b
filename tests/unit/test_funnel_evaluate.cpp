// ClickHouse's windowFunnel modes, on the cases of ClickHouse's own test
// tests/queries/0_stateless/00632_aggregation_window_funnel (.reference at
// commit 0882b32b232a52f2017d512a4d325d5379add594, docs/spec.md §5.8) that
// name events (the cases with range or NULL conditions cannot be written as
// event names). Each CHECK names the reference line's expected level.

#include <sopctl/funnel/funnel.hpp>

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

using Events = std::vector<std::pair<std::int64_t, std::string>>;

std::size_t level(const Events& evs, std::vector<std::string> steps, std::int64_t window,
                  const std::string& modes = "") {
  funnel::Spec spec;
  spec.steps = std::move(steps);
  spec.window = window;
  if (!modes.empty()) {
    std::string error;
    const auto parsed = funnel::parse_mode_list(modes, error);
    REQUIRE_MESSAGE(parsed, error);
    spec.mode = parsed->mode;
    spec.clickhouse = parsed->clickhouse;
  } else {
    spec.mode = funnel::Mode::clickhouse;  // no flag: ClickHouse's default
  }
  return funnel::evaluate_user(evs, spec).level;
}

Events numbered(std::initializer_list<std::pair<std::int64_t, int>> list) {
  Events out;
  for (const auto& [ts, e] : list) {
    out.emplace_back(ts, std::to_string(e));
  }
  return out;
}

std::vector<std::string> names(std::initializer_list<int> list) {
  std::vector<std::string> out;
  for (const int e : list) {
    out.push_back(std::to_string(e));
  }
  return out;
}

// "a", "b", ... at times 1, 2, ...
Events letters(const std::string& s) {
  Events out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    out.emplace_back(static_cast<std::int64_t>(i + 1), std::string(1, s[i]));
  }
  return out;
}

}  // namespace

TEST_CASE("funnel::parse_mode_list") {
  std::string error;
  CHECK(funnel::parse_mode_list("ordered", error)->mode == funnel::Mode::ordered);
  const auto ch = funnel::parse_mode_list("strict_order, allow_reentry", error);
  REQUIRE(ch);
  CHECK(ch->mode == funnel::Mode::clickhouse);
  CHECK(ch->clickhouse.strict_order);
  CHECK(ch->clickhouse.allow_reentry);
  CHECK(funnel::mode_label(*ch) == "strict_order,allow_reentry");
  CHECK_FALSE(funnel::parse_mode_list("allow_reentry", error));
  CHECK(error.find("needs strict_order") != std::string::npos);
  CHECK_FALSE(funnel::parse_mode_list("strict,strict_order", error));
  CHECK(error.find("use it alone") != std::string::npos);
  CHECK_FALSE(funnel::parse_mode_list("strict_ordr", error));
}

TEST_CASE("funnel clickhouse: the default windowFunnel") {
  const Events t = numbered({{0, 1000},
                             {1, 1001},
                             {2, 1002},
                             {3, 1003},
                             {4, 1004},
                             {5, 1005},
                             {6, 1006},
                             {7, 1007},
                             {8, 1008}});
  CHECK(level(t, names({1000}), 10000) == 1);
  CHECK(level(t, names({1000, 1001}), 10000) == 2);
  CHECK(level(t, names({1000, 1001, 1002}), 10000) == 3);
  CHECK(level(t, names({1000, 1001, 1002, 1008}), 10000) == 4);
  CHECK(level(t, names({1000}), 1) == 1);
  CHECK(level(t, names({1003, 1004, 1005, 1006, 1007}), 2) == 3);
  CHECK(level(t, names({1003, 1004, 1005, 1006, 1007}), 3) == 4);
  CHECK(level(t, names({1003, 1004, 1005, 1006, 1007}), 4) == 5);
  const Events t2 = numbered(
      {{1, 1001}, {2, 1002}, {3, 1003}, {4, 1004}, {5, 1005}, {6, 1006}, {7, 1007}, {8, 1008}});
  CHECK(level(t2, names({1003, 1004, 1005, 1006, 1007}), 4) == 5);
  CHECK(level(t2, names({1001, 1008}), 10000) == 2);
  CHECK(level(t2, names({1008, 1001}), 10000) == 1);
  // The same with 1e14-based timestamps (UInt64 in ClickHouse).
  Events big;
  for (const auto& [ts, e] : t2) {
    big.emplace_back(ts + 100000000000000, e);
  }
  CHECK(level(big, names({1003, 1004, 1005, 1006, 1007}), 4) == 5);
  CHECK(level(big, names({1001, 1008}), 10000) == 2);
  CHECK(level(big, names({1008, 1001}), 10000) == 1);
}

TEST_CASE("funnel clickhouse: strict_deduplication") {
  const Events t = numbered({{0, 1000},
                             {10, 1001},
                             {20, 1002},
                             {30, 1003},
                             {40, 1004},
                             {50, 1005},
                             {51, 1005},
                             {60, 1006},
                             {70, 1007},
                             {80, 1008}});
  const auto steps = names({1000, 1001, 1002, 1003, 1004, 1005, 1006});
  CHECK(level(t, steps, 10000, "strict_deduplication") == 6);
  CHECK(level(t, steps, 10000) == 7);
  // ClickHouse issue 27469: a b c b d.
  CHECK(level(letters("abcbd"), {"a", "b", "c", "d"}, 86400, "strict_deduplication") == 3);
}

TEST_CASE("funnel clickhouse: strict_order") {
  const std::vector<std::string> abc = {"a", "b", "c"};
  // Users 1..6 of funnel_test_strict_order.
  const std::vector<Events> users = {letters("abc"),      letters("adbc"),    letters("aabbcc"),
                                     letters("aaaabbcc"), letters("aabbdcc"), letters("ccbbaa")};
  const std::vector<std::size_t> plain = {3, 3, 3, 3, 3, 1};
  const std::vector<std::size_t> strict_order = {3, 1, 3, 3, 2, 1};
  const std::vector<std::size_t> dedup_order = {3, 1, 2, 2, 2, 1};
  for (std::size_t u = 0; u < users.size(); ++u) {
    CAPTURE(u + 1);
    CHECK(level(users[u], abc, 86400) == plain[u]);
    CHECK(level(users[u], abc, 86400, "strict_order") == strict_order[u]);
    CHECK(level(users[u], abc, 86400, "strict_deduplication,strict_order") == dedup_order[u]);
  }
  CHECK(level(letters("acb"), abc, 10, "strict_order") == 1);  // user 7
}

TEST_CASE("funnel clickhouse: strict_increase and strict_once") {
  const Events t = numbered({{0, 1000}, {1, 1001}, {1, 1002}, {1, 1003}, {2, 1004}});
  CHECK(level(t, names({1000, 1001, 1002, 1003, 1004}), 10000) == 5);
  CHECK(level(t, names({1000, 1001, 1002, 1003, 1004}), 10000, "strict_increase") == 2);
  // ClickHouse counts one 1004 event three times by default (3); here one
  // event fills at most one step, as with its strict_once (1).
  CHECK(level(t, names({1004, 1004, 1004}), 10000) == 1);
  CHECK(level(t, names({1004, 1004, 1004}), 10000, "strict_once") == 1);
  CHECK(level(t, names({1004, 1004, 1004}), 10000, "strict_increase") == 1);
  // failure, failure, success within 200 (funnel_test2): users 123, 234, 345.
  const Events u123 = {{180, "failure"}, {220, "failure"}, {250, "success"}};
  const Events u234 = {{100, "failure"}, {250, "failure"}};
  const Events u345 = {{200, "success"}, {210, "failure"}, {230, "success"}};
  const std::vector<std::string> ffs = {"failure", "failure", "success"};
  for (const char* modes :
       {"strict_once,strict_increase", "strict_once", "strict_once,strict_deduplication"}) {
    CAPTURE(modes);
    CHECK(level(u123, ffs, 200, modes) == 3);
    CHECK(level(u234, ffs, 200, modes) == 2);
    CHECK(level(u345, ffs, 200, modes) == 1);
  }
}

TEST_CASE("funnel clickhouse: allow_reentry") {
  const std::vector<Events> users = {letters("abac"), letters("ababc"), letters("abcbd"),
                                     letters("acb"), letters("abcabcd")};
  const std::vector<std::string> abc = {"a", "b", "c"};
  const std::vector<std::string> abcd = {"a", "b", "c", "d"};
  const std::vector<std::size_t> order3 = {2, 2, 3, 1, 3};
  const std::vector<std::size_t> reentry3 = {3, 3, 3, 1, 3};
  const std::vector<std::size_t> order4 = {2, 2, 4, 1, 3};
  const std::vector<std::size_t> reentry4 = {3, 3, 4, 1, 4};
  const std::vector<std::size_t> combined = {3, 1, 3, 1, 3};
  for (std::size_t u = 0; u < users.size(); ++u) {
    CAPTURE(u + 1);
    CHECK(level(users[u], abc, 86400, "strict_order") == order3[u]);
    CHECK(level(users[u], abc, 86400, "strict_order,allow_reentry") == reentry3[u]);
    CHECK(level(users[u], abcd, 86400, "strict_order") == order4[u]);
    CHECK(level(users[u], abcd, 86400, "strict_order,allow_reentry") == reentry4[u]);
    CHECK(level(users[u], abc, 86400, "strict_order,allow_reentry,strict_deduplication") ==
          combined[u]);
  }
  // funnel_test_ecommerce (3 steps).
  const std::vector<std::string> shop = {"begin_checkout", "view_product_detail",
                                         "complete_payment"};
  const Events e1 = {{100, "begin_checkout"},
                     {200, "view_product_detail"},
                     {300, "begin_checkout"},
                     {400, "complete_payment"}};
  const Events e2 = {{100, "begin_checkout"},
                     {200, "view_product_detail"},
                     {250, "view_product_detail"},
                     {300, "begin_checkout"},
                     {400, "complete_payment"}};
  const Events e3 = {
      {100, "begin_checkout"}, {200, "view_product_detail"}, {300, "complete_payment"}};
  CHECK(level(e1, shop, 600, "strict_order") == 2);
  CHECK(level(e2, shop, 600, "strict_order") == 2);
  CHECK(level(e3, shop, 600, "strict_order") == 3);
  CHECK(level(e1, shop, 600, "strict_order,allow_reentry") == 3);
  CHECK(level(e2, shop, 600, "strict_order,allow_reentry") == 3);
  CHECK(level(e3, shop, 600, "strict_order,allow_reentry") == 3);
}

}  // namespace SOPCTL_TU_ID
