#include <sopctl/load/loader.hpp>
#include <sopctl/notify/notify.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

// A day of `n` posts at 08:00.. for one owner, each with a script of
// `script_bytes` bytes of CJK text.
struct Day {
  Diagnostics diags;
  std::vector<Sop> sops;
  Roster roster;
  Calendar calendar;
  Plan plan;

  Day(int n, int script_chars) {
    std::string sop = "sop: s\ntitle: t\ntasks:\n";
    for (int i = 0; i < n; ++i) {
      std::string script;
      for (int k = 0; k < script_chars; ++k) {
        script += "好";
      }
      sop += "  - {id: t" + std::to_string(i) + ", title: 任务" + std::to_string(i) +
             ", type: education, owner: owner, at: \"" + format_time_of_day(8 * 60 + i) +
             "\", day: 1, script: \"" + script + "\"}\n";
    }
    sop += "  - {id: all-day, title: 全天海报, type: fission, owner: owner, day: 1}\n";
    sops.push_back(load_sop(sop, "s.sop.yaml", diags));
    load_roster_yaml(
        "staff:\n  - {id: wanzi, name: 小丸子, roles: [owner], wecom_userid: WanZi}\n"
        "  - {id: idle, name: 闲, roles: [assistant]}\ngroups:\n"
        "  - {id: A, name: 一群, sop: s, open: 2026-12-03, owner: wanzi}\n",
        "r.yaml", roster, diags);
    validate_references(sops, roster, diags);
    REQUIRE(diags.empty());
    PlanRequest req;
    req.from = Date::from_ymd(2026, 12, 3);
    req.to = req.from;
    plan = expand_plan(sops, roster, calendar, req);
  }
};

// The content of a payload (a JSON string, escapes undone for \n and \").
std::string content_of(const std::string& payload) {
  const std::string key = "\"content\":\"";
  const std::size_t start = payload.find(key) + key.size();
  std::string out;
  for (std::size_t i = start; i < payload.size() && payload[i] != '"'; ++i) {
    if (payload[i] == '\\') {
      ++i;
      out += payload[i] == 'n' ? '\n' : payload[i];
    } else {
      out += payload[i];
    }
  }
  return out;
}

notify::Slot day_slot() {
  notify::Slot s;
  s.date = Date::from_ymd(2026, 12, 3);
  return s;
}

}  // namespace

TEST_CASE("notify::build_digests") {
  SUBCASE("one digest per staff member with items; the whole day has all-day items") {
    Day day(3, 4);
    const auto d =
        notify::build_digests(day.plan, day.roster, day_slot(), notify::Style::markdown, "");
    REQUIRE(d.size() == 1);
    CHECK(d[0].staff->id.value == "wanzi");
    CHECK(d[0].items == 4);
    const std::string c = content_of(d[0].payload);
    CHECK(c.find("**SOP提醒 · 小丸子**") == 0);
    CHECK(c.find("共 4 项") != std::string::npos);
    // Plan order: the all-day item first, then by time.
    CHECK(c.find("**1. 全天** 一群 · 全天海报\n") != std::string::npos);
    CHECK(c.find("**2. 08:00** 一群 · 任务0\n> 好好好好\n") != std::string::npos);
    CHECK(c.substr(c.size() - 8) == "<@WanZi>");
  }
  SUBCASE("a slot takes the timed items from --at for --within") {
    Day day(5, 4);
    notify::Slot slot = day_slot();
    slot.at = 8 * 60 + 1;
    slot.within_minutes = 2;
    const auto d = notify::build_digests(day.plan, day.roster, slot, notify::Style::text, "");
    REQUIRE(d.size() == 1);
    CHECK(d[0].items == 2);
    const std::string c = content_of(d[0].payload);
    CHECK(c.find("12月3日 周四 08:01–08:03 · 共 2 项") != std::string::npos);
    CHECK(d[0].payload.find(R"("mentioned_list":["WanZi"])") != std::string::npos);
  }
  SUBCASE("a long day is split on item boundaries into numbered parts within the limit") {
    Day day(40, 100);  // 40 scripts of 300 bytes: about 13 kB
    for (const auto style : {notify::Style::markdown, notify::Style::text}) {
      const auto d = notify::build_digests(day.plan, day.roster, day_slot(), style, "");
      const std::size_t limit =
          style == notify::Style::markdown ? notify::k_markdown_limit : notify::k_text_limit;
      REQUIRE(d.size() > 2);
      std::size_t items = 0;
      for (std::size_t i = 0; i < d.size(); ++i) {
        const std::string c = content_of(d[i].payload);
        CHECK(c.size() <= limit);
        CHECK(d[i].part == static_cast<int>(i) + 1);
        CHECK(d[i].parts == static_cast<int>(d.size()));
        CHECK(c.find("（" + std::to_string(i + 1) + "/" + std::to_string(d.size()) + "）") !=
              std::string::npos);
        items += d[i].items;
      }
      CHECK(items == 41);
    }
  }
  SUBCASE("a script longer than a message is cut to fit, marked with ……") {
    Day day(1, 1500);  // 4500 bytes
    const auto d =
        notify::build_digests(day.plan, day.roster, day_slot(), notify::Style::markdown, "");
    REQUIRE(d.size() == 2);  // the all-day item no longer fits beside it
    CHECK(content_of(d[0].payload).size() <= notify::k_markdown_limit);
    CHECK(content_of(d[1].payload).size() <= notify::k_markdown_limit);
    CHECK(content_of(d[1].payload).find("好……\n") != std::string::npos);
  }
  SUBCASE("--send URL replaces each staff member's robot") {
    Day day(1, 2);
    const auto d = notify::build_digests(day.plan, day.roster, day_slot(), notify::Style::markdown,
                                         "http://127.0.0.1:9/r");
    CHECK(d[0].robot == "http://127.0.0.1:9/r");
  }
}

TEST_CASE("notify::mask_robot") {
  CHECK(notify::mask_robot("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a-5aaa") ==
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=*****5aaa");
  CHECK(notify::mask_robot("https://x/send?key=abc&debug=1") == "https://x/send?key=abc&debug=1");
  CHECK(notify::mask_robot("https://x/send?key=abcdefgh&debug=1") ==
        "https://x/send?key=****efgh&debug=1");
  CHECK(notify::mask_robot("http://127.0.0.1:8080/robot") == "http://127.0.0.1:8080/robot");
}

TEST_CASE("notify::Slot") {
  notify::Slot s = day_slot();
  PlanItem item;
  item.date = s.date;
  item.time = -1;
  CHECK(s.contains(item));
  s.at = 8 * 60;
  CHECK_FALSE(s.contains(item));  // all-day items only in whole-day digests
  item.time = 8 * 60 + 59;
  CHECK(s.contains(item));
  item.time = 9 * 60;
  CHECK_FALSE(s.contains(item));
  item.date = s.date + 1;
  item.time = 8 * 60;
  CHECK_FALSE(s.contains(item));
}

}  // namespace SOPCTL_TU_ID
