#include "lint_fixture.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::test::findings;
using sopctl::test::lines;
using sopctl::test::run_lint;

TEST_CASE("lint::run_rules") {
  SUBCASE("the bundled example is clean") {
    std::ifstream in(std::string(SOPCTL_TEST_DATA_DIR) + "/../examples/camp-7d.sop.yaml");
    std::stringstream text;
    text << in.rdbuf();
    REQUIRE_FALSE(text.str().empty());
    CHECK(sopctl::test::rules_of(run_lint(text.str())).empty());
  }
  SUBCASE("findings carry the rule's default severity") {
    const std::string text =
        "sop: p\ntasks:\n  - {id: t, type: conversion, at: \"23:00\", day: 1}\n";
    for (const sopctl::Diagnostic& d : run_lint(text)) {
      CHECK(d.severity == sopctl::lint::find_rule(d.rule)->severity);
    }
  }
  SUBCASE("config limits are defaults that the SOP's own limits override") {
    const std::string base = std::string("sop: p\n") + sopctl::test::k_full_setup;  // lines 1-5
    const std::string tasks =
        "tasks:\n"
        "  - {id: a, type: education, at: \"07:30\", day: 1}\n"
        "  - {id: b, type: education, at: \"22:30\", day: 1}\n";
    sopctl::lint::Config config;
    config.quiet_start = 23 * 60;
    config.quiet_end = 7 * 60;
    config.max_posts_per_group_per_day = 1;
    sopctl::test::LintCase c;
    c.config = &config;

    c.sop_texts = {base + tasks};  // a at 7, b at 8
    auto diags = run_lint(c);
    CHECK(lines(diags, "quiet-hours").empty());
    CHECK(lines(diags, "too-many-posts") == std::vector<int>{8});

    c.sop_texts = {
        base + "limits: {quiet_hours: \"22:00-08:00\", max_posts_per_group_per_day: 2}\n" + tasks};
    diags = run_lint(c);
    CHECK(lines(diags, "quiet-hours") == std::vector<int>{8, 9});
    CHECK(lines(diags, "too-many-posts").empty());
  }
  SUBCASE("several SOPs, each on its own") {
    sopctl::test::LintCase c;
    c.sop_texts = {"sop: a\ntasks: []\n", "sop: b\ntasks: []\n"};
    const auto diags = run_lint(c);
    CHECK(findings(diags, "missing-setup").size() == 6);
    CHECK(diags[3].loc.file == "t1.sop.yaml");
  }
}

}  // namespace SOPCTL_TU_ID
