#include <sopctl/base/error.hpp>
#include <sopctl/load/loader.hpp>

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Diagnostics;
using sopctl::Roster;

namespace {

std::string lines(std::initializer_list<std::string> items) {
  std::string out;
  for (const auto& l : items) {
    out += l + "\n";
  }
  return out;
}

std::string findings(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags) {
    out += d.loc.str() + " " + d.rule + ": " + d.message + "\n";
  }
  return out;
}

std::string yaml_findings(const std::string& text) {
  Roster roster;
  Diagnostics diags;
  sopctl::load_roster_yaml(text, "r.roster.yaml", roster, diags);
  return findings(diags);
}

std::string csv_findings(const std::string& text) {
  Roster roster;
  Diagnostics diags;
  sopctl::load_roster_csv(text, "groups.csv", roster, diags);
  return findings(diags);
}

const std::string k_roster = R"(staff:
  - {id: wanzi, name: 小丸子, roles: [owner]}
  - {id: li,    name: 李顾问, roles: [assistant, advisor]}
groups:
  - {id: A, name: 小丸子美妆研讨所A, sop: camp-7d, open: 2026-12-03,
     owner: wanzi, assistants: [li], size: 180, tags: [B+]}
  - id: B
    sop: camp-7d
    letter: 乙
    assistants: li
)";

}  // namespace

TEST_CASE("load::roster_yaml") {
  SUBCASE("a valid roster fills staff and groups") {
    Roster roster;
    Diagnostics diags;
    sopctl::load_roster_yaml(k_roster, "r.roster.yaml", roster, diags);
    CHECK(findings(diags) == "");
    CHECK(roster.paths == std::vector<std::string>{"r.roster.yaml"});
    REQUIRE(roster.staff.size() == 2);
    CHECK(roster.staff[1].name.value == "李顾问");
    CHECK(roster.staff[1].has_role("advisor"));
    CHECK_FALSE(roster.staff[1].has_role("owner"));
    REQUIRE(roster.groups.size() == 2);
    const auto& a = roster.groups[0];
    CHECK(a.loc.str() == "r.roster.yaml:5:5");
    CHECK(a.name.value == "小丸子美妆研讨所A");
    CHECK(a.sop.value == "camp-7d");
    REQUIRE(a.open);
    CHECK(sopctl::format_date(a.open->value) == "2026-12-03");
    CHECK(a.open->loc.str() == "r.roster.yaml:5:50");
    CHECK(a.owner.value == "wanzi");
    CHECK(a.assistants.size() == 1);
    CHECK(a.size == 180);
    CHECK(a.tags == std::vector<std::string>{"B+"});
    CHECK(a.letter_or_id() == "A");
    const auto& b = roster.groups[1];
    CHECK_FALSE(b.open);
    CHECK(b.letter_or_id() == "乙");
    CHECK(b.assistants.at(0).value == "li");
    CHECK(roster.find_group("B") == &b);
    CHECK(roster.find_group("C") == nullptr);
    CHECK(roster.find_staff("wanzi") == &roster.staff[0]);
    CHECK(roster.find_staff("nobody") == nullptr);
  }

  SUBCASE("a second file is appended") {
    Roster roster;
    Diagnostics diags;
    sopctl::load_roster_yaml(k_roster, "a.roster.yaml", roster, diags);
    sopctl::load_roster_yaml("groups: [{id: C, sop: x}]\n", "b.roster.yaml", roster, diags);
    CHECK(roster.paths == std::vector<std::string>{"a.roster.yaml", "b.roster.yaml"});
    CHECK(roster.groups.size() == 3);
  }

  SUBCASE("mistakes in groups") {
    CHECK(
        yaml_findings("groups:\n"
                      "  - {id: A, sop: camp-7d, open: 2026-02-30, size: many, onwer: wanzi}\n"
                      "  - {id: A, sop: camp-7d}\n"
                      "  - {id: 'B 2', sop: camp-7d}\n"
                      "  - {name: 无名}\n"
                      "  - {id: C}\n") ==
        lines(
            {"r.roster.yaml:2:57 unknown-key: unknown key 'onwer' (did you mean 'owner'?)",
             "r.roster.yaml:2:33 bad-date: bad date '2026-02-30': 2026-02 has 28 days",
             "r.roster.yaml:2:51 wrong-type: 'size' must be a whole number of members, not 'many'",
             "r.roster.yaml:3:10 duplicate-id: duplicate group id 'A' (first defined on line 2)",
             "r.roster.yaml:4:10 bad-id: bad group id 'B 2': ids must not be empty or contain "
             "spaces",
             "r.roster.yaml:5:5 missing-key: missing key 'id' in group",
             "r.roster.yaml:6:5 missing-key: missing key 'sop' in group 'C' (the id of the SOP it "
             "runs)"}));
  }

  SUBCASE("mistakes in staff") {
    CHECK(
        yaml_findings(
            "staff:\n  - {id: li, role: [owner]}\n  - {id: li}\n  - {name: 王}\n  - li\n") ==
        lines({"r.roster.yaml:2:14 unknown-key: unknown key 'role' (did you mean 'roles'?)",
               "r.roster.yaml:3:10 duplicate-id: duplicate staff id 'li' (first defined on line 2)",
               "r.roster.yaml:4:5 missing-key: missing key 'id' in staff member",
               "r.roster.yaml:5:5 wrong-type: each staff member must be a mapping with id, name "
               "and roles"}));
  }

  SUBCASE("unknown top-level key and wrong shapes") {
    CHECK(yaml_findings("staf: []\ngroups: {id: A}\n") ==
          lines({"r.roster.yaml:1:1 unknown-key: unknown key 'staf' (did you mean 'staff'?)",
                 "r.roster.yaml:2:9 wrong-type: 'groups' must be a list of groups like [{id: A, "
                 "sop: camp-7d, "
                 "open: 2026-12-03}]"}));
    CHECK(yaml_findings("") == "");
  }

  SUBCASE("a YAML syntax error throws") {
    Roster roster;
    Diagnostics diags;
    try {
      sopctl::load_roster_yaml("groups:\n  - {id: A\n", "r.roster.yaml", roster, diags);
      FAIL("no error thrown");
    } catch (const sopctl::Error& e) {
      CHECK(e.where().file == "r.roster.yaml");
      CHECK(e.where().line == 3);
      CHECK(std::string(e.what()).starts_with("invalid YAML: "));
    }
    CHECK(roster.paths.empty());
  }
}

