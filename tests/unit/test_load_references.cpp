#include <sopctl/load/loader.hpp>

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Diagnostics;
using sopctl::Roster;
using sopctl::Sop;

namespace {

std::string lines(std::initializer_list<std::string> items) {
  std::string out;
  for (const auto& l : items) {
    out += l + "\n";
  }
  return out;
}

Sop sop_of(const std::string& text, const std::string& path) {
  Diagnostics diags;
  Sop sop = sopctl::load_sop(text, path, diags);
  REQUIRE(diags.empty());
  return sop;
}

Roster roster_of(const std::string& text, const std::string& path = "r.roster.yaml") {
  Roster roster;
  Diagnostics diags;
  sopctl::load_roster_yaml(text, path, roster, diags);
  REQUIRE(diags.empty());
  return roster;
}

// validate_references() findings as "file:line:col rule: message" lines.
std::string check(const std::vector<Sop>& sops, const Roster& roster) {
  Diagnostics diags;
  sopctl::validate_references(sops, roster, diags);
  std::string out;
  for (const auto& d : diags) {
    out += d.loc.str() + " " + d.rule + ": " + d.message + "\n";
  }
  return out;
}

const std::string k_camp =
    "sop: camp-7d\n"
    "tasks:\n"
    "  - {id: open, day: 1, owner: owner}\n"
    "  - {id: tip, every: mon, owner: assistant}\n";
const std::string k_monthly =
    "sop: double-12\n"
    "tasks:\n"
    "  - {id: sale, date: 2026-12-12, owner: advisor}\n";
const std::string k_staff =
    "staff:\n"
    "  - {id: wanzi, roles: [owner]}\n"
    "  - {id: li, roles: [assistant, advisor]}\n";

}  // namespace

TEST_CASE("load::validate_references") {
  const std::vector<Sop> sops = {sop_of(k_camp, "camp.sop.yaml"),
                                 sop_of(k_monthly, "d12.sop.yaml")};

  SUBCASE("everything resolves") {
    const Roster roster = roster_of(k_staff +
                                    "groups:\n"
                                    "  - {id: A, sop: camp-7d, open: 2026-12-03, owner: wanzi, "
                                    "assistants: [li]}\n"
                                    "  - {id: M, sop: double-12}\n");
    CHECK(check(sops, roster) == "");
  }

  SUBCASE("a group names an SOP that is not loaded") {
    const Roster roster = roster_of(
        "groups:\n  - {id: A, sop: camp-7x, open: 2026-12-03}\n"
        "  - {id: B, sop: welfare, open: 2026-12-03}\n");
    CHECK(
        check(sops, roster) ==
        lines(
            {"r.roster.yaml:2:18 unknown-sop: group 'A' uses SOP 'camp-7x', which is not among the "
             "loaded SOP files (did you mean 'camp-7d'?)",
             "r.roster.yaml:3:18 unknown-sop: group 'B' uses SOP 'welfare', which is not among the "
             "loaded SOP files"}));
    // Without any SOP loaded there is nothing to compare with.
    CHECK(check({}, roster) == "");
  }

  SUBCASE("owners and assistants must be staff") {
    const Roster roster = roster_of(k_staff +
                                    "groups:\n"
                                    "  - {id: A, sop: camp-7d, open: 2026-12-03, owner: wanzl, "
                                    "assistants: [li, zhao]}\n");
    CHECK(
        check(sops, roster) ==
        lines({"r.roster.yaml:5:52 unknown-staff: group 'A' owner 'wanzl' is not in the staff list "
               "(did you mean 'wanzi'?)",
               "r.roster.yaml:5:76 unknown-staff: group 'A' assistant 'zhao' is not in the staff "
               "list"}));
    // A roster without staff (a CSV alone) is not checked.
    const Roster no_staff =
        roster_of("groups:\n  - {id: A, sop: camp-7d, open: 2026-12-03, owner: x}\n");
    CHECK(check(sops, no_staff) == "");
  }

  SUBCASE("task owners must be a role or a staff id") {
    const std::vector<Sop> with_typo = {sop_of(
        "sop: s\ntasks:\n  - {id: a, day: 1, owner: asistant}\n  - {id: b, day: 1, owner: li}\n"
        "  - {id: c, day: 1, owner: nobody}\n",
        "s.sop.yaml")};
    const Roster roster = roster_of(k_staff);
    CHECK(
        check(with_typo, roster) ==
        lines({"s.sop.yaml:3:28 unknown-role: task 'a' owner 'asistant' is neither a role (owner, "
               "assistant, advisor) nor a staff id (did you mean 'assistant'?)",
               "s.sop.yaml:5:28 unknown-role: task 'c' owner 'nobody' is neither a role (owner, "
               "assistant, advisor) nor a staff id"}));
    CHECK(check(with_typo, Roster{}) == "");
  }

  SUBCASE("duplicate SOP ids across files") {
    const std::vector<Sop> twice = {sop_of(k_camp, "a.sop.yaml"), sop_of(k_camp, "b.sop.yaml")};
    CHECK(check(twice, Roster{}) == lines({"b.sop.yaml:1:6 duplicate-id: duplicate SOP id "
                                           "'camp-7d' (first defined in a.sop.yaml:1:6)"}));
    // The same file given twice is not a mistake in it.
    const std::vector<Sop> same = {sop_of(k_camp, "a.sop.yaml"), sop_of(k_camp, "a.sop.yaml")};
    CHECK(check(same, Roster{}) == "");
  }

  SUBCASE("duplicate group and staff ids across roster files") {
    Roster roster;
    Diagnostics diags;
    sopctl::load_roster_yaml(k_staff + "groups: [{id: A, sop: camp-7d, open: 2026-12-03}]\n",
                             "a.roster.yaml", roster, diags);
    sopctl::load_roster_yaml("staff: [{id: li}]\n", "b.roster.yaml", roster, diags);
    sopctl::load_roster_csv("id,sop,open\nA,camp-7d,2026-12-04\n", "c.csv", roster, diags);
    REQUIRE(diags.empty());
    CHECK(check(sops, roster) == lines({"b.roster.yaml:1:14 duplicate-id: duplicate staff id 'li' "
                                        "(first defined in a.roster.yaml:3:10)",
                                        "c.csv:2:1 duplicate-id: duplicate group id 'A' (first "
                                        "defined in a.roster.yaml:4:15)"}));
  }

  SUBCASE("a group without an open date") {
    const Roster roster =
        roster_of("groups:\n  - {id: A, sop: camp-7d}\n  - {id: M, sop: double-12}\n");
    CHECK(check(sops, roster) == lines({"r.roster.yaml:2:5 no-open-date: group 'A' has no 'open' "
                                        "date, but SOP 'camp-7d' counts "
                                        "days from it"}));
    // Phases in group days count too.
    const std::vector<Sop> phased = {
        sop_of("sop: camp-7d\nphases: [{id: p, from: 1, to: 3}]\n"
               "tasks: [{id: t, every: day, phase: p}]\n",
               "p.sop.yaml")};
    CHECK(check(phased, roster_of("groups: [{id: A, sop: camp-7d}]\n")) ==
          lines({"r.roster.yaml:1:10 no-open-date: group 'A' has no 'open' date, but SOP 'camp-7d' "
                 "counts "
                 "days from it"}));
  }
}

}  // namespace SOPCTL_TU_ID
