#pragma once
// A small plan built in memory for renderer tests: two SOPs, three staff, two
// groups and four items over three dates (an all-day item, CJK titles, an
// item without day or phase, a script with a newline and a `|`, a title with
// a comma and quotes). Items point into the fixture, so it cannot be copied.

#include <sopctl/plan/plan.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sopctl::test {

struct PlanFixture {
  std::vector<Sop> sops;
  Roster roster;
  Plan plan;

  PlanFixture() {
    sops.resize(2);
    Sop& camp = sops[0];
    camp.id = std::string("camp-7d");
    camp.title = std::string("7天美妆训练营");
    camp.phases.resize(2);
    camp.phases[0].id = std::string("warmup");
    camp.phases[0].name = std::string("预热期");
    camp.phases[1].id = std::string("camp");
    camp.phases[1].name = std::string("正式期");
    camp.tasks = {
        make_task("warmup-poster", "预热海报", "fission", "moments", {"poster-d1.png"}),
        make_task("morning-read", "每日早读", "retention", "group", {}),
        make_task("live-qa", "直播答疑", "education", "live", {}),
    };
    Sop& promo = sops[1];
    promo.id = std::string("dec-promo");
    promo.title = std::string("双12大促");
    promo.tasks = {
        make_task("flash-sale", "秒杀,\"限时\"", "conversion", "mass", {"a.png", "b.png"})};

    roster.staff.resize(3);
    set_staff(roster.staff[0], "wanzi", "小丸子");
    set_staff(roster.staff[1], "li", "李顾问");
    set_staff(roster.staff[2], "amy", "Amy");
    roster.groups.resize(2);
    Group& a = roster.groups[0];
    a.id = std::string("A");
    a.name = std::string("小丸子美妆研讨所A");
    a.sop = std::string("camp-7d");
    a.open = Located<Date>(Date::from_ymd(2026, 12, 3));
    a.owner = std::string("wanzi");
    Group& b = roster.groups[1];
    b.id = std::string("B");
    b.name = std::string("双12福利群B");
    b.sop = std::string("dec-promo");
    b.owner = std::string("amy");

    const Staff* wanzi = &roster.staff[0];
    const Staff* li = &roster.staff[1];
    const Staff* amy = &roster.staff[2];
    plan.from = Date::from_ymd(2026, 12, 1);
    plan.to = Date::from_ymd(2026, 12, 31);
    plan.items = {
        item(Date::from_ymd(2026, 12, 1), -1, a, camp, camp.tasks[0], -2, &camp.phases[0], {wanzi},
             "还有2天开营", wanzi),
        item(Date::from_ymd(2026, 12, 3), 8 * 60, a, camp, camp.tasks[1], 1, &camp.phases[1], {li},
             "早上好,今天是第1天:正式期", wanzi),
        item(Date::from_ymd(2026, 12, 3), 20 * 60, a, camp, camp.tasks[2], 1, &camp.phases[1],
             {wanzi, li}, "今晚8点直播|答疑\n记得准时来", wanzi),
        item(Date::from_ymd(2026, 12, 12), 10 * 60, b, promo, promo.tasks[0], std::nullopt, nullptr,
             {amy}, "全场5折", amy),
    };
    assign_keys(plan.items);
  }
  PlanFixture(const PlanFixture&) = delete;
  PlanFixture& operator=(const PlanFixture&) = delete;

  // The same range with no items.
  Plan empty_plan() const {
    Plan p;
    p.from = plan.from;
    p.to = plan.to;
    return p;
  }

private:
  static Task make_task(const char* id, const char* title, const char* type, const char* channel,
                        const std::vector<std::string>& assets) {
    Task t;
    t.id = std::string(id);
    t.title = std::string(title);
    t.type = std::string(type);
    t.channel = std::string(channel);
    for (const auto& asset : assets) {
      t.assets.emplace_back(asset);
    }
    return t;
  }

  static void set_staff(Staff& s, const char* id, const char* name) {
    s.id = std::string(id);
    s.name = std::string(name);
  }

  static PlanItem item(Date date, int time, const Group& group, const Sop& sop, const Task& task,
                       std::optional<int> day, const Phase* phase, std::vector<const Staff*> staff,
                       const char* script, const Staff* owner) {
    PlanItem it;
    it.date = date;
    it.time = time;
    it.group = &group;
    it.sop = &sop;
    it.task = &task;
    it.day = day;
    it.phase = phase;
    it.staff = std::move(staff);
    it.group_owner = owner;
    it.group_name = group.name.value;
    it.script = script;
    return it;
  }
};

}  // namespace sopctl::test
