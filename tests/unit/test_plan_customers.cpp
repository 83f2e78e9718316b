#include <sopctl/base/error.hpp>
#include <sopctl/load/customers.hpp>
#include <sopctl/load/loader.hpp>
#include <sopctl/plan/plan.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

struct World {
  Diagnostics diags;
  std::vector<Sop> sops;
  Roster roster;
  Calendar calendar;
  Customers customers;

  explicit World(const std::string& sop) {
    sops.push_back(load_sop(sop, "s.sop.yaml", diags));
    load_roster_yaml(
        "staff:\n  - {id: wanzi, name: 小丸子, roles: [owner]}\n  - {id: li, name: 李顾问, roles: "
        "[owner, advisor]}\ngroups: []\n",
        "r.yaml", roster, diags);
    validate_references(sops, roster, diags);
    REQUIRE(diags.empty());
    customers = load_customers(
        "customer_id,name,owner,added,tags,expires\n"
        "c1,王小美,wanzi,2026-12-01,B+,2026-12-10\n"
        "c2,陈晨,li,2026-12-02,B+;已购,\n"
        "c3,林一,li,2026-12-03,A,2026-12-20\n",
        "c.csv", roster);
  }

  Plan plan(std::string staff = {}, const CustomerEvents* events = nullptr) {
    PlanRequest req;
    req.customers = &customers;
    req.customer_events = events;
    req.staff = std::move(staff);
    return expand_plan(sops, roster, calendar, req);
  }
};

std::vector<std::string> summary(const Plan& p) {
  std::vector<std::string> out;
  for (const PlanItem& i : p.items) {
    out.push_back(format_date(i.date) + " " + i.customer->id + " " + i.task->id.value + " " +
                  i.staff.front()->id.value + " " + i.script);
  }
  return out;
}

const char* k_follow = R"(sop: follow
kind: customer
target: {tags_any: [B+, A], tags_none: [已购]}
until: [order]
tasks:
  - {id: hello, type: education, at: "10:00", day: 1, script: "{customer_name}你好,我是{owner}"}
  - {id: case, type: education, at: "20:00", day: 2, script: "第{day}天"}
)";

}  // namespace

TEST_CASE("plan: customer SOPs") {
  SUBCASE("day 1 is each targeted customer's anchor; owner defaults to theirs") {
    World w(k_follow);
    CHECK(summary(w.plan()) ==
          std::vector<std::string>{
              "2026-12-01 c1 hello wanzi 王小美你好,我是小丸子", "2026-12-02 c1 case wanzi 第2天",
              "2026-12-03 c3 hello li 林一你好,我是李顾问", "2026-12-04 c3 case li 第2天"});
    const Plan p = w.plan();
    CHECK(p.items[0].group == nullptr);
    CHECK(display_name(p.items[0]) == "王小美");
    CHECK(target_id(p.items[0]) == "c1");
    CHECK(p.items[0].key.size() == 16);
  }
  SUBCASE("--staff keeps that owner's customers") {
    World w(k_follow);
    CHECK(summary(w.plan("li")).size() == 2);
  }
  SUBCASE("items after the first until event are dropped") {
    World w(k_follow);
    CustomerEvents ev;
    const auto at = [](int d, int h) {
      return static_cast<std::int64_t>(Date::from_ymd(2026, 12, d).days) * 86400 + h * 3600;
    };
    ev.first["c1"] = {{"view", at(1, 9)}, {"order", at(2, 15)}};
    ev.first["c3"] = {{"order", at(3, 9)}};  // before the greeting
    CHECK(summary(w.plan({}, &ev)) ==
          std::vector<std::string>{"2026-12-01 c1 hello wanzi 王小美你好,我是小丸子"});
  }
  SUBCASE("anchor: expires counts back; {countdown} is days to day 1") {
    World w(R"(sop: renew
kind: customer
anchor: expires
tasks:
  - {id: remind, type: retention, at: "11:00", day: -7, script: "还有{countdown}天"}
)");
    CHECK(summary(w.plan()) == std::vector<std::string>{"2026-12-03 c1 remind wanzi 还有7天",
                                                        "2026-12-13 c3 remind li 还有7天"});
  }
  SUBCASE("a customer SOP without customers, or on a column without dates") {
    World w(R"(sop: renew
kind: customer
anchor: paid
tasks:
  - {id: remind, type: retention, at: "11:00", day: 1}
)");
    CHECK_THROWS_WITH_AS(w.plan(), doctest::Contains("column 'paid', which c.csv lacks"), Error);
    PlanRequest req;
    CHECK_THROWS_WITH_AS(expand_plan(w.sops, w.roster, w.calendar, req),
                         doctest::Contains("it needs a customers file"), Error);
  }
}

}  // namespace SOPCTL_TU_ID
