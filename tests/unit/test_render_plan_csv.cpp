#include "plan_fixture.hpp"

#include <sopctl/render/plan_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::plan_csv;

TEST_CASE("render::plan_csv") {
  const sopctl::test::PlanFixture fx;
  const std::string header =
      "date,time,weekday,group,group_name,sop,task,title,type,channel,day,phase,staff,script,"
      "assets,key\n";
  const auto key = [&](std::size_t i) { return fx.plan.items[i].key; };

  SUBCASE("one row per item, docs/spec.md §2.1 columns in order") {
    CHECK(plan_csv(fx.plan, ',') ==
          header +
              "2026-12-01,,tue,A,小丸子美妆研讨所A,camp-7d,warmup-poster,预热海报,fission,"
              "moments,-2,warmup,wanzi:小丸子,还有2天开营,poster-d1.png," +
              key(0) +
              "\n"
              "2026-12-03,08:00,thu,A,小丸子美妆研讨所A,camp-7d,morning-read,每日早读,retention,"
              "group,1,camp,li:李顾问,\"早上好,今天是第1天:正式期\",," +
              key(1) +
              "\n"
              "2026-12-03,20:00,thu,A,小丸子美妆研讨所A,camp-7d,live-qa,直播答疑,education,live,"
              "1,camp,wanzi:小丸子;li:李顾问,\"今晚8点直播|答疑\n记得准时来\",," +
              key(2) +
              "\n"
              "2026-12-12,10:00,sat,B,双12福利群B,dec-promo,flash-sale,\"秒杀,\"\"限时\"\"\","
              "conversion,mass,,,amy:Amy,全场5折,a.png;b.png," +
              key(3) + "\n");
    CHECK(key(0).size() == 16);
  }
  SUBCASE("tsv: tabs separate, line breaks inside a field become spaces") {
    const std::string tsv = plan_csv(fx.plan, '\t');
    CHECK(tsv.substr(0, tsv.find('\n')) ==
          "date\ttime\tweekday\tgroup\tgroup_name\tsop\ttask\ttitle\ttype\tchannel\tday\tphase"
          "\tstaff\tscript\tassets\tkey");
    CHECK(tsv.find("\t今晚8点直播|答疑 记得准时来\t") != std::string::npos);
    CHECK(tsv.find("\t秒杀,\"限时\"\t") != std::string::npos);
    CHECK(tsv.find("\t\t\tamy:Amy\t") != std::string::npos);  // null day and phase
  }
  SUBCASE("an empty plan is the header alone") {
    CHECK(plan_csv(fx.empty_plan(), ',') == header);
  }
  SUBCASE("deterministic") {
    CHECK(plan_csv(fx.plan, ',') == plan_csv(fx.plan, ','));
  }
}

}  // namespace SOPCTL_TU_ID
