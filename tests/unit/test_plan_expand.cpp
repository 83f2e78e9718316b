#include <sopctl/base/error.hpp>
#include <sopctl/calendar/calendar.hpp>
#include <sopctl/load/loader.hpp>
#include <sopctl/plan/plan.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

// The same staff, with group A opened in September (for October holidays).
const char* k_roster_september = R"(staff:
  - {id: wanzi, name: 小丸子, roles: [owner]}
  - {id: li, name: 李顾问, roles: [assistant]}
  - {id: zhou, name: 周助教, roles: [assistant]}
groups:
  - {id: A, sop: s, open: 2026-09-01, owner: wanzi, assistants: [li]}
)";

const char* k_roster = R"(staff:
  - {id: wanzi, name: 小丸子, roles: [owner]}
  - {id: li, name: 李顾问, roles: [assistant, advisor]}
  - {id: zhou, name: 周助教, roles: [assistant]}
groups:
  - {id: A, sop: s, open: 2026-12-03, owner: wanzi, assistants: [li]}
  - {id: B, sop: s, open: 2026-12-28, owner: wanzi, assistants: [zhou, li], letter: 乙}
)";

// Loads one SOP and the roster above (or another), failing the test on any
// loader finding, and expands the plan.
struct World {
  Diagnostics diags;
  std::vector<Sop> sops;
  Roster roster;
  Calendar calendar;

  explicit World(const std::string& sop_yaml, bool allow_findings = false,
                 const char* roster_yaml = k_roster) {
    sops.push_back(load_sop(sop_yaml, "s.sop.yaml", diags));
    load_roster_yaml(roster_yaml, "r.yaml", roster, diags);
    validate_references(sops, roster, diags);
    for (const auto& d : diags) {
      if (!allow_findings) {
        FAIL_CHECK(d.loc.str() << ": " << d.message);
      }
    }
  }

  Plan plan(const char* from, const char* to, std::vector<std::string> groups = {},
            std::string staff = {}) {
    PlanRequest req;
    req.from = *parse_date(from);
    req.to = *parse_date(to);
    req.groups = std::move(groups);
    req.staff = std::move(staff);
    return expand_plan(sops, roster, calendar, req);
  }
};

// "date group task" per item, for compact assertions.
std::vector<std::string> summary(const Plan& p) {
  std::vector<std::string> out;
  for (const auto& it : p.items) {
    out.push_back(format_date(it.date) + " " + it.group->id.value + " " + it.task->id.value);
  }
  return out;
}

std::string sop_with(const std::string& tasks, const std::string& extra = "") {
  return "sop: s\ntitle: t\n" + extra + "tasks:\n" + tasks;
}

}  // namespace

