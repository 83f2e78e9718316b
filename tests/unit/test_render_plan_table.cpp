#include "plan_fixture.hpp"

#include <sopctl/render/plan_render.hpp>
#include <sopctl/text/width.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::plan_table;
using sopctl::render::PlanRenderOptions;

namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("render::plan_table") {
  const sopctl::test::PlanFixture fx;

  SUBCASE("a heading per date, CJK columns aligned across days") {
    CHECK(plan_table(fx.plan, {}) ==
          "2026-12-01 周二\n"
          "全天   A  小丸子美妆研讨所A  D-2 预热期  预热海报     moments  小丸子          "
          "还有2天开营\n"
          "\n"
          "2026-12-03 周四\n"
          "08:00  A  小丸子美妆研讨所A  D1 正式期   每日早读     group    李顾问          "
          "早上好,今天是第1天:正式期\n"
          "20:00  A  小丸子美妆研讨所A  D1 正式期   直播答疑     live     小丸子、李顾问  "
          "今晚8点直播|答疑 ⏎ 记得准时来\n"
          "\n"
          "2026-12-12 周六\n"
          "10:00  B  双12福利群B                    秒杀,\"限时\"  mass     Amy             "
          "全场5折\n");
  }
  SUBCASE("every item row starts its title at the same display column") {
    std::vector<std::size_t> title_columns;
    for (const std::string& line : lines_of(plan_table(fx.plan, {}))) {
      for (const char* title : {"预热海报", "每日早读", "直播答疑", "秒杀"}) {
        const auto pos = line.find(title);
        if (pos != std::string::npos) {
          title_columns.push_back(sopctl::text::display_width(line.substr(0, pos)));
        }
      }
    }
    REQUIRE(title_columns.size() == 4);
    for (const auto column : title_columns) {
      CHECK(column == title_columns.front());
    }
  }
  SUBCASE("no trailing spaces; columns empty throughout take no room") {
    sopctl::Plan plan = fx.empty_plan();
    plan.items = {fx.plan.items[3]};
    plan.items[0].script.clear();
    CHECK(plan_table(plan, {}) ==
          "2026-12-12 周六\n10:00  B  双12福利群B  秒杀,\"限时\"  mass  Amy\n");
    for (const std::string& line : lines_of(plan_table(fx.plan, {}))) {
      CHECK((line.empty() || line.back() != ' '));
    }
  }
  SUBCASE("control characters cannot reach the terminal") {
    sopctl::Plan plan = fx.empty_plan();
    plan.items = {fx.plan.items[1]};
    plan.items[0].script = "a\tb\x1b[31mc\r\nd";
    CHECK(plan_table(plan, {}) ==
          "2026-12-03 周四\n08:00  A  小丸子美妆研讨所A  D1 正式期  每日早读  group  李顾问  "
          "a b?[31mc ⏎ d\n");
  }
  SUBCASE("colour: bold heading, cyan time, dim all-day; none when off") {
    PlanRenderOptions opts;
    opts.color = true;
    const auto lines = lines_of(plan_table(fx.plan, opts));
    REQUIRE(lines.size() == 9);
    CHECK(lines[0] == "\x1b[1m2026-12-01 周二\x1b[0m");
    CHECK(lines[1].rfind("\x1b[2m全天\x1b[0m   A  ", 0) == 0);
    CHECK(lines[4].rfind("\x1b[36m08:00\x1b[0m  A  ", 0) == 0);
    CHECK(plan_table(fx.plan, {}).find('\x1b') == std::string::npos);
  }
  SUBCASE("an empty plan") {
    CHECK(plan_table(fx.empty_plan(), {}) == "no items from 2026-12-01 to 2026-12-31\n");
  }
  SUBCASE("deterministic") {
    CHECK(plan_table(fx.plan, {}) == plan_table(fx.plan, {}));
  }
}

}  // namespace SOPCTL_TU_ID
