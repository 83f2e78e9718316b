#include "check_fixture.hpp"

#include <sopctl/render/check_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::check_summary;
using sopctl::render::check_text;

TEST_CASE("render::check_text") {
  const sopctl::Diagnostics diags = sopctl::test::check_findings();

  SUBCASE("one line per finding, path:line:col: severity: message [rule]") {
    CHECK(check_text(diags, false) ==
          "camp.sop.yaml:12:5: error: unknown key 'evry' (did you mean 'every'?) [unknown-key]\n"
          "camp.sop.yaml:30:9: warning: task 'night' posts at 23:30, inside quiet hours "
          "22:00-08:00 [quiet-hours]\n"
          "团/roster.yaml:4:12: error: group 'A' names unknown staff 'lii' (did you mean 'li'?) "
          "[unknown-staff]\n");
  }

  SUBCASE("colour: bold location, red error, magenta warning") {
    const sopctl::Diagnostics two(diags.begin(), diags.begin() + 2);
    CHECK(check_text(two, true) ==
          "\033[1mcamp.sop.yaml:12:5:\033[0m \033[1;31merror:\033[0m unknown key 'evry' "
          "(did you mean 'every'?) [unknown-key]\n"
          "\033[1mcamp.sop.yaml:30:9:\033[0m \033[1;35mwarning:\033[0m task 'night' posts at "
          "23:30, inside quiet hours 22:00-08:00 [quiet-hours]\n");
  }

  SUBCASE("a finding without a line names the file only") {
    const sopctl::Diagnostics d = {
        {{"roster.csv", 0, 0}, sopctl::Severity::error, "missing-key", "no header row"}};
    CHECK(check_text(d, false) == "roster.csv: error: no header row [missing-key]\n");
  }

  SUBCASE("nothing to say") {
    CHECK(check_text({}, false).empty());
  }
}

TEST_CASE("render::check_summary") {
  const sopctl::Diagnostics diags = sopctl::test::check_findings();

  SUBCASE("counts, in the plural when there are several") {
    CHECK(check_summary(diags, 2) == "2 errors, 1 warning in 2 files");
  }

  SUBCASE("singular") {
    const sopctl::Diagnostics one(diags.begin(), diags.begin() + 1);
    CHECK(check_summary(one, 1) == "1 error, 0 warnings in 1 file");
  }

  SUBCASE("clean") {
    CHECK(check_summary({}, 1) == "1 file checked, no problems");
    CHECK(check_summary({}, 3) == "3 files checked, no problems");
  }
}

}  // namespace SOPCTL_TU_ID
