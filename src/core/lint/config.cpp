// The project config `.sopctl.yaml`: rule severities and default limits.

#include <sopctl/text/did_you_mean.hpp>
#include <sopctl/text/yaml.hpp>

#include <sopctl/base/date.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/lint/lint.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <system_error>

namespace sopctl::lint {
namespace {

class ConfigReader {
public:
  explicit ConfigReader(const text::YamlFile& file) : m_file(file) {}

  [[noreturn]] void fail(const text::YamlNode& node, const std::string& message) const {
    throw Error(message, m_file.loc(node));
  }

  void expect_map(const text::YamlNode& node, const std::string& what) const {
    if (!node.is_map() && !node.is_null()) {
      fail(node, trf("'{}' must be a mapping", what));
    }
  }

  std::string scalar(const text::YamlNode& node, const std::string& what) const {
    if (!node.is_scalar()) {
      fail(node, trf("'{}' must be a single value", what));
    }
    return node.scalar();
  }

  void unknown_key(const text::YamlNode& key, const std::string& name,
                   const std::vector<std::string>& known, const std::string& where) const {
    const std::string match = text::closest_match(name, known);
    fail(key, trf("unknown key '{}' in {}{}", name, where,
                  match.empty() ? trf(" (expected one of {})", fmt::join(known, ", "))
                                : trf(" (did you mean '{}'?)", match)));
  }

private:
  const text::YamlFile& m_file;
};

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const RuleInfo& r : all_rules()) {
    ids.push_back(r.id);
  }
  return ids;
}

void read_rules(const ConfigReader& r, const text::YamlNode& node, Config& config) {
  r.expect_map(node, "rules");
  const std::vector<std::string> ids = rule_ids();
  for (const text::YamlEntry entry : node.entries()) {
    const std::string id = r.scalar(entry.key, "rules");
    if (!find_rule(id)) {
      const std::string match = text::closest_match(id, ids);
      r.fail(entry.key,
             trf("unknown rule '{}'{}", id,
                 match.empty() ? std::string(tr(" (sopctl check --list-rules lists them)"))
                               : trf(" (did you mean '{}'?)", match)));
    }
    const std::string level = r.scalar(entry.value, id);
    if (level == "error") {
      config.rules[id] = Severity::error;
    } else if (level == "warning") {
      config.rules[id] = Severity::warning;
    } else if (level == "off") {
      config.rules[id] = std::nullopt;
    } else {
      r.fail(entry.value,
             trf("bad severity '{}' for rule '{}': use error, warning or off", level, id));
    }
  }
}

void read_limits(const ConfigReader& r, const text::YamlNode& node, Config& config) {
  r.expect_map(node, "limits");
  static const std::vector<std::string> known = {"quiet_hours", "max_posts_per_group_per_day"};
  for (const text::YamlEntry entry : node.entries()) {
    const std::string key = r.scalar(entry.key, "limits");
    if (key == "quiet_hours") {
      const std::string value = r.scalar(entry.value, key);
      const auto dash = value.find('-');
      std::optional<int> start;
      std::optional<int> end;
      if (dash != std::string::npos) {
        start = parse_time_of_day(value.substr(0, dash));
        end = parse_time_of_day(value.substr(dash + 1));
      }
      if (!start || !end) {
        r.fail(entry.value,
               trf("bad quiet_hours '{}': use \"HH:MM-HH:MM\", e.g. \"22:00-08:00\"", value));
      }
      config.quiet_start = *start;
      config.quiet_end = *end;
    } else if (key == "max_posts_per_group_per_day") {
      const std::string value = r.scalar(entry.value, key);
      int n = 0;
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || ptr != value.data() + value.size() || n < 1) {
        r.fail(entry.value,
               trf("bad max_posts_per_group_per_day '{}': expected a whole number of at least 1",
                   value));
      }
      config.max_posts_per_group_per_day = n;
    } else {
      r.unknown_key(entry.key, key, known, "limits");
    }
  }
}

}  // namespace

Config parse_config(std::string_view text, const std::string& path) {
  // Limits on size, nesting and aliases first (load/yaml_guard.hpp).
  const text::YamlFile file(text, path);
  const ConfigReader r(file);
  const text::YamlNode root = file.root();
  Config config;
  config.path = path;
  if (!root || root.is_null()) {
    return config;
  }
  if (!root.is_map()) {
    r.fail(root, tr("a config file must be a mapping with the keys rules and limits"));
  }
  static const std::vector<std::string> known = {"rules", "limits"};
  for (const text::YamlEntry entry : root.entries()) {
    const std::string key = r.scalar(entry.key, "config");
    if (key == "rules") {
      read_rules(r, entry.value, config);
    } else if (key == "limits") {
      read_limits(r, entry.value, config);
    } else {
      r.unknown_key(entry.key, key, known, "the config");
    }
  }
  return config;
}

std::string find_config(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p = fs::absolute(dir.empty() ? fs::path(".") : fs::path(dir), ec);
  if (ec) {
    return {};
  }
  p = p.lexically_normal();
  while (true) {
    const fs::path candidate = p / ".sopctl.yaml";
    if (fs::is_regular_file(candidate, ec)) {
      return candidate.string();
    }
    if (!p.has_parent_path() || p.parent_path() == p) {
      return {};
    }
    p = p.parent_path();
  }
}

void apply_config(Diagnostics& diags, const Config& config) {
  if (config.rules.empty()) {
    return;
  }
  for (Diagnostic& d : diags) {
    const auto it = config.rules.find(d.rule);
    if (it != config.rules.end() && it->second) {
      d.severity = *it->second;
    }
  }
  std::erase_if(diags, [&](const Diagnostic& d) {
    const auto it = config.rules.find(d.rule);
    return it != config.rules.end() && !it->second;
  });
}

}  // namespace sopctl::lint
