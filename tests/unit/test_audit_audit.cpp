#include <sopctl/audit/audit.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/timestamp.hpp>
#include <sopctl/load/loader.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

const char* k_sop = R"(sop: s
title: t
tasks:
  - {id: read, title: 早读, type: retention, owner: assistant, at: "08:00", days: "1..3"}
  - {id: poster, title: 海报, type: fission, owner: owner, day: 1}
)";

const char* k_roster = R"(staff:
  - {id: wanzi, name: 小丸子, roles: [owner]}
  - {id: li, name: 李顾问, roles: [assistant]}
groups:
  - {id: A, name: 一群, sop: s, open: 2026-06-01, owner: wanzi, assistants: [li]}
)";

struct World {
  Diagnostics diags;
  std::vector<Sop> sops;
  Roster roster;
  Calendar calendar;
  Plan plan;

  World() {
    sops.push_back(load_sop(k_sop, "s.sop.yaml", diags));
    load_roster_yaml(k_roster, "r.yaml", roster, diags);
    validate_references(sops, roster, diags);
    REQUIRE(diags.empty());
    plan = expand_plan(sops, roster, calendar, {});
  }

  audit::Report run(const std::string& csv, std::optional<std::string> as_of = std::nullopt) {
    const audit::DoneLog log = audit::read_done_log(csv, "done.csv", {}, nullptr);
    audit::Options o;
    o.from = plan.from;
    o.to = plan.to;
    if (as_of) {
      o.as_of = parse_timestamp(*as_of)->wall;
    }
    return audit::run_audit(plan, sops, roster, nullptr, log, o);
  }
};

// "status" per planned item, in plan order.
std::vector<std::string> statuses(const audit::Report& r) {
  std::vector<std::string> out;
  for (const auto& a : r.items) {
    out.push_back(format_date(a.item->date) + " " + a.item->task->id.value + " " +
                  audit::status_name(a.status));
  }
  return out;
}

}  // namespace

TEST_CASE("audit::run_audit statuses") {
  World w;
  SUBCASE("within the grace is on time, a second later is late") {
    const auto r = w.run(
        "done_at,group,task\n"
        "2026-06-01 08:30:00,A,read\n"
        "2026-06-02 08:30:01,A,read\n"
        "2026-06-03 07:00,A,read\n");
    CHECK(statuses(r) == std::vector<std::string>{"2026-06-01 poster missed",
                                                  "2026-06-01 read on_time", "2026-06-02 read late",
                                                  "2026-06-03 read on_time"});
    CHECK(r.totals.on_time_rate() == doctest::Approx(0.5));
  }
  SUBCASE("an all-day item is on time all day, late the day after") {
    CHECK(statuses(w.run("done_at,group,task\n2026-06-01 23:59,A,poster\n")).front() ==
          "2026-06-01 poster on_time");
    // 06-02 has no poster: the latest unmatched earlier one takes it, late.
    CHECK(statuses(w.run("done_at,group,task\n2026-06-02 00:00,A,poster\n")).front() ==
          "2026-06-01 poster late");
  }
  SUBCASE("pending: after --as-of; an all-day item until its day ends") {
    const auto r = w.run("done_at,group,task\n2026-06-01 08:00,A,read\n", "2026-06-01T12:00");
    CHECK(statuses(r) ==
          std::vector<std::string>{"2026-06-01 poster pending", "2026-06-01 read on_time",
                                   "2026-06-02 read pending", "2026-06-03 read pending"});
    CHECK(r.totals.on_time_rate() == doctest::Approx(1.0));
  }
  SUBCASE("nothing due yet: no rate") {
    const auto r = w.run("done_at,group,task\n", "2026-05-01T00:00");
    CHECK_FALSE(r.totals.on_time_rate().has_value());
  }
}

TEST_CASE("audit::run_audit matching") {
  World w;
  SUBCASE("by key, by group name and task title") {
    const std::string key = w.plan.items[2].key;  // read on 06-02
    const auto r = w.run("done_at,key,group,task\n2026-06-02 08:05," + key +
                         ",,\n2026-06-01 09:00,,一群,海报\n");
    CHECK(statuses(r) ==
          std::vector<std::string>{"2026-06-01 poster on_time", "2026-06-01 read missed",
                                   "2026-06-02 read on_time", "2026-06-03 read pending"});
  }
  SUBCASE("a record with no item that day takes the latest unmatched earlier one") {
    const auto r = w.run(
        "done_at,group,task\n"
        "2026-06-03 08:00,A,read\n"
        "2026-06-03 09:00,A,read\n"    // 06-03's is done: takes 06-02's
        "2026-06-03 10:00,A,read\n"    // then 06-01's
        "2026-06-03 11:00,A,read\n"    // nothing left: unplanned
        "2026-06-09 11:00,A,read\n");  // after the range: not counted
    CHECK(statuses(r) == std::vector<std::string>{"2026-06-01 poster missed",
                                                  "2026-06-01 read late", "2026-06-02 read late",
                                                  "2026-06-03 read on_time"});
    REQUIRE(r.unplanned.size() == 1);
    CHECK(r.unplanned[0].record.line == 5);
    CHECK(r.totals.unplanned == 1);
    CHECK(r.out_of_range == 1);
  }
  SUBCASE("records are taken in done_at order, not file order") {
    const auto r = w.run(
        "done_at,group,task\n"
        "2026-06-05 10:00,A,read\n"
        "2026-06-05 09:00,A,read\n");
    // 09:00 takes the latest earlier item (06-03), 10:00 the next (06-02).
    CHECK(r.items[3].done_line == 3);
    CHECK(r.items[2].done_line == 2);
  }
  SUBCASE("the same record twice is counted once") {
    const auto r = w.run("done_at,group,task\n2026-06-01 08:00,A,read\n2026-06-01 08:00,A,read\n");
    CHECK(r.duplicates == 1);
    CHECK(r.totals.unplanned == 0);
  }
  SUBCASE("unknown key, group or task: Error naming the line") {
    CHECK_THROWS_WITH_AS(w.run("done_at,key\n2026-06-01 08:00,0123456789abcdef\n"),
                         doctest::Contains("done.csv:2: no planned item has key"), Error);
    CHECK_THROWS_WITH_AS(w.run("done_at,group,task\n2026-06-01 08:00,Z,read\n"),
                         doctest::Contains("done.csv:2: no group 'Z'"), Error);
    CHECK_THROWS_WITH_AS(w.run("done_at,group,task\n2026-06-01 08:00,A,raed\n"),
                         doctest::Contains("did you mean 'read'"), Error);
  }
}

}  // namespace SOPCTL_TU_ID
