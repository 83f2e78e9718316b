// The project config `.sopctl.yaml`: rule severities and default limits.

#include <sopctl/text/did_you_mean.hpp>
#include <sopctl/text/yaml.hpp>

#include <sopctl/base/date.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/lint/lint.hpp>
#include <sopctl/text/width.hpp>

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <system_error>

namespace sopctl::lint {
namespace {

// yaml-cpp marks count bytes from 0; locations count characters from 1.
SourceLoc loc_of(std::string_view text, const YAML::Mark& mark, const std::string& path) {
  if (mark.line < 0) {
    return SourceLoc{path, 0, 0};
  }
  std::size_t start = 0;
  for (int line = 0; line < mark.line; ++line) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      break;
    }
    start = nl + 1;
  }
  const std::size_t width =
      std::min(static_cast<std::size_t>(std::max(mark.column, 0)), text.size() - start);
  const auto column = text::count_chars(text.substr(start, width));
  return SourceLoc{path, mark.line + 1, static_cast<int>(column) + 1};
}

class ConfigReader {
public:
  ConfigReader(std::string_view text, const std::string& path) : m_text(text), m_path(path) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
    throw Error(message, loc_of(m_text, node.Mark(), m_path));
  }

  void expect_map(const YAML::Node& node, const std::string& what) const {
    if (!node.IsMap() && !node.IsNull()) {
      fail(node, trf("'{}' must be a mapping", what));
    }
  }

  std::string scalar(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) {
      fail(node, trf("'{}' must be a single value", what));
    }
    return node.Scalar();
  }

  void unknown_key(const YAML::Node& key, const std::string& name,
                   const std::vector<std::string>& known, const std::string& where) const {
    const std::string match = text::closest_match(name, known);
    fail(key, trf("unknown key '{}' in {}{}", name, where,
                  match.empty() ? trf(" (expected one of {})", fmt::join(known, ", "))
                                : trf(" (did you mean '{}'?)", match)));
  }

private:
  std::string_view m_text;
  const std::string& m_path;
};

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const RuleInfo& r : all_rules()) {
    ids.push_back(r.id);
  }
  return ids;
}

void read_rules(const ConfigReader& r, const YAML::Node& node, Config& config) {
  r.expect_map(node, "rules");
  const std::vector<std::string> ids = rule_ids();
  for (const auto& entry : node) {
    const std::string id = r.scalar(entry.first, "rules");
    if (!find_rule(id)) {
      const std::string match = text::closest_match(id, ids);
      r.fail(entry.first,
             trf("unknown rule '{}'{}", id,
                 match.empty() ? std::string(tr(" (sopctl check --list-rules lists them)"))
                               : trf(" (did you mean '{}'?)", match)));
    }
    const std::string level = r.scalar(entry.second, id);
    if (level == "error") {
      config.rules[id] = Severity::error;
    } else if (level == "warning") {
      config.rules[id] = Severity::warning;
    } else if (level == "off") {
      config.rules[id] = std::nullopt;
    } else {
      r.fail(entry.second,
             trf("bad severity '{}' for rule '{}': use error, warning or off", level, id));
    }
  }
}

void read_limits(const ConfigReader& r, const YAML::Node& node, Config& config) {
  r.expect_map(node, "limits");
  static const std::vector<std::string> known = {"quiet_hours", "max_posts_per_group_per_day"};
  for (const auto& entry : node) {
    const std::string key = r.scalar(entry.first, "limits");
    if (key == "quiet_hours") {
      const std::string value = r.scalar(entry.second, key);
      const auto dash = value.find('-');
      std::optional<int> start;
      std::optional<int> end;
      if (dash != std::string::npos) {
        start = parse_time_of_day(value.substr(0, dash));
        end = parse_time_of_day(value.substr(dash + 1));
      }
      if (!start || !end) {
        r.fail(entry.second,
               trf("bad quiet_hours '{}': use \"HH:MM-HH:MM\", e.g. \"22:00-08:00\"", value));
      }
      config.quiet_start = *start;
      config.quiet_end = *end;
    } else if (key == "max_posts_per_group_per_day") {
      const std::string value = r.scalar(entry.second, key);
      int n = 0;
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || ptr != value.data() + value.size() || n < 1) {
        r.fail(entry.second,
               trf("bad max_posts_per_group_per_day '{}': expected a whole number of at least 1",
                   value));
      }
      config.max_posts_per_group_per_day = n;
    } else {
      r.unknown_key(entry.first, key, known, "limits");
    }
  }
}

}  // namespace

Config parse_config(std::string_view text, const std::string& path) {
  // Limits on size, nesting and aliases first (load/yaml_guard.hpp).
  const YAML::Node root = text::parse_yaml(text, path);
  const ConfigReader r(text, path);
  Config config;
  config.path = path;
  if (!root || root.IsNull()) {
    return config;
  }
  if (!root.IsMap()) {
    r.fail(root, tr("a config file must be a mapping with the keys rules and limits"));
  }
  static const std::vector<std::string> known = {"rules", "limits"};
  for (const auto& entry : root) {
    const std::string key = r.scalar(entry.first, "config");
    if (key == "rules") {
      read_rules(r, entry.second, config);
    } else if (key == "limits") {
      read_limits(r, entry.second, config);
    } else {
      r.unknown_key(entry.first, key, known, "the config");
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
