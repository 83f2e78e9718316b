#include "check_fixture.hpp"

#include <sopctl/render/check_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::check_github;

TEST_CASE("render::check_github") {
  SUBCASE("one workflow command per finding, title is the rule") {
    CHECK(check_github(sopctl::test::check_findings()) ==
          "::error file=camp.sop.yaml,line=12,col=5,title=unknown-key::unknown key 'evry' "
          "(did you mean 'every'?)\n"
          "::warning file=camp.sop.yaml,line=30,col=9,title=quiet-hours::task 'night' posts at "
          "23:30, inside quiet hours 22:00-08:00\n"
          "::error file=团/roster.yaml,line=4,col=12,title=unknown-staff::group 'A' names unknown "
          "staff 'lii' (did you mean 'li'?)\n");
  }

  SUBCASE("%, CR and LF escaped everywhere; ',' and ':' only in properties") {
    const sopctl::Diagnostics d = {{{"C:/sops/a,b.sop.yaml", 3, 1},
                                    sopctl::Severity::error,
                                    "bad-value",
                                    "100% wrong:\r\nsee 'a, b'"}};
    CHECK(check_github(d) ==
          "::error file=C%3A/sops/a%2Cb.sop.yaml,line=3,col=1,title=bad-value::100%25 "
          "wrong:%0D%0Asee 'a, b'\n");
  }

  SUBCASE("no line: the annotation goes on the file") {
    const sopctl::Diagnostics d = {
        {{"roster.csv", 0, 0}, sopctl::Severity::warning, "x-rule", "whole file"}};
    CHECK(check_github(d) == "::warning file=roster.csv,title=x-rule::whole file\n");
  }
}

}  // namespace SOPCTL_TU_ID
