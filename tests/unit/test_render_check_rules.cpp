#include "check_fixture.hpp"

#include <sopctl/render/check_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::rules_json;
using sopctl::render::rules_list;
using sopctl::render::rules_markdown;

TEST_CASE("render::rules_list") {
  SUBCASE("id, category, severity and summary in aligned columns") {
    CHECK(rules_list(sopctl::test::check_rules()) ==
          "unknown-key    structure  error    a key that the file format does not have\n"
          "unknown-staff  structure  error    a group names staff not in the roster\n"
          "unused-rule    platform   error    never fires here\n"
          "quiet-hours    craft      warning  a post inside quiet hours\n");
  }
}

TEST_CASE("render::rules_json") {
  const std::string json = rules_json(sopctl::test::check_rules());
  CHECK(json.rfind("{\n  \"rules\": [\n    {\n      \"id\": \"unknown-key\",\n", 0) == 0);
  CHECK(json.find("\"category\": \"craft\",\n      \"severity\": \"warning\"") !=
        std::string::npos);
}

TEST_CASE("render::rules_markdown") {
  const std::string md = rules_markdown(sopctl::test::check_rules());

  SUBCASE("a table row and a section per rule, by category") {
    CHECK(md.rfind("# Rules of `sopctl check`\n", 0) == 0);
    CHECK(
        md.find(
            "| [`quiet-hours`](#quiet-hours) | craft | warning | a post inside quiet hours |\n") !=
        std::string::npos);
    CHECK(md.find(
              "\n## Structure rules\n\n### unknown-key\n\n> a key that the file format does not "
              "have\n\nCategory: structure. Default severity: error.\n\nMisspelt keys are ignored "
              "by nothing: fix the spelling.\n\nExample: a file that triggers it and the same file "
              "written correctly, in [tests/lint/unknown-key/](../tests/lint/unknown-key/).\n") !=
          std::string::npos);
    CHECK(md.find("## Platform rules") < md.find("## Craft rules"));
  }

  SUBCASE("a rule without a doc paragraph has its summary only") {
    CHECK(md.find("### unknown-staff\n\n> a group names staff not in the roster\n\nCategory: "
                  "structure. Default severity: error.\n\nExample: ") != std::string::npos);
  }

  SUBCASE("'|' in a summary does not break the table") {
    auto rules = sopctl::test::check_rules();
    rules[0].summary = "a | b";
    CHECK(rules_markdown(rules).find("| a \\| b |") != std::string::npos);
  }

  SUBCASE("ends with suppressions, the config and precedence") {
    CHECK(md.find("## Silencing a finding") != std::string::npos);
    CHECK(md.find("## Project config: `.sopctl.yaml`") != std::string::npos);
    CHECK(md.find("## Precedence") != std::string::npos);
  }
}

}  // namespace SOPCTL_TU_ID
