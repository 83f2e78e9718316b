#include "lint_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::test::findings;
using sopctl::test::run_lint;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

// An SOP whose one task has `channel` and `script` (on line 8).
std::string one_task(const std::string& channel, const std::string& script) {
  return std::string("sop: p\n") + sopctl::test::k_full_setup +  // lines 2-5
         "tasks:\n"                                              // 6
         "  - {id: t, type: education, channel: " +
         channel +
         ", at: \"10:00\", day: 1,\n"  // 7
         "     script: \"" +
         script + "\"}\n";  // 8
}

}  // namespace

TEST_CASE("lint::message-too-long") {
  SUBCASE("4000 bytes pass, 4001 do not") {
    // 1333 CJK characters are 3999 bytes.
    CHECK(findings(run_lint(one_task("group", repeat("好", 1333) + "a")), "message-too-long")
              .empty());
    CHECK(findings(run_lint(one_task("group", repeat("好", 1333) + "ab")), "message-too-long") ==
          std::vector<std::string>{"8:14 the script of task 't' is 4001 bytes; WeCom rejects "
                                   "messages over 4000 bytes (UTF-8)"});
  }
  SUBCASE("announcement and keyword replies") {
    const std::string text =
        "sop: p\n"
        "setup:\n"
        "  announcement: \"" +
        repeat("公告", 700) +
        "\"\n"
        "  welcome: 欢迎\n"
        "  rules: [不发广告]\n"
        "  keywords:\n"
        "    - {match: 回放, reply: \"" +
        repeat("回", 1400) +
        "\"}\n"
        "tasks: []\n";
    CHECK(findings(run_lint(text), "message-too-long") ==
          std::vector<std::string>{
              "3:17 the announcement is 4200 bytes; WeCom rejects messages over 4000 bytes (UTF-8)",
              "7:26 the reply to keyword '回放' is 4200 bytes; WeCom rejects messages over 4000 "
              "bytes (UTF-8)"});
  }
  SUBCASE("Moments are measured in characters instead") {
    // 1500 CJK characters: 4500 bytes, but within the Moments limit.
    CHECK(sopctl::test::rules_of(run_lint(one_task("moments", repeat("好", 1500)))).empty());
  }
}

TEST_CASE("lint::message-too-long on the rendered text") {
  // 3993 bytes as written, {group_name} being 12 of them: a 12-byte name
  // keeps it at 3993 bytes, a 36-byte one makes it 4017 as sent.
  sopctl::test::LintCase c;
  c.sop_texts = {one_task("group", repeat("好", 1327) + "{group_name}")};
  const auto roster = [](const std::string& name) {
    return "staff:\n  - {id: s, roles: [owner]}\ngroups:\n"
           "  - {id: A, sop: p, open: 2026-06-01, owner: s, name: A}\n"
           "  - {id: B, sop: p, open: 2026-06-01, owner: s, name: " +
           name + "}\n";
  };
  c.roster_text = roster("研讨所八");
  CHECK(findings(run_lint(c), "message-too-long").empty());
  c.roster_text = roster("小丸子美妆研讨所八号群组");
  CHECK(findings(run_lint(c), "message-too-long") ==
        std::vector<std::string>{"8:14 the script of task 't' is 4017 bytes as sent to group B "
                                 "(3993 as written); WeCom rejects messages over 4000 bytes "
                                 "(UTF-8)"});
  SUBCASE("without a roster the template is measured") {
    CHECK(findings(run_lint(one_task("group", repeat("好", 1327) + "{group_name}")),
                   "message-too-long")
              .empty());
  }
}

TEST_CASE("lint::welcome-too-long") {
  const auto welcome = [](const std::string& w) {
    return "sop: p\nsetup:\n  announcement: 公告\n  welcome: \"" + w +
           "\"\n  rules: [不发广告]\ntasks: []\n";
  };
  CHECK(findings(run_lint(welcome(repeat("欢", 1000))), "welcome-too-long").empty());
  CHECK(findings(run_lint(welcome(repeat("欢", 1000) + "!")), "welcome-too-long") ==
        std::vector<std::string>{
            "4:12 the welcome message is 3001 bytes; WeCom rejects group welcome "
            "messages over 3000 bytes (UTF-8)"});
}

TEST_CASE("lint::moments-too-long") {
  CHECK(findings(run_lint(one_task("moments", repeat("好", 2000))), "moments-too-long").empty());
  const auto diags = run_lint(one_task("moments", repeat("好", 2001)));
  CHECK(findings(diags, "moments-too-long") ==
        std::vector<std::string>{
            "8:14 the Moments post of task 't' is 2001 characters; WeCom rejects Moments posts "
            "over 2000 characters"});
  CHECK(findings(diags, "message-too-long").empty());
}

TEST_CASE("lint::too-many-assets") {
  const auto with_assets = [](int n) {
    std::string text = std::string("sop: p\n") + sopctl::test::k_full_setup +
                       "tasks:\n"
                       "  - id: posters\n"
                       "    type: education\n"
                       "    at: \"10:00\"\n"
                       "    day: 1\n"
                       "    assets:\n";  // line 11
    for (int i = 1; i <= n; ++i) {
      text += "      - poster-" + std::to_string(i) + ".png\n";  // lines 12..
    }
    return text;
  };
  CHECK(findings(run_lint(with_assets(9)), "too-many-assets").empty());
  CHECK(
      findings(run_lint(with_assets(11)), "too-many-assets") ==
      std::vector<std::string>{
          "21:9 task 'posters' has 11 assets; WeCom sends at most 9 attachments with one message"});
}

}  // namespace SOPCTL_TU_ID
