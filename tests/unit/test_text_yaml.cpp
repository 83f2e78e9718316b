// The ceilings of limits.hpp and the YAML guard (text/yaml.hpp), as every loader meets them.

#include <sopctl/base/error.hpp>
#include <sopctl/base/limits.hpp>
#include <sopctl/calendar/calendar.hpp>
#include <sopctl/events/events.hpp>
#include <sopctl/load/loader.hpp>
#include <sopctl/model/calendar.hpp>
#include <sopctl/plan/plan.hpp>
#include <sopctl/text/csv.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

// The Error that loading `text` as an SOP throws, as "file:line:col: error: message".
std::string sop_error(const std::string& text) {
  Diagnostics diags;
  try {
    load_sop(text, "x.sop.yaml", diags);
  } catch (const Error& e) {
    return e.format();
  }
  return "no error";
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

}  // namespace

TEST_CASE("load::YAML guard") {
  SUBCASE("flow nesting is refused before yaml-cpp recurses into it") {
    // The root mapping is the first level.
    CHECK(sop_error(repeat("[", 100000)) ==
          "x.sop.yaml:1:257: error: YAML nested more than 64 levels deep (the limit)");
    CHECK(sop_error("a: " + repeat("{b: ", 65) + "1" + repeat("}", 65)) ==
          "x.sop.yaml:1:256: error: YAML nested more than 64 levels deep (the limit)");
  }
  SUBCASE("block nesting, by indentation or by '- - -' on one line") {
    std::string indented;
    for (int i = 0; i < 100; ++i) {
      indented += std::string(static_cast<std::size_t>(i), ' ') + "a:\n";
    }
    CHECK(sop_error(indented) ==
          "x.sop.yaml:65:65: error: YAML nested more than 64 levels deep (the limit)");
    CHECK(sop_error(repeat("- ", 1000) + "x") ==
          "x.sop.yaml:1:129: error: YAML nested more than 64 levels deep (the limit)");
  }
  SUBCASE("64 levels are fine") {
    CHECK(sop_error("a: " + repeat("[", 63) + repeat("]", 63)).find("nested") == std::string::npos);
  }
  SUBCASE("brackets inside plain and quoted scalars are text") {
    Diagnostics diags;
    const std::string text = "sop: x\ntitle: a" + repeat("[", 300) + "\ndescription: \"" +
                             repeat("{", 300) + "\"\ntasks: []\n";
    CHECK_NOTHROW(load_sop(text, "x.sop.yaml", diags));
  }
  SUBCASE("a billion laughs") {
    std::string text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
      text += std::string(1, c) + ": &" + c + " [" +
              repeat(std::string("*") + static_cast<char>(c - 1) + ", ", 9) + "*" +
              static_cast<char>(c - 1) + "]\n";
    }
    CHECK(sop_error(text).starts_with("x.sop.yaml:6:"));
    CHECK(sop_error(text).find("aliases (*name) expand this file by more than 1000000") !=
          std::string::npos);
  }
  SUBCASE("a few aliases of a small node are fine") {
    Diagnostics diags;
    const std::string text =
        "sop: x\nsetup: {rules: &r [a, b]}\nfunnel: *r\ntasks:\n"
        "  - {id: a, title: A, type: education, channel: group, owner: owner, day: 1, script: &s "
        "hi}\n"
        "  - {id: b, title: B, type: education, channel: group, owner: owner, day: 2, script: "
        "*s}\n";
    const Sop sop = load_sop(text, "x.sop.yaml", diags);
    REQUIRE(sop.tasks.size() == 2);
    CHECK(sop.tasks[1].script.value == "hi");
  }
  SUBCASE("an alias inside its own anchor") {
    CHECK(sop_error("a: &a [*a]\n") ==
          "x.sop.yaml:1:8: error: an alias (*name) inside the node its anchor (&name) names: "
          "YAML that refers to itself is not supported");
  }
  SUBCASE("NUL bytes and invalid UTF-8") {
    CHECK(sop_error(std::string("sop: x\ntitle: a\0b\n", 18))
              .starts_with("x.sop.yaml:2:9: error: NUL byte in a YAML file"));
  }
  SUBCASE("a stray token after the root is not YAML (yaml-cpp would loop)") {
    CHECK(sop_error("\"A\",x\n").starts_with("x.sop.yaml:1:4: error: invalid YAML: "));
  }
  SUBCASE("what yaml-cpp lets through: an open quote, a tab, a second document") {
    // yaml-cpp reads the rest of the file into the title; the suite says error.
    CHECK(sop_error("sop: x\ntitle: \"t\ntasks:\n  - {id: a, day: 1}\n")
              .starts_with("x.sop.yaml:2:8: error: invalid YAML: "));
    CHECK(sop_error("sop: x\n\ttitle: t\n").starts_with("x.sop.yaml:1:6: error: invalid YAML: "));
    CHECK(sop_error("sop: x\n---\nsop: y\n") ==
          "x.sop.yaml:2:1: error: a second YAML document ('---' after the first): sopctl reads "
          "one document per file; split it into two files");
  }
  SUBCASE("a full-width colon is named on its own line") {
    CHECK(sop_error("sop: x\ntitle：t\ntasks: []\n") ==
          "x.sop.yaml:2:6: error: full-width colon '：' after 'title' (typed with a Chinese "
          "input method?): YAML needs an ASCII colon and a space, 'title: '");
    // Only near the error: a valid scalar far above is not blamed.
    CHECK(sop_error("- title：x\n- b\n- c\n- d\n- [\n").find("full-width") == std::string::npos);
  }
  SUBCASE("a block scalar's lines are text, even one starting with a quote") {
    // The guard once took the ' for a quoted scalar running to the end of the
    // file, and let 3M '[' behind it through to the parser.
    CHECK(sop_error("description: |\n  'it is\nb: " + repeat("[", 300000) + "\n") ==
          "x.sop.yaml:3:260: error: YAML nested more than 64 levels deep (the limit)");
    Diagnostics diags;
    CHECK_NOTHROW(
        load_sop("sop: x\ndescription: |\n  'it is\n  " + repeat("[", 3000) + "\ntasks: []\n",
                 "x.sop.yaml", diags));
  }
  SUBCASE("size") {
    const std::string big = "title: " + std::string(limits::k_max_input_bytes, 'x');
    CHECK(sop_error(big).starts_with("x.sop.yaml: error: "));
  }
  SUBCASE("calendar files go through the same guard") {
    try {
      calendar::parse("holidays: " + repeat("[", 1000), "c.yaml");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.format() == "c.yaml:1:267: error: YAML nested more than 64 levels deep (the limit)");
    }
  }
}

