#pragma once
// Helpers for the lint tests: load SOPs (and a roster) from YAML text, run
// the platform and craft rules, and look at the findings of one rule as
// "line:col message" strings.

#include <sopctl/lint/lint.hpp>
#include <sopctl/load/loader.hpp>
#include <sopctl/model/calendar.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace sopctl::test {

// Findings as printable lists, so that a failed CHECK shows them.
struct Lines : std::vector<std::string> {
  using std::vector<std::string>::vector;
};
struct Ints : std::vector<int> {
  using std::vector<int>::vector;
};

struct LintCase {
  std::vector<std::string> sop_texts;
  std::string roster_text;  // empty: no roster
  const Calendar* calendar = nullptr;
  const lint::Config* config = nullptr;
  bool allow_load_findings = false;  // else the YAML must load cleanly
};

// The findings of run_rules() (loader findings are checked, not returned).
inline Diagnostics run_lint(const LintCase& c) {
  Diagnostics load;
  std::vector<Sop> sops;
  for (std::size_t i = 0; i < c.sop_texts.size(); ++i) {
    sops.push_back(load_sop(c.sop_texts[i],
                            i == 0 ? "t.sop.yaml" : "t" + std::to_string(i) + ".sop.yaml", load));
  }
  Roster roster;
  if (!c.roster_text.empty()) {
    load_roster_yaml(c.roster_text, "r.yaml", roster, load);
  }
  if (!c.allow_load_findings) {
    for (const Diagnostic& d : load) {
      INFO(d.loc.str() << ": " << d.message << " [" << d.rule << "]");
    }
    REQUIRE(load.empty());
  }
  lint::Input input;
  input.sops = &sops;
  input.roster = c.roster_text.empty() ? nullptr : &roster;
  input.calendar = c.calendar;
  input.config = c.config;
  Diagnostics out;
  lint::run_rules(input, out);
  return out;
}

inline Diagnostics run_lint(const std::string& sop_text, const std::string& roster_text = "") {
  LintCase c;
  c.sop_texts = {sop_text};
  c.roster_text = roster_text;
  return run_lint(c);
}

// "line:col message" of each finding of `rule`, in report order.
inline Lines findings(const Diagnostics& diags, const std::string& rule) {
  Lines out;
  for (const Diagnostic& d : diags) {
    if (d.rule == rule) {
      out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + " " +
                    d.message);
    }
  }
  return out;
}

// The lines of each finding of `rule`.
inline Ints lines(const Diagnostics& diags, const std::string& rule) {
  Ints out;
  for (const Diagnostic& d : diags) {
    if (d.rule == rule) {
      out.push_back(d.loc.line);
    }
  }
  return out;
}

// Rule ids of all findings, in report order.
inline Lines rules_of(const Diagnostics& diags) {
  Lines out;
  for (const Diagnostic& d : diags) {
    out.push_back(d.rule);
  }
  return out;
}

// A complete set-up, so that tests of other rules see no missing-setup.
inline const char* k_full_setup = R"(setup:
  announcement: "本群为训练营学习群,每天早 8 点早读"
  welcome: "欢迎 %NICKNAME% 进群,先看群公告"
  rules: [不发广告]
)";

// SOP `p` with a complete set-up, `before_tasks` (limits, phases...) and
// `tasks` (from line 7 when before_tasks is empty).
inline std::string sop_with_tasks(const std::string& tasks, const std::string& before_tasks = "") {
  return std::string("sop: p\n") + k_full_setup + before_tasks + "tasks:\n" + tasks;
}

}  // namespace sopctl::test

namespace doctest {
template <>
struct StringMaker<sopctl::test::Lines> {
  static String convert(const sopctl::test::Lines& v) {
    std::string out = "{";
    for (const auto& s : v) {
      out += "\n  \"" + s + "\"";
    }
    return (out + "}").c_str();
  }
};
template <>
struct StringMaker<sopctl::test::Ints> {
  static String convert(const sopctl::test::Ints& v) {
    std::string out = "{";
    for (int i : v) {
      out += " " + std::to_string(i);
    }
    return (out + " }").c_str();
  }
};
}  // namespace doctest