TEST_CASE("plan::expand_plan") {
  SUBCASE("day 1 is the open date and day -1 the day before") {
    World w(
        sop_with("  - {id: d1, day: 1, at: \"09:00\"}\n  - {id: dm1, day: -1, at: \"09:00\"}\n"));
    auto p = w.plan("2026-12-01", "2026-12-31", {"A"});
    CHECK(summary(p) == std::vector<std::string>{"2026-12-02 A dm1", "2026-12-03 A d1"});
    CHECK(p.items[0].day == -1);
    CHECK(p.items[1].day == 1);
  }
  SUBCASE("a camp that crosses a month end is split between the months") {
    World w(sop_with("  - {id: t, days: \"1..7\", at: \"08:00\"}\n"));
    CHECK(w.plan("2026-12-01", "2026-12-31", {"B"}).items.size() == 4);
    auto jan = w.plan("2027-01-01", "2027-01-31", {"B"});
    REQUIRE(jan.items.size() == 3);
    CHECK(jan.items.front().day == 5);
    CHECK(jan.items.back().day == 7);
  }
  SUBCASE("every day of a phase") {
    World w(sop_with("  - {id: read, every: day, phase: camp, at: \"08:00\"}\n",
                     "phases:\n  - {id: camp, name: 正式期, from: 1, to: 3}\n"));
    auto p = w.plan("2026-12-01", "2026-12-31", {"A"});
    CHECK(summary(p) ==
          std::vector<std::string>{"2026-12-03 A read", "2026-12-04 A read", "2026-12-05 A read"});
    CHECK(p.items[0].phase->name.value == "正式期");
  }
  SUBCASE("every listed weekday within from/to dates") {
    World w(sop_with(
        "  - {id: w, every: [mon, thu], from: 2026-12-01, to: 2026-12-10, at: \"10:00\"}\n"));
    auto p = w.plan("2026-11-01", "2026-12-31", {"A"});
    CHECK(summary(p) ==
          std::vector<std::string>{"2026-12-03 A w", "2026-12-07 A w", "2026-12-10 A w"});
  }
  SUBCASE("a month day missing from a month is skipped") {
    World w(sop_with("  - {id: m, every: {month_day: [30]}, at: \"10:00\"}\n"));
    // A dated SOP reaches group A from its open date (2026-12-03) on.
    auto p = w.plan("2027-01-01", "2027-03-31", {"A"});
    CHECK(summary(p) == std::vector<std::string>{"2027-01-30 A m", "2027-03-30 A m"});
  }
  SUBCASE("on_holiday moves, skips or keeps") {
    World w(sop_with("  - {id: next, date: 2026-10-03, on_holiday: next-workday, at: \"10:00\"}\n"
                     "  - {id: prev, date: 2026-10-03, on_holiday: prev-workday, at: \"10:00\"}\n"
                     "  - {id: skip, date: 2026-10-03, on_holiday: skip, at: \"10:00\"}\n"
                     "  - {id: keep, date: 2026-10-03, at: \"10:00\"}\n"),
            false, k_roster_september);
    w.calendar = calendar::builtin_cn();
    auto p = w.plan("2026-09-25", "2026-10-10", {"A"});
    CHECK(summary(p) ==
          std::vector<std::string>{"2026-09-30 A prev", "2026-10-03 A keep", "2026-10-08 A next"});
    CHECK(p.items[2].moved_from == parse_date("2026-10-03"));
  }
  SUBCASE("a move from outside the range lands inside it") {
    World w(sop_with("  - {id: next, date: 2026-10-03, on_holiday: next-workday, at: \"10:00\"}\n"),
            false, k_roster_september);
    w.calendar = calendar::builtin_cn();
    CHECK(w.plan("2026-10-08", "2026-10-08", {"A"}).items.size() == 1);
    CHECK(w.plan("2026-10-03", "2026-10-07", {"A"}).items.empty());
  }
  SUBCASE("items are sorted by date, time, group and task") {
    World w(
        sop_with("  - {id: z, date: 2026-12-30, at: \"09:00\"}\n"
                 "  - {id: a, date: 2026-12-30, at: \"09:00\"}\n"
                 "  - {id: early, date: 2026-12-30, at: \"07:00\"}\n"
                 "  - {id: allday, date: 2026-12-30}\n"));
    CHECK(summary(w.plan("2026-12-30", "2026-12-30")) ==
          std::vector<std::string>{"2026-12-30 A allday", "2026-12-30 B allday",
                                   "2026-12-30 A early", "2026-12-30 B early", "2026-12-30 A a",
                                   "2026-12-30 A z", "2026-12-30 B a", "2026-12-30 B z"});
  }
  SUBCASE("roles resolve through the roster") {
    World w(
        sop_with("  - {id: o, day: 1, owner: owner}\n  - {id: a, day: 1, owner: assistant}\n"
                 "  - {id: s, day: 1, owner: zhou}\n  - {id: r, day: 1, owner: advisor}\n"));
    auto p = w.plan("2026-12-28", "2026-12-28", {"B"});
    REQUIRE(p.items.size() == 4);
    auto ids = [](const PlanItem& it) {
      std::string s;
      for (const Staff* st : it.staff) {
        s += st->id.value + ";";
      }
      return s;
    };
    CHECK(ids(p.items[0]) == "zhou;li;");  // a: the group's assistants
    CHECK(ids(p.items[1]) == "wanzi;");    // o
    CHECK(ids(p.items[2]) == "li;");       // r: the group's advisor
    CHECK(ids(p.items[3]) == "zhou;");     // s
  }
  SUBCASE("--staff keeps only that person's items") {
    World w(sop_with("  - {id: o, day: 1, owner: owner}\n  - {id: a, day: 1, owner: assistant}\n"));
    CHECK(summary(w.plan("2026-12-01", "2026-12-31", {}, "li")) ==
          std::vector<std::string>{"2026-12-03 A a", "2026-12-28 B a"});
  }
  SUBCASE("unknown --group and --staff are errors with a suggestion") {
    World w(sop_with("  - {id: o, day: 1}\n"));
    CHECK_THROWS_WITH_AS(w.plan("2026-12-01", "2026-12-31", {"C"}),
                         doctest::Contains("--group C: no such group"), Error);
    CHECK_THROWS_WITH_AS(w.plan("2026-12-01", "2026-12-31", {}, "zhuo"),
                         "--staff zhuo: no such staff member in the roster (did you mean 'zhou'?)",
                         Error);
  }
  SUBCASE("without a range the plan covers each group's whole SOP") {
    World w(sop_with("  - {id: t, days: [-3, 9]}\n"));
    auto p = expand_plan(w.sops, w.roster, w.calendar, PlanRequest{});
    CHECK(format_date(p.from) == "2026-11-30");
    CHECK(format_date(p.to) == "2027-01-05");
    CHECK(p.items.size() == 4);
  }
  SUBCASE("the whole plan keeps an occurrence that on_holiday moves past its end") {
    World w(sop_with("  - {id: next, date: 2026-10-03, on_holiday: next-workday, at: \"10:00\"}\n"),
            false, k_roster_september);
    w.calendar = calendar::builtin_cn();
    PlanRequest req;
    req.groups = {"A"};
    auto p = expand_plan(w.sops, w.roster, w.calendar, req);
    CHECK(summary(p) == std::vector<std::string>{"2026-10-08 A next"});
    CHECK(format_date(p.from) == "2026-10-03");
    CHECK(format_date(p.to) == "2026-10-08");
  }
  SUBCASE("an unbounded every needs a range") {
    World w(sop_with("  - {id: t, every: day}\n"));
    CHECK_THROWS_WITH_AS(expand_plan(w.sops, w.roster, w.calendar, PlanRequest{}),
                         doctest::Contains("give --month, --from/--to or --date"), Error);
  }
  SUBCASE("a calendar that does not cover the range is an error") {
    World w(sop_with("  - {id: t, day: 1}\n"));
    w.calendar = calendar::builtin_cn();
    CHECK_THROWS_AS(w.plan("2027-01-01", "2027-01-31"), Error);
  }
}

