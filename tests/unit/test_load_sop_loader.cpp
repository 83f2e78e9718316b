#include <sopctl/base/error.hpp>
#include <sopctl/load/loader.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Diagnostics;
using sopctl::load_sop;
using sopctl::Sop;

namespace {

// Expected findings, one a line (a string, so that doctest prints a mismatch).
std::string lines(std::initializer_list<std::string> lines) {
  std::string out;
  for (const auto& l : lines) {
    out += l + "\n";
  }
  return out;
}

// "line:col rule: message" per diagnostic, in the order reported.
std::string findings(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags) {
    out += std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + " " + d.rule + ": " +
           d.message + "\n";
  }
  return out;
}

std::string findings_of(const std::string& text) {
  Diagnostics diags;
  // With its cross-file checks, as every command loads it (no roster here).
  const std::vector<sopctl::Sop> sops{load_sop(text, "camp.sop.yaml", diags)};
  sopctl::validate_references(sops, sopctl::Roster{}, diags);
  for (const auto& d : diags) {
    CHECK(d.loc.file == "camp.sop.yaml");
    CHECK(d.severity == sopctl::Severity::error);
  }
  return findings(diags);
}

// A valid SOP head, so that each case below adds only the tasks under test.
const std::string k_head =
    "sop: camp-7d\n"
    "phases:\n"
    "  - {id: camp, name: 正式期, from: 1, to: 7}\n"
    "tasks:\n";

sopctl::Error error_of(const std::string& text) {
  try {
    Diagnostics diags;
    load_sop(text, "camp.sop.yaml", diags);
  } catch (const sopctl::Error& e) {
    return e;
  }
  FAIL("no error thrown");
  return sopctl::Error("");
}

const std::string k_full = R"(sop: camp-7d
title: 7天美妆训练营
description: 低价训练营,7天转正价课
timezone: Asia/Shanghai
goal: {metric: order, target: 0.20}
phases:
  - {id: warmup,  name: 预热期, from: -3, to: -1}
  - {id: camp,    name: 正式期, from: 1,  to: 7}
  - {id: closing, name: 收尾期, from: 8,  to: 9}
setup:
  group_name: "小丸子美妆研讨所{letter}"
  announcement: "本群为{group_name},{{不是}}广告群"
  welcome: "欢迎 %NICKNAME% 加入"
  rules: ["不发广告", "不拉人"]
  keywords: [{match: 优惠券, reply: "第{day}天的优惠券"}]
  sensitive_words: [加微信, 返利]
limits:
  quiet_hours: "22:30-07:45"
  max_posts_per_group_per_day: 5
  mass_sends: {per: week, max: 3}
funnel: [join_group, read, signup, order]
metrics:
  acquisition: join_group
  revenue: [order, renew]
tasks:
  - id: morning-read
    title: 每日早读
    type: retention
    channel: group
    owner: assistant
    at: "08:00"
    duration: 1h30m
    every: day
    phase: camp
    on_holiday: next-workday
    script: "早上好,今天是第{day}天:{phase_name}"
    assets: [poster-d1.png]
  - id: countdown
    at: 20:00
    days: "-3..-1"
    script: |
      还有{countdown}天开营
  - {id: open, day: 1, from: 1, to: 2}
)";

}  // namespace

