#pragma once
// The rules of `sopctl check` (docs/spec.md §2.2). Structural findings come from the
// loaders (loader.hpp); this adds the platform and craft rules, the rule
// registry, per-line suppressions and the project config. A rule never prints.

#include <sopctl/base/diagnostic.hpp>
#include <sopctl/model/calendar.hpp>
#include <sopctl/model/customers.hpp>
#include <sopctl/model/roster.hpp>
#include <sopctl/model/sop.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::lint {

enum class Category { structure, platform, craft };
const char* category_name(Category c);  // "structure" / "platform" / "craft"

struct RuleInfo {
  std::string id;  // stable, kebab-case
  Category category;
  Severity severity;    // default severity
  std::string summary;  // one line, for --list-rules
  std::string doc;      // a paragraph for docs/rules.md: what, why, how to fix
};

// Every rule (loader rules included), sorted by category then id.
const std::vector<RuleInfo>& all_rules();
const RuleInfo* find_rule(std::string_view id);

// The project config `.sopctl.yaml` (found upward from the checked file):
//   rules: {quiet-hours: error, sell-before-trust: off}
//   limits: {quiet_hours: "23:00-07:00", max_posts_per_group_per_day: 8}
// Severity overrides apply after the file's own defaults; config limits are
// the defaults that an SOP's own `limits:` still overrides.
struct Config {
  std::string path;                                      // empty: no config
  std::map<std::string, std::optional<Severity>> rules;  // nullopt: off
  std::optional<int> quiet_start;
  std::optional<int> quiet_end;
  std::optional<int> max_posts_per_group_per_day;
};

// Parses a config file; throws Error with file and line on a bad one.
Config parse_config(std::string_view text, const std::string& path);
// The nearest `.sopctl.yaml` in `dir` or its parents; empty if none.
std::string find_config(const std::string& dir);

struct Input {
  const std::vector<Sop>* sops = nullptr;
  const Roster* roster = nullptr;  // null: check without --roster
  const Calendar* calendar = nullptr;
  const Config* config = nullptr;  // may be null
  // Customer SOPs: the customers file and the first events of each customer
  // (both optional; rules that need them are skipped without).
  const Customers* customers = nullptr;
  const CustomerEvents* customer_events = nullptr;
};

// Runs the platform and craft rules (and the schedule-aware ones, which
// expand the plan with the plan engine) and appends their findings.
void run_rules(const Input& input, Diagnostics& diags);

// Drops findings silenced by `# sopctl: disable=rule-id[,rule-id]` on their
// line or alone on the line above; `texts` maps file path to its contents.
void apply_suppressions(Diagnostics& diags, const std::map<std::string, std::string>& texts);

// Applies the config's severity overrides (and drops rules turned off).
void apply_config(Diagnostics& diags, const Config& config);

}  // namespace sopctl::lint