TEST_CASE("load::roster_csv") {
  SUBCASE("groups from a spreadsheet export") {
    Roster roster;
    Diagnostics diags;
    sopctl::load_roster_csv(
        "\xEF\xBB\xBFid,name,sop,open,owner,assistants,size,tags,letter\r\n"
        "A,小丸子美妆研讨所A,camp-7d,2026-12-03,wanzi, li ; zhao ,180,B+;新客,\r\n"
        "B,,camp-7d,,,,,,乙\r\n"
        ",,,,,,,,\r\n",
        "groups.csv", roster, diags);
    CHECK(findings(diags) == "");
    CHECK(roster.paths == std::vector<std::string>{"groups.csv"});
    REQUIRE(roster.groups.size() == 2);
    const auto& a = roster.groups[0];
    CHECK(a.loc.str() == "groups.csv:2:1");
    CHECK(a.id.value == "A");
    CHECK(a.name.value == "小丸子美妆研讨所A");
    CHECK(sopctl::format_date(a.open->value) == "2026-12-03");
    CHECK(a.open->loc.str() == "groups.csv:2:21");
    REQUIRE(a.assistants.size() == 2);
    CHECK(a.assistants[1].value == "zhao");
    CHECK(a.size == 180);
    CHECK(a.tags == std::vector<std::string>{"B+", "新客"});
    CHECK(roster.groups[1].letter_or_id() == "乙");
    CHECK_FALSE(roster.groups[1].open);
    CHECK(roster.staff.empty());
  }

  SUBCASE("columns in any order, a bad date at its cell") {
    CHECK(csv_findings("sop,id,open\ncamp-7d,A,2026-02-30\n\"camp,7d\",B,2026-12-01\n") ==
          lines({"groups.csv:2:11 bad-date: bad date '2026-02-30': 2026-02 has 28 days"}));
    CHECK(csv_findings("id,sop,open\n\"A\",\"x\",\"2026-13-01\"\n") ==
          lines({"groups.csv:2:9 bad-date: bad date '2026-13-01': there is no month 13"}));
  }

  SUBCASE("unknown and duplicate columns at the header") {
    CHECK(csv_findings("id,sop,onwer,ID,colour\nA,x,wanzi,B,red\n") ==
          lines({"groups.csv:1:8 unknown-key: unknown column 'onwer' (did you mean 'owner'?)",
                 "groups.csv:1:14 duplicate-key: duplicate column 'id'",
                 "groups.csv:1:17 unknown-key: unknown column 'colour' (expected columns: id, "
                 "name, sop, "
                 "open, close, owner, assistants, size, tags, letter, skip)"}));
  }

  SUBCASE("a header without id or sop") {
    CHECK(csv_findings("name,open\nA,2026-12-01\n") ==
          lines({"groups.csv:1:1 missing-key: missing column 'id' in the CSV header (expected "
                 "columns: id, "
                 "name, sop, open, close, owner, assistants, size, tags, letter, skip)",
                 "groups.csv:1:1 missing-key: missing column 'sop' in the CSV header (expected "
                 "columns: id, "
                 "name, sop, open, close, owner, assistants, size, tags, letter, skip)"}));
    CHECK(csv_findings("") ==
          lines({"groups.csv:1:1 missing-key: empty roster CSV: expected a header line "
                 "with the columns id, name, sop, open, close, owner, assistants, size, "
                 "tags, letter, skip"}));
  }

  SUBCASE("row mistakes") {
    CHECK(csv_findings("id,sop,size\nA,x,lots\nA,x,1\n,x,2\nB,,3\nC,x,4,extra\n") ==
          lines({"groups.csv:2:5 wrong-type: 'size' must be a whole number of members, not 'lots'",
                 "groups.csv:3:1 duplicate-id: duplicate group id 'A' (first defined on line 2)",
                 "groups.csv:4:1 missing-key: missing key 'id' in group",
                 "groups.csv:5:3 missing-key: missing key 'sop' in group 'B' (the id of the SOP it "
                 "runs)",
                 "groups.csv:6:7 bad-value: row has 4 fields but the header names 3 columns"}));
  }

  SUBCASE("invalid UTF-8 throws") {
    Roster roster;
    Diagnostics diags;
    CHECK_THROWS_AS(sopctl::load_roster_csv("id,sop\nA,\xff\n", "groups.csv", roster, diags),
                    sopctl::Error);
  }
}

}  // namespace SOPCTL_TU_ID