TEST_CASE("load::sop") {
  SUBCASE("a full valid SOP gives no findings and fills every section") {
    Diagnostics diags;
    const Sop sop = load_sop(k_full, "camp.sop.yaml", diags);
    CHECK(findings(diags) == lines({}));
    CHECK(sop.path == "camp.sop.yaml");
    CHECK(sop.id.value == "camp-7d");
    CHECK(sop.id.loc.str() == "camp.sop.yaml:1:6");
    CHECK(sop.title.value == "7天美妆训练营");
    CHECK(sop.description.value == "低价训练营,7天转正价课");
    CHECK(sop.timezone.value == "Asia/Shanghai");
    REQUIRE(sop.goal);
    CHECK(sop.goal->metric.value == "order");
    CHECK(sop.goal->target.value == doctest::Approx(0.20));
    REQUIRE(sop.phases.size() == 3);
    CHECK(sop.phases[0].id.value == "warmup");
    CHECK(sop.phases[0].name.value == "预热期");
    CHECK(sop.phases[0].from.day == -3);
    CHECK(sop.phases[0].to.day == -1);
    CHECK(sop.find_phase("closing") == &sop.phases[2]);
    CHECK(sop.find_phase("nope") == nullptr);
    CHECK(sop.setup.present);
    CHECK(sop.setup.group_name.value == "小丸子美妆研讨所{letter}");
    CHECK(sop.setup.rules.size() == 2);
    REQUIRE(sop.setup.keywords.size() == 1);
    CHECK(sop.setup.keywords[0].match.value == "优惠券");
    CHECK(sop.setup.sensitive_words.size() == 2);
    CHECK(sop.limits.quiet_start == 22 * 60 + 30);
    CHECK(sop.limits.quiet_end == 7 * 60 + 45);
    CHECK(sop.limits.max_posts_per_group_per_day == 5);
    CHECK(sop.limits.mass_sends.per == sopctl::MassQuota::Per::week);
    CHECK(sop.limits.mass_sends.max == 3);
    CHECK(sop.funnel.size() == 4);
    CHECK(sop.metrics.present);
    CHECK(sop.metrics.acquisition.size() == 1);
    CHECK(sop.metrics.revenue.size() == 2);
    REQUIRE(sop.tasks.size() == 3);
    const auto& t = sop.tasks[0];
    CHECK(t.loc.str() == "camp.sop.yaml:26:5");
    CHECK(t.id.value == "morning-read");
    CHECK(t.type.value == "retention");
    CHECK(t.owner.value == "assistant");
    REQUIRE(t.at);
    CHECK(t.at->value == 8 * 60);
    CHECK(t.at->loc.str() == "camp.sop.yaml:31:9");
    CHECK(t.duration_minutes == 90);
    REQUIRE(t.selector);
    CHECK(t.selector->kind == sopctl::Selector::Kind::every);
    CHECK(t.selector->every == sopctl::EveryKind::day);
    CHECK(t.selector->loc.str() == "camp.sop.yaml:33:5");
    CHECK(t.phase.value == "camp");
    CHECK(t.on_holiday == sopctl::OnHoliday::next_workday);
    CHECK(t.assets.size() == 1);
    CHECK(sop.tasks[1].at->value == 20 * 60);
    CHECK(sop.tasks[1].selector->days == std::vector<int>{-3, -2, -1});
    CHECK(sop.tasks[1].script.value == "还有{countdown}天开营\n");
    CHECK(sop.tasks[1].channel.value == "group");  // the default
    CHECK(sop.tasks[1].type.value.empty());
    CHECK(sop.tasks[2].from->day == 1);
    CHECK(sop.tasks[2].to->day == 2);
  }

  SUBCASE("misspelt key: did-you-mean at the key") {
    CHECK(findings_of(k_head + "  - id: a\n    evry: day\n") ==
          lines({"6:5 unknown-key: unknown key 'evry' (did you mean 'every'?)",
                 "5:5 no-selector: task 'a' has no schedule: give one of day, days, date, dates or "
                 "every"}));
  }

  SUBCASE("unknown key without a close match lists the keys") {
    CHECK(findings_of("sop: x\ntasks: []\nfoo: 1\n") ==
          lines({"3:1 unknown-key: unknown key 'foo' (expected one of: version, sop, kind, title, "
                 "description, timezone, anchor, target, until, goal, phases, setup, limits, "
                 "funnel, metrics, tasks)"}));
  }

  SUBCASE("columns count characters on a CJK line") {
    CHECK(findings_of(k_head + "  - {id: a, title: 每日早读, day: 1, tpye: retention}\n") ==
          lines({"5:34 unknown-key: unknown key 'tpye' (did you mean 'type'?)"}));
  }

  SUBCASE("a BOM does not shift the columns") {
    CHECK(findings_of("\xEF\xBB\xBFsop: x\ntasks: []\nttle: a\n") ==
          lines({"3:1 unknown-key: unknown key 'ttle' (did you mean 'title'?)"}));
  }

  SUBCASE("duplicate key") {
    CHECK(findings_of("sop: x\ntitle: a\ntasks: []\ntitle: b\n") ==
          lines({"4:1 duplicate-key: duplicate key 'title' (first on line 2)"}));
  }

  SUBCASE("missing sop and tasks") {
    CHECK(findings_of("title: a\n") ==
          lines({"1:1 missing-key: missing key 'sop' (the SOP's id, e.g. sop: camp-7d)",
                 "1:1 missing-key: missing key 'tasks' (the list of scheduled tasks)"}));
  }

  SUBCASE("a file that is not a mapping") {
    CHECK(findings_of("- a\n- b\n") == lines({"1:1 wrong-type: an SOP file must be a mapping of "
                                              "keys such as sop, title and tasks"}));
  }

  SUBCASE("bad ids") {
    CHECK(findings_of("sop: Camp 7d\ntasks:\n  - {id: Morning, day: 1}\n  - {day: 2}\n") ==
          lines({"1:6 bad-id: bad SOP id 'Camp 7d': use lowercase letters, digits, '-' and '_', "
                 "starting "
                 "with a letter or digit",
                 "3:10 bad-id: bad task id 'Morning': use lowercase letters, digits, '-' and '_', "
                 "starting "
                 "with a letter or digit",
                 "4:5 missing-key: missing key 'id' in task"}));
  }

  SUBCASE("duplicate task id names the first line") {
    CHECK(
        findings_of(k_head + "  - {id: morning-read, day: 1}\n  - {id: morning-read, day: 2}\n") ==
        lines({"6:10 duplicate-id: duplicate task id 'morning-read' (first defined on line 5)"}));
  }

  SUBCASE("enumerations: bad values with a did-you-mean, default channel") {
    Diagnostics diags;
    const Sop sop = load_sop(k_head +
                                 "  - {id: a, day: 1, type: conversation, channel: moment, "
                                 "on_holiday: next_workday}\n",
                             "camp.sop.yaml", diags);
    CHECK(
        findings(diags) ==
        lines(
            {"5:27 bad-value: bad type 'conversation': expected one of fission, conversion, "
             "activity, "
             "retention, education, setup, review (did you mean 'conversion'?)",
             "5:50 bad-value: bad channel 'moment': expected one of group, mass, private, moments, "
             "announcement, live (did you mean 'moments'?)",
             "5:70 bad-value: bad on_holiday value 'next_workday': expected one of keep, skip, "
             "next-workday, prev-workday (did you mean 'next-workday'?)"}));
    CHECK(sop.tasks[0].channel.value == "group");
    CHECK(sop.tasks[0].on_holiday == sopctl::OnHoliday::keep);
  }

  SUBCASE("bad time, duration and quiet hours") {
    CHECK(findings_of("sop: x\nlimits: {quiet_hours: 22:00~08:00}\ntasks:\n"
                      "  - {id: a, day: 1, at: \"8:00\", duration: 30 min}\n") ==
          lines({"2:23 bad-time: bad quiet_hours '22:00~08:00': use \"HH:MM-HH:MM\", e.g. "
                 "\"22:00-08:00\"",
                 "4:25 bad-time: bad time '8:00': use HH:MM from 00:00 to 23:59",
                 "4:43 bad-duration: bad duration '30 min': use a number and a unit, like 30m, 1h "
                 "or 1h30m"}));
  }

  SUBCASE("mass send quota values") {
    CHECK(findings_of("sop: x\nlimits:\n  mass_sends: {per: year, max: lots}\ntasks: []\n") ==
          lines({"3:21 bad-value: bad 'per' value 'year': expected one of day, week, month",
                 "3:32 bad-value: bad 'max' value 'lots': expected a number of sends or "
                 "days_in_month"}));
  }

  SUBCASE("phases: missing bounds, day 0, backwards, duplicates") {
    Diagnostics diags;
    const Sop sop = load_sop(
        "sop: x\nphases:\n"
        "  - {id: a, from: 1}\n"
        "  - {id: b, from: 0, to: 3}\n"
        "  - {id: c, from: 5, to: 2}\n"
        "  - {id: c, from: 8, to: 9}\n"
        "tasks: []\n",
        "camp.sop.yaml", diags);
    CHECK(
        findings(diags) ==
        lines({"3:5 missing-key: missing key 'to' in phase 'a'",
               "4:19 day-zero: there is no day 0: day 1 is the open date and day -1 the day before",
               "5:26 bad-value: phase 'c' ends on day 2, before it starts (day 5)",
               "6:10 duplicate-id: duplicate phase id 'c' (first defined on line 5)"}));
    // Only whole phases reach the model.
    REQUIRE(sop.phases.size() == 1);
    CHECK(sop.phases[0].id.value == "c");
  }

  SUBCASE("unknown phase, with and without phases") {
    CHECK(findings_of(k_head + "  - {id: a, every: day, phase: cmap}\n") ==
          lines({"5:32 unknown-phase: unknown phase 'cmap' (did you mean 'camp'?)"}));
    CHECK(findings_of(k_head + "  - {id: a, every: day, phase: closing}\n") ==
          lines({"5:32 unknown-phase: unknown phase 'closing': the SOP's phases are camp"}));
    CHECK(findings_of("sop: x\ntasks:\n  - {id: a, every: day, phase: camp}\n") ==
          lines({"3:32 unknown-phase: unknown phase 'camp': the SOP defines no phases"}));
  }

  SUBCASE("undefined placeholders, literal braces and %NICKNAME%") {
    CHECK(
        findings_of("sop: x\nsetup:\n  welcome: \"欢迎 %NICKNAME% {{不是}} {grop}\"\n"
                    "  rules: [\"{foo_bar} 规则\"]\ntasks:\n"
                    "  - id: a\n    day: 1\n    script: |\n      第一行 {day}\n      第二行 "
                    "{phase_nam}\n") ==
        lines(
            {"3:34 undefined-placeholder: undefined placeholder '{grop}' (did you mean '{group}'?)",
             "10:11 undefined-placeholder: undefined placeholder '{phase_nam}' (did you mean "
             "'{phase_name}'?)",
             "4:12 undefined-placeholder: undefined placeholder '{foo_bar}': neither built in nor "
             "a group variable (define it in the roster: vars: {foo_bar: ...})"}));
  }

  SUBCASE("unknown time zone") {
    CHECK(findings_of("sop: x\ntimezone: Asia/Shangai\ntasks: []\n") ==
          lines({"2:11 bad-timezone: time zone 'Asia/Shangai' is not a zone of /usr/share/zoneinfo "
                 "(use an IANA name such as Asia/Shanghai) (did you mean 'Asia/Shanghai'?)"}));
  }

  SUBCASE("a time zone is never a path") {
    CHECK(findings_of("sop: x\ntimezone: ../../etc/passwd\ntasks: []\n") ==
          lines({"2:11 bad-timezone: time zone '../../etc/passwd' is not an IANA zone name "
                 "(Area/City, such as Asia/Shanghai)"}));
  }

  SUBCASE("wrong types of sections") {
    CHECK(findings_of("sop: x\nsetup: [a]\nphases: {id: a}\ntasks: day\ngoal: {target: high}\n") ==
          lines({"5:16 wrong-type: 'target' must be a number such as 0.20 or 20%",
                 "3:9 wrong-type: 'phases' must be a list of phases like {id: camp, name: 正式期, "
                 "from: 1, to: 7}",
                 "2:8 wrong-type: 'setup' must be a mapping of group_name, announcement, welcome, "
                 "rules, "
                 "keywords, sensitive_words",
                 "4:8 wrong-type: 'tasks' must be a list of tasks"}));
  }

  SUBCASE("a YAML syntax error throws with its line") {
    const auto e = error_of("sop: x\ntasks:\n  - {id: a, day: [1, 2\n");
    CHECK(e.where().file == "camp.sop.yaml");
    CHECK(e.where().line == 4);
    CHECK(std::string(e.what()) == "invalid YAML: flow sequence without a closing bracket");
    const auto e2 = error_of("sop: x\ntitle: 标题: b\n");
    CHECK(e2.where().str() == "camp.sop.yaml:2:10");
    CHECK(std::string(e2.what()) == "invalid YAML: invalid nested block mapping on the same line");
  }

  SUBCASE("invalid UTF-8 throws at its line and column") {
    const auto e = error_of("sop: x\ntitle: 好\xff\n");
    CHECK(e.where().str() == "camp.sop.yaml:2:9");
    CHECK(std::string(e.what()) == "invalid UTF-8 (save the file as UTF-8)");
  }

  SUBCASE("an empty file only lacks its keys") {
    const auto expected =
        lines({"1:1 missing-key: missing key 'sop' (the SOP's id, e.g. sop: camp-7d)",
               "1:1 missing-key: missing key 'tasks' (the list of scheduled tasks)"});
    CHECK(findings_of("") == expected);
    CHECK(findings_of("# nothing yet\n") == expected);
  }
}

}  // namespace SOPCTL_TU_ID
