#include <sopctl/base/error.hpp>
#include <sopctl/funnel/funnel.hpp>
#include <sopctl/text/utf8.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Error;
namespace csv = sopctl::csv;
namespace events = sopctl::events;
namespace funnel = sopctl::funnel;

namespace {

constexpr std::int64_t k_day = 86400;

funnel::Spec spec(std::vector<std::string> steps, funnel::Mode mode = funnel::Mode::ordered,
                  std::int64_t window = 7 * k_day) {
  funnel::Spec s;
  s.steps = std::move(steps);
  s.mode = mode;
  s.window = window;
  return s;
}

std::size_t level(const std::vector<std::pair<std::int64_t, std::string>>& evs,
                  const funnel::Spec& s) {
  return funnel::evaluate_user(evs, s).level;
}

events::EventLog load(const std::string& text, std::vector<std::string> extra = {}) {
  const csv::Header header = csv::read_header(text, "ev.csv");
  events::LoadOptions opts;
  opts.extra_columns = std::move(extra);
  return events::load(text, "ev.csv", header, opts);
}

std::vector<std::uint64_t> users(const funnel::Funnel& f) {
  std::vector<std::uint64_t> out;
  for (const auto& s : f.steps) {
    out.push_back(s.users);
  }
  return out;
}

}  // namespace

