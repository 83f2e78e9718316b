#pragma once
// Findings shared by the tests of the `check` renderers.

#include <sopctl/base/diagnostic.hpp>
#include <sopctl/lint/lint.hpp>

#include <vector>

namespace sopctl::test {

inline Diagnostics check_findings() {
  return {
      {{"camp.sop.yaml", 12, 5},
       Severity::error,
       "unknown-key",
       "unknown key 'evry' (did you mean 'every'?)"},
      {{"camp.sop.yaml", 30, 9},
       Severity::warning,
       "quiet-hours",
       "task 'night' posts at 23:30, inside quiet hours 22:00-08:00"},
      {{"团/roster.yaml", 4, 12},
       Severity::error,
       "unknown-staff",
       "group 'A' names unknown staff 'lii' (did you mean 'li'?)"},
  };
}

inline std::vector<lint::RuleInfo> check_rules() {
  return {
      {"unknown-key", lint::Category::structure, Severity::error,
       "a key that the file format does not have",
       "Misspelt keys are ignored by nothing: fix the spelling."},
      {"unknown-staff", lint::Category::structure, Severity::error,
       "a group names staff not in the roster", ""},
      {"unused-rule", lint::Category::platform, Severity::error, "never fires here", "Not listed."},
      {"quiet-hours", lint::Category::craft, Severity::warning, "a post inside quiet hours",
       "Nobody likes a 23:30 ping."},
  };
}

}  // namespace sopctl::test
