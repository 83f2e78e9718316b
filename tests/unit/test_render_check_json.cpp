#include "check_fixture.hpp"

#include <sopctl/render/check_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::check_json;

TEST_CASE("render::check_json") {
  SUBCASE("docs/spec.md §2.2 shape, keys in order, counts by severity") {
    CHECK(check_json(sopctl::test::check_findings()) == R"json({
  "diagnostics": [
    {
      "path": "camp.sop.yaml",
      "line": 12,
      "column": 5,
      "severity": "error",
      "rule": "unknown-key",
      "message": "unknown key 'evry' (did you mean 'every'?)"
    },
    {
      "path": "camp.sop.yaml",
      "line": 30,
      "column": 9,
      "severity": "warning",
      "rule": "quiet-hours",
      "message": "task 'night' posts at 23:30, inside quiet hours 22:00-08:00"
    },
    {
      "path": "团/roster.yaml",
      "line": 4,
      "column": 12,
      "severity": "error",
      "rule": "unknown-staff",
      "message": "group 'A' names unknown staff 'lii' (did you mean 'li'?)"
    }
  ],
  "errors": 2,
  "warnings": 1
}
)json");
  }

  SUBCASE("clean: an empty list and zero counts") {
    CHECK(check_json({}) == "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n");
  }

  SUBCASE("quotes and control characters in a message are escaped") {
    const sopctl::Diagnostics d = {
        {{"a.sop.yaml", 1, 1}, sopctl::Severity::error, "bad-time", "bad time '8\"00\n'"}};
    CHECK(check_json(d).find(R"("message": "bad time '8\"00\n'")") != std::string::npos);
  }
}

}  // namespace SOPCTL_TU_ID