TEST_CASE("funnel::evaluate_user") {
  const auto vjso = spec({"view", "join_group", "signup", "order"});

  SUBCASE("steps in order within the window") {
    CHECK(level({{0, "view"}, {10, "join_group"}, {20, "signup"}, {30, "order"}}, vjso) == 4);
    CHECK(level({{0, "join_group"}, {10, "signup"}}, vjso) == 0);  // no step 1: level 0
  }
  SUBCASE("ties at the same second count as progress") {
    CHECK(level({{5, "join_group"}, {5, "view"}, {5, "signup"}}, vjso) == 3);
  }
  SUBCASE("the window end is inclusive") {
    CHECK(level({{0, "view"}, {7 * k_day, "join_group"}}, vjso) == 2);
    CHECK(level({{0, "view"}, {7 * k_day + 1, "join_group"}}, vjso) == 1);
    CHECK(level({{0, "view"}, {1, "join_group"}, {7 * k_day + 1, "signup"}}, vjso) == 2);
  }
  SUBCASE("every step-1 event starts an attempt") {
    // The first view is too early for the order, the last has no join after it.
    const std::vector<std::pair<std::int64_t, std::string>> evs = {{0, "view"},
                                                                   {10 * k_day, "view"},
                                                                   {10 * k_day + 5, "join_group"},
                                                                   {12 * k_day, "signup"},
                                                                   {13 * k_day, "view"}};
    const auto r = funnel::evaluate_user(evs, vjso);
    CHECK(r.level == 3);
    CHECK(r.best_start == 1);
    CHECK(r.reached == std::vector<std::int64_t>{10 * k_day, 10 * k_day + 5, 12 * k_day});
  }
  SUBCASE("rows out of order are sorted by time") {
    CHECK(level({{30, "order"}, {20, "signup"}, {0, "view"}, {10, "join_group"}}, vjso) == 4);
    CHECK(level({{30, "view"}, {20, "join_group"}}, vjso) == 1);  // join before view
  }
  SUBCASE("a repeated step needs two events: one event fills one step") {
    const auto vvo = spec({"view", "view", "order"});
    CHECK(level({{0, "view"}, {10, "order"}}, vvo) == 1);
    CHECK(level({{0, "view"}, {5, "view"}, {10, "order"}}, vvo) == 3);
    CHECK(level({{0, "view"}, {0, "view"}, {0, "order"}}, vvo) == 3);
    CHECK(level({{0, "view"}, {8 * k_day, "view"}, {8 * k_day, "order"}}, vvo) == 1);
    CHECK(level({{0, "view"}, {8 * k_day, "view"}, {8 * k_day, "view"}, {8 * k_day, "order"}},
                vvo) == 3);
  }
  SUBCASE("strict: no other funnel step in between") {
    const auto strict = spec({"view", "join_group", "signup"}, funnel::Mode::strict);
    CHECK(level({{0, "view"}, {1, "join_group"}, {2, "signup"}}, strict) == 3);
    CHECK(level({{0, "view"}, {1, "signup"}, {2, "join_group"}, {3, "signup"}}, strict) == 1);
    CHECK(level({{0, "view"}, {1, "join_group"}, {2, "view"}, {3, "signup"}}, strict) == 2);
    // Repeats of the step just reached do not break the chain; events of
    // other names (not steps) are not seen at all.
    CHECK(level({{0, "view"},
                 {1, "view"},
                 {2, "join_group"},
                 {3, "join_group"},
                 {4, "read"},
                 {5, "signup"}},
                strict) == 3);
    // The ordered mode takes the chain that strict refuses.
    CHECK(level({{0, "view"}, {1, "signup"}, {2, "join_group"}, {3, "signup"}},
                spec({"view", "join_group", "signup"})) == 3);
  }
  SUBCASE("any: order ignored, within the window after step 1") {
    const auto any = spec({"view", "join_group", "signup"}, funnel::Mode::any);
    CHECK(level({{0, "view"}, {1, "signup"}, {2, "join_group"}}, any) == 3);
    CHECK(level({{0, "view"}, {1, "signup"}}, any) == 1);
    CHECK(level({{0, "signup"}, {1, "join_group"}, {2, "view"}}, any) == 1);  // before step 1
    CHECK(level({{0, "view"}, {7 * k_day, "join_group"}, {7 * k_day + 1, "signup"}}, any) == 2);
    // Reached step 3 when both had happened: at 50.
    const auto r = funnel::evaluate_user({{0, "view"}, {50, "signup"}, {20, "join_group"}}, any);
    CHECK(r.reached == std::vector<std::int64_t>{0, 20, 50});
    const auto r2 = funnel::evaluate_user({{0, "view"}, {20, "signup"}, {50, "join_group"}}, any);
    CHECK(r2.reached == std::vector<std::int64_t>{0, 50, 50});
  }
  SUBCASE("no window") {
    const auto none = spec({"view", "order"}, funnel::Mode::ordered, funnel::k_no_window);
    CHECK(level({{0, "view"}, {400 * k_day, "order"}}, none) == 2);
  }
  SUBCASE("the best attempt is the earliest that got furthest") {
    const auto r = funnel::evaluate_user(
        {{0, "view"}, {100, "join_group"}, {1000, "view"}, {1010, "join_group"}, {2000, "signup"}},
        vjso);
    CHECK(r.level == 3);
    CHECK(r.best_start == 0);
    CHECK(r.reached == std::vector<std::int64_t>{0, 100, 2000});
  }
}

