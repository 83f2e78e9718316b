#include <sopctl/base/error.hpp>
#include <sopctl/lint/lint.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Severity;
using sopctl::lint::Config;
using sopctl::lint::parse_config;

namespace {

std::string config_error(const std::string& text) {
  try {
    parse_config(text, ".sopctl.yaml");
  } catch (const sopctl::Error& e) {
    return e.format();
  }
  return "";
}

}  // namespace

TEST_CASE("lint::parse_config") {
  SUBCASE("rules and limits") {
    const Config c = parse_config(
        "rules:\n"
        "  quiet-hours: error\n"
        "  sell-before-trust: off\n"
        "  message-too-long: warning\n"
        "limits:\n"
        "  quiet_hours: \"23:00-07:00\"\n"
        "  max_posts_per_group_per_day: 8\n",
        "proj/.sopctl.yaml");
    CHECK(c.path == "proj/.sopctl.yaml");
    CHECK(c.rules.at("quiet-hours") == Severity::error);
    CHECK_FALSE(c.rules.at("sell-before-trust").has_value());
    CHECK(c.rules.at("message-too-long") == Severity::warning);
    CHECK(c.quiet_start == 23 * 60);
    CHECK(c.quiet_end == 7 * 60);
    CHECK(c.max_posts_per_group_per_day == 8);
  }
  SUBCASE("an empty file is an empty config") {
    const Config c = parse_config("", ".sopctl.yaml");
    CHECK(c.rules.empty());
    CHECK_FALSE(c.quiet_start.has_value());
  }
  SUBCASE("mistakes name the file and line") {
    CHECK(config_error("rules:\n  quiet-hour: error\n") ==
          ".sopctl.yaml:2:3: error: unknown rule 'quiet-hour' (did you mean 'quiet-hours'?)");
    CHECK(config_error("rules:\n  quiet-hours: loud\n") ==
          ".sopctl.yaml:2:16: error: bad severity 'loud' for rule 'quiet-hours': use error, "
          "warning or off");
    CHECK(config_error("limit:\n  quiet_hours: \"23:00-07:00\"\n") ==
          ".sopctl.yaml:1:1: error: unknown key 'limit' in the config (did you mean 'limits'?)");
    CHECK(config_error("limits:\n  quiet_hours: 夜里\n") ==
          ".sopctl.yaml:2:16: error: bad quiet_hours '夜里': use \"HH:MM-HH:MM\", e.g. "
          "\"22:00-08:00\"");
    CHECK(config_error("limits:\n  max_posts_per_group_per_day: 0\n") ==
          ".sopctl.yaml:2:32: error: bad max_posts_per_group_per_day '0': expected a whole number "
          "of at "
          "least 1");
    CHECK(config_error("rules: [quiet-hours]\n") ==
          ".sopctl.yaml:1:8: error: 'rules' must be a mapping");
    CHECK(config_error("rules: {a: [\n").rfind(".sopctl.yaml:", 0) == 0);
  }
}

TEST_CASE("lint::find_config") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / "sopctl-test-find-config";
  fs::remove_all(root);
  fs::create_directories(root / "team" / "camps" / "dec");
  std::ofstream(root / "team" / ".sopctl.yaml") << "rules: {}\n";
  CHECK(sopctl::lint::find_config((root / "team" / "camps" / "dec").string()) ==
        (root / "team" / ".sopctl.yaml").string());
  CHECK(sopctl::lint::find_config((root / "team").string()) ==
        (root / "team" / ".sopctl.yaml").string());
  fs::remove(root / "team" / ".sopctl.yaml");
  CHECK(sopctl::lint::find_config((root / "team" / "camps").string()).find(root.string()) ==
        std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("lint::apply_config") {
  sopctl::Diagnostics diags = {
      {{"a.sop.yaml", 3, 1}, Severity::warning, "quiet-hours", "m"},
      {{"a.sop.yaml", 4, 1}, Severity::warning, "sell-before-trust", "m"},
      {{"a.sop.yaml", 5, 1}, Severity::error, "unknown-key", "m"},
  };
  Config c;
  c.rules["quiet-hours"] = Severity::error;
  c.rules["sell-before-trust"] = std::nullopt;
  sopctl::lint::apply_config(diags, c);
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].rule == "quiet-hours");
  CHECK(diags[0].severity == Severity::error);
  CHECK(diags[1].rule == "unknown-key");
}

}  // namespace SOPCTL_TU_ID
