#include "plan_fixture.hpp"

#include <sopctl/render/plan_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::plan_json;

TEST_CASE("render::plan_json") {
  const sopctl::test::PlanFixture fx;

  SUBCASE("docs/spec.md §2.1 shape, keys in order, nulls for all-day, day and phase") {
    sopctl::Plan plan = fx.empty_plan();
    plan.items = {fx.plan.items[0], fx.plan.items[3]};
    CHECK(plan_json(plan) == R"({
  "from": "2026-12-01",
  "to": "2026-12-31",
  "items": [
    {
      "date": "2026-12-01",
      "time": null,
      "weekday": "tue",
      "group": "A",
      "group_name": "小丸子美妆研讨所A",
      "sop": "camp-7d",
      "task": "warmup-poster",
      "title": "预热海报",
      "type": "fission",
      "channel": "moments",
      "day": -2,
      "phase": "warmup",
      "staff": [
        {
          "id": "wanzi",
          "name": "小丸子"
        }
      ],
      "script": "还有2天开营",
      "assets": [
        "poster-d1.png"
      ],
      "key": ")" + fx.plan.items[0].key +
                                 R"("
    },
    {
      "date": "2026-12-12",
      "time": "10:00",
      "weekday": "sat",
      "group": "B",
      "group_name": "双12福利群B",
      "sop": "dec-promo",
      "task": "flash-sale",
      "title": "秒杀,\"限时\"",
      "type": "conversion",
      "channel": "mass",
      "day": null,
      "phase": null,
      "staff": [
        {
          "id": "amy",
          "name": "Amy"
        }
      ],
      "script": "全场5折",
      "assets": [
        "a.png",
        "b.png"
      ],
      "key": ")" + fx.plan.items[3].key +
                                 R"("
    }
  ]
}
)");
  }
  SUBCASE("time, empty assets and an escaped newline in the script") {
    const std::string json = plan_json(fx.plan);
    CHECK(json.find(R"("time": "08:00",)") != std::string::npos);
    CHECK(json.find(R"("assets": [],)") != std::string::npos);
    CHECK(json.find(R"("script": "今晚8点直播|答疑\n记得准时来",)") != std::string::npos);
    CHECK(json.back() == '\n');
  }
  SUBCASE("an empty plan") {
    CHECK(plan_json(fx.empty_plan()) ==
          "{\n  \"from\": \"2026-12-01\",\n  \"to\": \"2026-12-31\",\n  \"items\": []\n}\n");
  }
  SUBCASE("deterministic") {
    CHECK(plan_json(fx.plan) == plan_json(fx.plan));
  }
}

}  // namespace SOPCTL_TU_ID