TEST_CASE("plan::render_placeholders") {
  World w(sop_with("  - id: t\n    days: [-3, 2]\n    script: \"{group}/{letter}/{group_name}: "
                   "D{day} {date} {weekday} 倒计时{countdown} {owner} {phase}{phase_name} "
                   "{{literal}} {unknown} %NICKNAME%\"\n",
                   "setup:\n  group_name: \"研讨所{letter}\"\n"),
          /*allow_findings=*/true);  // {unknown} is reported by the loader; plan leaves it as is
  auto p = w.plan("2026-12-01", "2026-12-26", {"B"});
  REQUIRE(p.items.size() == 1);
  CHECK(p.items[0].script ==
        "B/乙/研讨所乙: D-3 2026-12-25 周五 倒计时3 小丸子  {literal} {unknown} %NICKNAME%");
  auto q = w.plan("2026-11-01", "2026-12-31", {"A"});
  REQUIRE(q.items.size() == 2);
  CHECK(q.items[1].script.rfind("A/A/研讨所A: D2 2026-12-04 周五 倒计时-1", 0) == 0);
}

TEST_CASE("plan::group_span and plan::pinned_span") {
  const auto span_str = [](const std::optional<std::pair<Date, Date>>& s) {
    return s ? format_date(s->first) + ".." + format_date(s->second) : std::string("none");
  };
  World w(
      sop_with("  - {id: a, day: 1, title: x}\n"
               "  - {id: b, day: 7, title: x}\n"
               "  - {id: c, date: 2027-01-20, title: x}\n"
               "  - {id: d, every: day, from: 2026-12-10, title: x}\n"));
  const Group& a = w.roster.groups.at(0);  // opens 2026-12-03
  // `d` has no end: the whole plan's span is unknown, the pinned part is not.
  CHECK(span_str(group_span(w.sops[0], a)) == "none");
  CHECK(span_str(pinned_span(w.sops[0], a)) == "2026-12-03..2027-01-20");
  Group no_open = a;
  no_open.open.reset();
  CHECK(span_str(pinned_span(w.sops[0], no_open)) == "2026-12-10..2027-01-20");

  World bounded(
      sop_with("  - {id: a, day: 1, title: x}\n"
               "  - {id: d, every: day, from: 2026-12-10, to: 2026-12-31, title: x}\n"));
  const Group& b = bounded.roster.groups.at(0);
  CHECK(span_str(group_span(bounded.sops[0], b)) == "2026-12-03..2026-12-31");
  CHECK(span_str(pinned_span(bounded.sops[0], b)) == "2026-12-03..2026-12-31");

  World only_every(sop_with("  - {id: d, every: day, title: x}\n"));
  CHECK(span_str(pinned_span(only_every.sops[0], only_every.roster.groups.at(0))) == "none");
}

}  // namespace SOPCTL_TU_ID
