#include "lint_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::test::findings;
using sopctl::test::lines;
using sopctl::test::run_lint;

TEST_CASE("lint::quiet-hours") {
  SUBCASE("the default quiet hours wrap midnight") {
    const std::string text = std::string("sop: p\n") + sopctl::test::k_full_setup +
                             "tasks:\n"
                             "  - {id: early, type: education, at: \"07:59\", day: 1}\n"  // 7
                             "  - {id: morning, type: education, at: \"08:00\", day: 2}\n"
                             "  - {id: evening, type: education, at: \"21:59\", day: 3}\n"
                             "  - {id: late, type: education, at: \"22:00\", day: 4}\n"  // 10
                             "  - {id: all-day, type: education, day: 5}\n";
    CHECK(findings(run_lint(text), "quiet-hours") ==
          std::vector<std::string>{
              "7:38 task 'early' is sent at 07:59, inside the quiet hours 22:00-08:00",
              "10:37 task 'late' is sent at 22:00, inside the quiet hours 22:00-08:00"});
  }
  SUBCASE("the SOP's own quiet hours, not wrapping") {
    const std::string text = std::string("sop: p\n") + sopctl::test::k_full_setup +
                             "limits: {quiet_hours: \"12:00-14:00\"}\n"
                             "tasks:\n"
                             "  - {id: lunch, type: education, at: \"12:30\", day: 1}\n"  // 8
                             "  - {id: late, type: education, at: \"23:00\", day: 2}\n";
    CHECK(lines(run_lint(text), "quiet-hours") == std::vector<int>{8});
  }
}

TEST_CASE("lint::missing-setup") {
  SUBCASE("no setup at all: three findings at sop:") {
    CHECK(findings(run_lint("title: x\nsop: p\ntasks: []\n"), "missing-setup") ==
          std::vector<std::string>{
              "2:6 no group announcement (setup.announcement, 群公告) for new members",
              "2:6 no welcome message (setup.welcome, 入群欢迎语) for new members",
              "2:6 no group rules (setup.rules, 群规则) for new members"});
  }
  SUBCASE("a partial setup: the missing items at setup:") {
    const std::string text =
        "sop: p\n"
        "setup:\n"
        "  welcome: 欢迎\n"
        "  rules: []\n"
        "tasks: []\n";
    CHECK(findings(run_lint(text), "missing-setup") ==
          std::vector<std::string>{
              "2:1 no group announcement (setup.announcement, 群公告) for new members",
              "2:1 no group rules (setup.rules, 群规则) for new members"});
  }
  SUBCASE("a full setup") {
    CHECK(findings(run_lint(std::string("sop: p\n") + sopctl::test::k_full_setup + "tasks: []\n"),
                   "missing-setup")
              .empty());
  }
}

TEST_CASE("lint::sensitive-word") {
  const std::string text =
      "sop: p\n"
      "setup:\n"
      "  announcement: \"有问题私聊助教,不要加微信\"\n"  // 3
      "  welcome: 欢迎\n"
      "  rules: [不发广告, 禁止发VX号]\n"  // 5
      "  keywords:\n"
      "    - {match: 返现, reply: \"本群没有返利活动\"}\n"  // 7
      "  sensitive_words: [加微信, 返利, vx]\n"
      "tasks:\n"
      "  - {id: t, type: education, at: \"10:00\", day: 1, script: \"想要资料的加微信 "
      "abc\"}\n"  // 10
      "  - {id: ok, type: education, at: \"11:00\", day: 1, script: \"资料在群文件\"}\n";
  CHECK(
      findings(run_lint(text), "sensitive-word") ==
      std::vector<std::string>{
          "3:17 the announcement contains the sensitive word '加微信' from setup.sensitive_words; "
          "the ad monitor would flag the group's own message",
          "5:17 the group rules contains the sensitive word 'vx' from setup.sensitive_words; the "
          "ad "
          "monitor would flag the group's own message",
          "7:26 the reply to keyword '返现' contains the sensitive word '返利' from "
          "setup.sensitive_words; the ad monitor would flag the group's own message",
          "10:59 the script of task 't' contains the sensitive word '加微信' from "
          "setup.sensitive_words; the ad monitor would flag the group's own message"});
}

TEST_CASE("lint::keyword-conflict") {
  const std::string text = std::string("sop: p\n") +
                           "setup:\n"
                           "  announcement: 公告\n"
                           "  welcome: 欢迎\n"
                           "  rules: [不发广告]\n"
                           "  keywords:\n"
                           "    - {match: 优惠券, reply: \"第 5 天直播间发券\"}\n"  // 7
                           "    - {match: 回放, reply: \"回放在群文件\"}\n"
                           "    - {match: 回放, reply: \"回放在群文件\"}\n"  // same reply: fine
                           "    - {match: 优惠券, reply: \"券已发完\"}\n"    // 10
                           "tasks: []\n";
  CHECK(
      findings(run_lint(text), "keyword-conflict") ==
      std::vector<std::string>{
          "10:15 keyword '优惠券' already has a different reply (line 7); only one reply is sent"});
}

}  // namespace SOPCTL_TU_ID
