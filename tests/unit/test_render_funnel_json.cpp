#include "funnel_fixture.hpp"

#include <sopctl/render/funnel_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::funnel_json;

TEST_CASE("render::funnel_json") {
  SUBCASE("steps as docs/spec.md §2.3, numbers at full precision, null where undefined") {
    const std::string out = funnel_json(funnel_fixture::result(false), funnel_fixture::options());
    CHECK(out ==
          R"({
  "steps": [
    {
      "step": "view",
      "users": 200,
      "from_previous": 1.0,
      "from_first": 1.0,
      "lost": 0,
      "drop_off": 0.0,
      "median_seconds_from_previous": null,
      "p90_seconds_from_previous": null,
      "mean_seconds_from_previous": null
    },
    {
      "step": "进群",
      "users": 80,
      "from_previous": 0.4,
      "from_first": 0.4,
      "lost": 120,
      "drop_off": 0.6,
      "median_seconds_from_previous": 3600.0,
      "p90_seconds_from_previous": null,
      "mean_seconds_from_previous": null
    },
    {
      "step": "order",
      "users": 10,
      "from_previous": 0.125,
      "from_first": 0.05,
      "lost": 70,
      "drop_off": 0.875,
      "median_seconds_from_previous": 90061.5,
      "p90_seconds_from_previous": null,
      "mean_seconds_from_previous": null
    }
  ],
  "conversion": 0.05,
  "largest_drop": {
    "from": "进群",
    "to": "order",
    "lost": 70,
    "drop_off": 0.875
  },
  "input": {
    "path": "events.csv",
    "kind": "events",
    "rows": 1234,
    "users": 300
  },
  "mode": "ordered",
  "window_seconds": 259200
}
)");
  }
  SUBCASE("segments, goal, no window, zero users") {
    auto o = funnel_fixture::options();
    auto r = funnel_fixture::result();
    r.window = sopctl::funnel::k_no_window;
    o.goal = sopctl::funnel::check_goal(r.total, "camp-7d", "order", 0.2);
    const std::string out = funnel_json(r, o);
    CHECK(out.find(R"("window_seconds": null)") != std::string::npos);
    CHECK(out.find(R"("by": {
    "column": "channel",
    "segments": [
      {
        "value": "wechat",)") != std::string::npos);
    CHECK(out.find(R"("from_previous": 0.14285714285714285,)") != std::string::npos);
    CHECK(out.find(R"("goal": {
    "sop": "camp-7d",
    "metric": "order",
    "target": 0.2,
    "actual": 0.05,
    "met": false
  })") != std::string::npos);
  }
  SUBCASE("stage counts: no mode, window or users") {
    sopctl::funnel::Result r;
    r.rows = 2;
    r.total = sopctl::funnel::make_funnel({"a", "b"}, {0, 0});
    const std::string out = funnel_json(r, funnel_fixture::options());
    CHECK(out.find(R"("kind": "stage_counts")") != std::string::npos);
    CHECK(out.find("mode") == std::string::npos);
    CHECK(out.find(R"("from_first": null)") != std::string::npos);
    CHECK(out.find(R"("largest_drop": null)") != std::string::npos);
  }
}

}  // namespace SOPCTL_TU_ID
