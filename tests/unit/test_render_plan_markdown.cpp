#include "plan_fixture.hpp"

#include <sopctl/render/plan_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::plan_markdown;
using sopctl::render::PlanRenderOptions;

TEST_CASE("render::plan_markdown") {
  const sopctl::test::PlanFixture fx;

  SUBCASE("a heading and a table per date") {
    CHECK(
        plan_markdown(fx.plan, {}) ==
        "# 运营计划 2026-12-01 – 2026-12-31\n"
        "\n"
        "## 2026-12-01 周二\n"
        "\n"
        "| 时间 | 群 | 天 | 任务 | 渠道 | 负责人 | 话术 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 全天 | A 小丸子美妆研讨所A | D-2 预热期 | 预热海报 | moments | 小丸子 | 还有2天开营 |\n"
        "\n"
        "## 2026-12-03 周四\n"
        "\n"
        "| 时间 | 群 | 天 | 任务 | 渠道 | 负责人 | 话术 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 08:00 | A 小丸子美妆研讨所A | D1 正式期 | 每日早读 | group | 李顾问 | "
        "早上好,今天是第1天:正式期 |\n"
        "| 20:00 | A 小丸子美妆研讨所A | D1 正式期 | 直播答疑 | live | 小丸子、李顾问 | "
        "今晚8点直播\\|答疑<br>记得准时来 |\n"
        "\n"
        "## 2026-12-12 周六\n"
        "\n"
        "| 时间 | 群 | 天 | 任务 | 渠道 | 负责人 | 话术 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 10:00 | B 双12福利群B |  | 秒杀,\"限时\" | mass | Amy | 全场5折 |\n");
  }
  SUBCASE("a title from the options") {
    PlanRenderOptions opts;
    opts.title = "12月计划";
    const std::string md = plan_markdown(fx.plan, opts);
    CHECK(md.substr(0, md.find('\n')) == "# 12月计划");
  }
  SUBCASE("an empty plan") {
    CHECK(plan_markdown(fx.empty_plan(), {}) ==
          "# 运营计划 2026-12-01 – 2026-12-31\n\nno items from 2026-12-01 to 2026-12-31\n");
  }
  SUBCASE("deterministic") {
    CHECK(plan_markdown(fx.plan, {}) == plan_markdown(fx.plan, {}));
  }
}

}  // namespace SOPCTL_TU_ID
