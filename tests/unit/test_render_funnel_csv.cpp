#include "funnel_fixture.hpp"

#include <sopctl/render/funnel_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::funnel_csv;

TEST_CASE("render::funnel_csv") {
  SUBCASE("one row per step") {
    CHECK(funnel_csv(funnel_fixture::result(false), funnel_fixture::options()) ==
          "step,users,from_previous,from_first,lost,drop_off,median_seconds_from_previous\n"
          "view,200,1.0,1.0,0,0.0,\n"
          "进群,80,0.4,0.4,120,0.6,3600.0\n"
          "order,10,0.125,0.05,70,0.875,90061.5\n");
  }
  SUBCASE("--by: the column first, everyone as (all)") {
    CHECK(funnel_csv(funnel_fixture::result(), funnel_fixture::options()) ==
          "channel,step,users,from_previous,from_first,lost,drop_off,"
          "median_seconds_from_previous\n"
          "(all),view,200,1.0,1.0,0,0.0,\n"
          "(all),进群,80,0.4,0.4,120,0.6,3600.0\n"
          "(all),order,10,0.125,0.05,70,0.875,90061.5\n"
          "wechat,view,150,1.0,1.0,0,0.0,\n"
          "wechat,进群,70,0.4666666666666667,0.4666666666666667,80,0.5333333333333333,1800.0\n"
          "wechat,order,10,0.14285714285714285,0.06666666666666667,60,0.8571428571428572,45.0\n"
          ",view,50,1.0,1.0,0,0.0,\n"
          ",进群,10,0.2,0.2,40,0.8,7200.0\n"
          ",order,0,0.0,0.0,10,1.0,\n");
  }
}

}  // namespace SOPCTL_TU_ID
