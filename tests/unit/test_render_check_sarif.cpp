#include "check_fixture.hpp"

#include <sopctl/render/check_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::check_sarif;

TEST_CASE("render::check_sarif") {
  const auto rules = sopctl::test::check_rules();
  const sopctl::render::SarifTool tool{"1.2.3", "https://example.org/sopctl"};

  SUBCASE("SARIF 2.1.0: the rules that fired, in registry order, and one result each") {
    CHECK(check_sarif(sopctl::test::check_findings(), rules, tool) == R"json({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "sopctl",
          "version": "1.2.3",
          "informationUri": "https://example.org/sopctl",
          "rules": [
            {
              "id": "unknown-key",
              "shortDescription": {
                "text": "a key that the file format does not have"
              },
              "fullDescription": {
                "text": "Misspelt keys are ignored by nothing: fix the spelling."
              },
              "defaultConfiguration": {
                "level": "error"
              },
              "properties": {
                "tags": [
                  "structure"
                ]
              }
            },
            {
              "id": "unknown-staff",
              "shortDescription": {
                "text": "a group names staff not in the roster"
              },
              "fullDescription": {
                "text": "a group names staff not in the roster"
              },
              "defaultConfiguration": {
                "level": "error"
              },
              "properties": {
                "tags": [
                  "structure"
                ]
              }
            },
            {
              "id": "quiet-hours",
              "shortDescription": {
                "text": "a post inside quiet hours"
              },
              "fullDescription": {
                "text": "Nobody likes a 23:30 ping."
              },
              "defaultConfiguration": {
                "level": "warning"
              },
              "properties": {
                "tags": [
                  "craft"
                ]
              }
            }
          ]
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "unknown-key",
          "ruleIndex": 0,
          "level": "error",
          "message": {
            "text": "unknown key 'evry' (did you mean 'every'?)"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "camp.sop.yaml"
                },
                "region": {
                  "startLine": 12,
                  "startColumn": 5
                }
              }
            }
          ]
        },
        {
          "ruleId": "quiet-hours",
          "ruleIndex": 2,
          "level": "warning",
          "message": {
            "text": "task 'night' posts at 23:30, inside quiet hours 22:00-08:00"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "camp.sop.yaml"
                },
                "region": {
                  "startLine": 30,
                  "startColumn": 9
                }
              }
            }
          ]
        },
        {
          "ruleId": "unknown-staff",
          "ruleIndex": 1,
          "level": "error",
          "message": {
            "text": "group 'A' names unknown staff 'lii' (did you mean 'li'?)"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "%E5%9B%A2/roster.yaml"
                },
                "region": {
                  "startLine": 4,
                  "startColumn": 12
                }
              }
            }
          ]
        }
      ]
    }
  ]
}
)json");
  }

  SUBCASE("clean: no rules, no results") {
    const std::string sarif = check_sarif({}, rules, tool);
    CHECK(sarif.find("\"rules\": []") != std::string::npos);
    CHECK(sarif.find("\"results\": []") != std::string::npos);
  }

  SUBCASE("absolute paths become file URIs; no line, no region; unknown rule, no index") {
    const sopctl::Diagnostics d = {
        {{"/srv/my sops/a.sop.yaml", 0, 0}, sopctl::Severity::error, "not-registered", "m"}};
    const std::string sarif = check_sarif(d, rules, tool);
    CHECK(sarif.find(R"("uri": "file:///srv/my%20sops/a.sop.yaml")") != std::string::npos);
    CHECK(sarif.find("region") == std::string::npos);
    CHECK(sarif.find("ruleIndex") == std::string::npos);
  }
}

}  // namespace SOPCTL_TU_ID
