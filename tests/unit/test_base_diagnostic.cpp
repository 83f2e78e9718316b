// base/diagnostic.cpp: order, severity counts and the cap on repeated findings.

#include <sopctl/base/diagnostic.hpp>

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

Diagnostic finding(const std::string& file, int line, const std::string& rule,
                   Severity severity = Severity::error) {
  return Diagnostic{{file, line, 1}, severity, rule, "m"};
}

}  // namespace

TEST_CASE("sort_diagnostics orders by file, line, column, then rule") {
  Diagnostics d{finding("b", 1, "x"), finding("a", 9, "y"), finding("a", 9, "x"),
                finding("a", 2, "z")};
  sort_diagnostics(d);
  CHECK(d[0].loc.str() == "a:2:1");
  CHECK(d[1].rule == "x");
  CHECK(d[2].rule == "y");
  CHECK(d[3].loc.file == "b");
  CHECK(has_errors(d));
  CHECK_FALSE(has_errors({finding("a", 1, "x", Severity::warning)}));
}

TEST_CASE("cap_repeats keeps the first findings of each rule in each file") {
  Diagnostics d;
  for (int i = 1; i <= 250; ++i) {
    d.push_back(finding("a.sop.yaml", i, "unknown-key"));
  }
  d.push_back(finding("a.sop.yaml", 300, "day-zero", Severity::warning));
  d.push_back(finding("b.sop.yaml", 1, "unknown-key"));
  sort_diagnostics(d);
  cap_repeats(d, 100);
  // 100 shown, one line for the other 150, then the other rule and file.
  REQUIRE(d.size() == 103);
  CHECK(d[99].loc.line == 100);
  CHECK(d[100].hidden == 150);
  CHECK(d[100].message == "and 150 more like it, not shown");
  CHECK(d[100].rule == "unknown-key");
  CHECK(d[101].rule == "day-zero");
  CHECK(d[102].loc.file == "b.sop.yaml");
  CHECK(count_findings(d, Severity::error) == 251);
  CHECK(count_findings(d, Severity::warning) == 1);
}

TEST_CASE("cap_repeats leaves short lists alone and writes big counts with separators") {
  Diagnostics few{finding("a", 1, "r"), finding("a", 2, "r")};
  cap_repeats(few, 2);
  CHECK(few.size() == 2);
  Diagnostics many;
  for (int i = 0; i < 100'001; ++i) {
    many.push_back(finding("a", i, "r"));
  }
  cap_repeats(many, 1);
  REQUIRE(many.size() == 2);
  CHECK(many[1].message == "and 100,000 more like it, not shown");
}

}  // namespace SOPCTL_TU_ID