TEST_CASE("limits on tasks, groups, selectors and plans") {
  SUBCASE("tasks per SOP") {
    std::string text = "sop: x\ntasks:\n";
    for (std::size_t i = 0; i <= limits::k_max_tasks; ++i) {
      text += "  - {id: t" + std::to_string(i) + ", day: 1}\n";
    }
    CHECK(sop_error(text) ==
          "x.sop.yaml:10003:5: error: more than 10000 tasks in one SOP (the limit); split it into "
          "several SOP files");
  }
  SUBCASE("groups in all rosters") {
    std::string csv = "id,sop,open\n";
    for (std::size_t i = 0; i <= limits::k_max_groups; ++i) {
      csv += "G" + std::to_string(i) + ",x,2026-12-03\n";
    }
    Roster roster;
    Diagnostics diags;
    CHECK_THROWS_WITH_AS(load_roster_csv(csv, "g.csv", roster, diags),
                         "more than 20000 groups in the roster files (the limit); split the "
                         "roster and plan it in parts",
                         Error);
  }
  SUBCASE("days of one selector, ranges expanded") {
    Diagnostics diags;
    const Sop sop = load_sop(
        "sop: x\ntasks:\n  - {id: a, days: [" + repeat("\"1..3660\", ", 5) + "\"1..2\"]}\n",
        "x.sop.yaml", diags);
    bool found = false;
    for (const Diagnostic& d : diags) {
      found = found || d.message.starts_with("'days' names more than 10000 days");
    }
    CHECK(found);
  }
  SUBCASE("days of one plan") {
    Diagnostics diags;
    std::vector<Sop> sops{
        load_sop("sop: x\ntasks:\n  - {id: a, every: day}\n", "x.sop.yaml", diags)};
    Roster roster;
    load_roster_yaml("staff: []\ngroups:\n  - {id: A, sop: x, open: 2026-12-03}\n", "r.yaml",
                     roster, diags);
    PlanRequest req;
    req.from = parse_date("2020-01-01");
    req.to = parse_date("2030-12-31");
    CHECK_THROWS_WITH_AS(expand_plan(sops, roster, Calendar(), req),
                         "the plan spans 4018 days (2020-01-01 to 2030-12-31), over the limit of "
                         "3660; give a shorter --month or --from/--to",
                         Error);
  }
}

TEST_CASE("CSV headers in messages") {
  SUBCASE("a long header is cut") {
    csv::Header h;
    h.names = {"user_id", std::string(10000, 'x')};
    CHECK(h.joined().size() == 203);
    CHECK(h.joined().ends_with("..."));
  }
  SUBCASE("a column named twice is an error, not a guess") {
    const std::string text = "user_id,event,ts,ts\nu1,a,2026-12-03 08:00:00,2026-12-04 08:00:00\n";
    const csv::Header h = csv::read_header(text, "e.csv");
    try {
      events::require_column(h, "ts", "e.csv", "--time-col");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.format() ==
            "e.csv:1: error: column 'ts' appears twice in the header (user_id,event,ts,ts); "
            "rename or remove one");
    }
    CHECK(events::require_column(h, "event", "e.csv", "--event-col") == 1);
  }
}

}  // namespace SOPCTL_TU_ID