TEST_CASE("funnel::compute") {
  const std::string log_text =
      "user_id,event,ts,channel\n"
      // a: full funnel from wechat; 1 h to join, 2 h to signup, 3 h to order
      "a,view,2026-12-01 00:00:00,wechat\n"
      "a,join_group,2026-12-01 01:00:00,wechat\n"
      "a,signup,2026-12-01 03:00:00,douyin\n"
      "a,order,2026-12-01 06:00:00,wechat\n"
      // b: views from douyin and later from wechat; joins 7 days after the first
      // view plus 10 minutes: the second attempt (wechat) is its best
      "b,view,2026-12-01 00:00:00,douyin\n"
      "b,view,2026-12-02 00:00:00,wechat\n"
      "b,join_group,2026-12-08 00:10:00,sms\n"
      // c: only a view; d: no view at all
      "c,view,2026-12-05 00:00:00,douyin\n"
      "d,join_group,2026-12-05 00:00:00,wechat\n";
  const auto log = load(log_text, {"channel"});
  const auto vjso = spec({"view", "join_group", "signup", "order"});

  SUBCASE("users per step, rates and medians") {
    const auto r = funnel::compute(log, vjso);
    CHECK(r.from_events);
    CHECK(r.users == 4);
    CHECK(r.rows == 9);
    CHECK(users(r.total) == std::vector<std::uint64_t>{3, 2, 1, 1});
    const auto& s = r.total.steps;
    CHECK(s[0].from_previous == 1.0);
    CHECK_FALSE(s[0].median_seconds);
    CHECK(s[1].from_previous == doctest::Approx(2.0 / 3));
    CHECK(s[1].lost == 1);
    // a: 3600 s, b: 6 days 10 min from its second view: median of two.
    CHECK(s[1].median_seconds == (3600.0 + 6 * 86400 + 600) / 2);
    CHECK(s[2].median_seconds == 7200.0);
    CHECK(s[3].median_seconds == 10800.0);
    CHECK(r.total.conversion == doctest::Approx(1.0 / 3));
    REQUIRE(r.total.largest_drop);
    CHECK(*r.total.largest_drop == 2);  // join_group -> signup loses half
  }
  SUBCASE("--by splits on the best attempt's step-1 event") {
    const auto r = funnel::compute(log, vjso, 0);
    CHECK(r.by_column == "channel");
    REQUIRE(r.segments.size() == 2);
    CHECK(r.segments[0].value == "wechat");
    CHECK(users(r.segments[0].funnel) == std::vector<std::uint64_t>{2, 2, 1, 1});
    CHECK(r.segments[1].value == "douyin");
    CHECK(users(r.segments[1].funnel) == std::vector<std::uint64_t>{1, 0, 0, 0});
    CHECK(users(r.total) == std::vector<std::uint64_t>{3, 2, 1, 1});
  }
  SUBCASE("a step that never occurs is noted") {
    const auto r = funnel::compute(log, spec({"view", "pay"}));
    CHECK(users(r.total) == std::vector<std::uint64_t>{3, 0});
    CHECK(r.notes == std::vector<std::string>{"no 'pay' event in the log"});
  }
}

TEST_CASE("funnel::make_funnel") {
  const auto f = funnel::make_funnel({"a", "b", "c"}, {0, 0, 0});
  CHECK_FALSE(f.steps[0].from_first);
  CHECK_FALSE(f.steps[1].from_previous);
  CHECK_FALSE(f.conversion);
  CHECK_FALSE(f.largest_drop);
  const auto g = funnel::make_funnel({"a", "b", "c"}, {100, 50, 60});
  CHECK(g.steps[2].from_previous == 1.2);
  CHECK(g.steps[2].lost == -10);
  CHECK(*g.largest_drop == 1);
}

TEST_CASE("funnel stage counts") {
  const std::string text =
      "\xEF\xBB\xBFStage,Count\r\n进群,\"1,200\"\r\n报名,300\r\n\r\n下单,90.0\r\n";
  const std::string_view body = sopctl::text::strip_bom(text);
  const csv::Header h = csv::read_header(body, "s.csv");
  REQUIRE(funnel::is_stage_counts(h));
  const auto rows = funnel::read_stage_counts(body, "s.csv", h);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].step == "进群");
  CHECK(rows[0].users == 1200);
  CHECK(rows[2].users == 90);
  CHECK(rows[2].line == 5);
  const auto all = funnel::from_stage_counts(rows, {}, "s.csv");
  CHECK_FALSE(all.from_events);
  CHECK(users(all.total) == std::vector<std::uint64_t>{1200, 300, 90});
  CHECK(all.notes.empty());
  // Counts that grow from one step to the next are warned about.
  const auto grown = funnel::from_stage_counts(rows, {"下单", "进群"}, "s.csv");
  REQUIRE(grown.notes.size() == 1);
  CHECK(grown.notes[0].starts_with("warning: step '进群' has more users (1200) than '下单'"));
  const auto some = funnel::from_stage_counts(rows, {"进群", "下单"}, "s.csv");
  CHECK(users(some.total) == std::vector<std::uint64_t>{1200, 90});
  CHECK_THROWS_WITH_AS(funnel::from_stage_counts(rows, {"付款"}, "s.csv"),
                       "no row for step '付款' (the file has: 进群, 报名, 下单)", Error);
  const std::string bad = "step,users\na,12\nb,1.5\n";
  try {
    funnel::read_stage_counts(bad, "s.csv", csv::read_header(bad, "s.csv"));
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.format() ==
          "s.csv:3: error: bad user count '1.5' for step 'b' (expected a whole number)");
  }
}

