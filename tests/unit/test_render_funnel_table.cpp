#include "funnel_fixture.hpp"

#include <sopctl/render/funnel_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::funnel_table;

TEST_CASE("render::funnel_table") {
  SUBCASE("bars, CJK aligned by display width, sentences, segments") {
    const std::string want =
        "view → 进群 → order (ordered, window 3d; 1,234 rows, 300 users)\n"
        "\n"
        "step   users  from prev  from first  lost  drop-off  median from prev\n"
        "view     200                 100.0%                                    "
        "██████████████████████████████\n"
        "进群      80      40.0%       40.0%   120     60.0%            1h 00m  ████████████\n"
        "order     10      12.5%        5.0%    70     87.5%             1d 1h  █▌\n"
        "\n"
        "Largest drop: 进群 → order, 87.5% of users lost (70).\n"
        "Conversion view → order: 5.0%.\n"
        "\n"
        "channel = wechat\n"
        "step   users  from prev  from first  lost  drop-off  median from prev\n"
        "view     150                 100.0%                                    "
        "██████████████████████████████\n"
        "进群      70      46.7%       46.7%    80     53.3%               30m  ██████████████\n"
        "order     10      14.3%        6.7%    60     85.7%               45s  ██\n"
        "\n"
        "Largest drop: 进群 → order, 85.7% of users lost (60).\n"
        "Conversion view → order: 6.7%.\n"
        "\n"
        "channel = (empty)\n"
        "step   users  from prev  from first  lost  drop-off  median from prev\n"
        "view      50                 100.0%                                    "
        "██████████████████████████████\n"
        "进群      10      20.0%       20.0%    40     80.0%            2h 00m  ██████\n"
        "order      0       0.0%        0.0%    10    100.0%                 -\n"
        "\n"
        "Largest drop: 进群 → order, 100.0% of users lost (10).\n"
        "Conversion view → order: 0.0%.\n";
    CHECK(funnel_table(funnel_fixture::result(), funnel_fixture::options()) == want);
  }
  SUBCASE("stage counts have no median column; a goal is a sentence") {
    sopctl::funnel::Result r;
    r.total = sopctl::funnel::make_funnel({"a", "b"}, {10, 10});
    auto o = funnel_fixture::options();
    o.goal = sopctl::funnel::check_goal(r.total, "camp", "b", 0.5);
    CHECK(funnel_table(r, o) ==
          "a → b (stage counts)\n"
          "\n"
          "step  users  from prev  from first  lost  drop-off\n"
          "a        10                 100.0%                  ██████████████████████████████\n"
          "b        10     100.0%      100.0%     0      0.0%  ██████████████████████████████\n"
          "\n"
          "Conversion a → b: 100.0%.\n"
          "Goal of camp: b at 50.0% of a; actual 100.0%, goal met.\n");
  }
  SUBCASE("colour") {
    auto o = funnel_fixture::options();
    o.color = true;
    const std::string out = funnel_table(funnel_fixture::result(false), o);
    CHECK(out.find("\x1b[1mview → 进群 → order\x1b[0m") == 0);
    CHECK(out.find("\x1b[31m█▌\x1b[0m") != std::string::npos);  // the largest drop in red
  }
}

}  // namespace SOPCTL_TU_ID
