#pragma once
// `sopctl check` renderers (docs/spec.md §2.2): pure functions from sorted
// Diagnostics (and the rule registry) to the bytes of one format.

#include <sopctl/base/diagnostic.hpp>
#include <sopctl/lint/lint.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace sopctl::render {

// One `path:line:col: error|warning: message [rule-id]` line per finding;
// with `color`, ANSI bold location, red error, magenta warning (as gcc does).
std::string check_text(const Diagnostics& diags, bool color);  // render/check_text.cpp

// `{"diagnostics": [{"path", "line", "column", "severity", "rule", "message"}],
//   "errors": N, "warnings": N}`, indented by 2.
std::string check_json(const Diagnostics& diags);

// GitHub Actions workflow commands, one `::error file=...,line=...,col=...,title=RULE::msg`
// per finding, escaped as the runner expects.
std::string check_github(const Diagnostics& diags);

struct SarifTool {
  std::string version;          // sopctl's version
  std::string information_uri;  // where the tool is documented
};

// SARIF 2.1.0 for code-scanning dashboards. `rules` is the registry; the
// driver lists the rules that have results, in registry order.
std::string check_sarif(const Diagnostics& diags, const std::vector<lint::RuleInfo>& rules,
                        const SarifTool& tool);

// stderr summary: "2 errors, 1 warning in 3 files" or "3 files checked, no problems".
std::string check_summary(const Diagnostics& diags, std::size_t files);

// `check --list-rules`: id, category, default severity and summary in aligned columns.
std::string rules_list(const std::vector<lint::RuleInfo>& rules);
// `check --list-rules --format json`: {"rules": [{"id", "category", "severity", "summary"}]}.
std::string rules_json(const std::vector<lint::RuleInfo>& rules);
// `check --list-rules --format md`: docs/rules.md, generated from the registry.
std::string rules_markdown(const std::vector<lint::RuleInfo>& rules);

}  // namespace sopctl::render