TEST_CASE("funnel::check_goal") {
  const auto f = funnel::make_funnel({"view", "order"}, {200, 50});
  const auto met = funnel::check_goal(f, "camp", "order", 0.2);
  CHECK(met.actual == 0.25);
  CHECK(met.met);
  const auto missed = funnel::check_goal(f, "camp", "order", 0.3);
  CHECK_FALSE(missed.met);
  const auto unknown = funnel::check_goal(f, "camp", "repurchase", 0.3);
  CHECK_FALSE(unknown.actual);
  CHECK_FALSE(unknown.met);
}

TEST_CASE("funnel::compute time to convert") {
  // Five users convert view -> pay after 30s, 10m, 2h, 2h and 3d; one stops at view.
  const std::string log_text =
      "user_id,event,ts\n"
      "a,view,2026-12-01 10:00:00\na,pay,2026-12-01 10:00:30\n"
      "b,view,2026-12-01 10:00:00\nb,pay,2026-12-01 10:10:00\n"
      "c,view,2026-12-01 10:00:00\nc,pay,2026-12-01 12:00:00\n"
      "d,view,2026-12-01 10:00:00\nd,pay,2026-12-01 12:00:00\n"
      "e,view,2026-12-01 10:00:00\ne,pay,2026-12-04 10:00:00\n"
      "f,view,2026-12-01 10:00:00\n";
  funnel::Spec s = spec({"view", "pay"});
  s.window = funnel::k_no_window;
  const auto r = funnel::compute(load(log_text), s);
  REQUIRE(r.total.time_to_convert);
  const funnel::TimeToConvert& c = *r.total.time_to_convert;
  CHECK(c.users == 5);
  // numpy.percentile([30, 600, 7200, 7200, 259200], [50, 90]) = 7200, 158400
  CHECK(*c.p50_seconds == doctest::Approx(7200));
  CHECK(*c.p90_seconds == doctest::Approx(158400));
  CHECK(*c.mean_seconds == doctest::Approx((30 + 600 + 7200 + 7200 + 259200) / 5.0));
  CHECK(c.histogram == std::vector<std::uint64_t>{1, 0, 1, 0, 2, 0, 0, 1, 0});
  CHECK(*r.total.steps[1].p90_seconds == doctest::Approx(158400));
  CHECK(*r.total.steps[1].mean_seconds == doctest::Approx(54846));
}

TEST_CASE("funnel::compute --by-step") {
  // a joins from a poster and orders from a coupon; b only joins.
  const std::string log_text =
      "user_id,event,ts,channel\n"
      "a,join,2026-12-01 10:00:00,poster\na,order,2026-12-02 10:00:00,coupon\n"
      "b,join,2026-12-01 11:00:00,live\n";
  funnel::Spec s = spec({"join", "order"});
  const auto log = load(log_text, {"channel"});
  const auto values = [&](std::size_t by_step) {
    s.by_step = by_step;
    std::vector<std::string> out;
    for (const auto& seg : funnel::compute(log, s, 0).segments) {
      out.push_back(seg.value + ":" + std::to_string(seg.funnel.steps[1].users));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(values(1) == std::vector<std::string>{"live:0", "poster:1"});
  CHECK(values(2) == std::vector<std::string>{"coupon:1", "live:0"});  // b never reached step 2
  CHECK(values(0) == std::vector<std::string>{"coupon:1", "live:0"});  // last step reached
}

}  // namespace SOPCTL_TU_ID
