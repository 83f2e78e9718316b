#include "yaml_walk.hpp"
#include <sopctl/base/i18n.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/load/loader.hpp>
#include <sopctl/text/did_you_mean.hpp>
#include <sopctl/text/strings.hpp>
#include <sopctl/text/utf8.hpp>
#include <sopctl/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <utility>

namespace sopctl::load {

const Field* Fields::get(std::string_view key) const {
  for (const auto& f : m_fields) {
    if (f.key == key) {
      return &f;
    }
  }
  return nullptr;
}

void Reader::report(SourceLoc loc, std::string_view rule, std::string message) {
  m_diags.push_back(
      Diagnostic{std::move(loc), Severity::error, std::string(rule), std::move(message)});
}

SourceLoc Reader::loc(const YamlNode& node, const SourceLoc& fallback) const {
  // yaml-cpp gives an empty value the position of whatever follows it, which
  // is never what the user should be pointed at.
  if (node.is_null()) {
    return fallback;
  }
  auto l = m_file.loc(node);
  return l.known() ? l : fallback;
}

Fields Reader::fields(const YamlNode& map, std::initializer_list<std::string_view> known) {
  Fields out;
  const std::vector<std::string> known_names(known.begin(), known.end());
  // Every key seen so far, known or not, so that a misspelt key written
  // twice is also a duplicate.
  std::unordered_map<std::string, int> seen;
  for (const auto& [key, value] : map.entries()) {
    const SourceLoc key_loc = m_file.loc(key);
    if (!key.is_scalar()) {
      report(key_loc, "wrong-type", tr("keys must be plain names, not lists or mappings"));
      continue;
    }
    const std::string name = key.scalar();
    const auto [first, inserted] = seen.try_emplace(name, key_loc.line);
    if (!inserted) {
      report(key_loc, "duplicate-key",
             trf("duplicate key '{}' (first on line {})", name, first->second));
      continue;
    }
    if (std::find(known_names.begin(), known_names.end(), name) == known_names.end()) {
      const std::string match = text::closest_match(name, known_names);
      if (!match.empty()) {
        report(key_loc, "unknown-key", trf("unknown key '{}' (did you mean '{}'?)", name, match));
      } else {
        report(key_loc, "unknown-key",
               trf("unknown key '{}' (expected one of: {})", name, join(known_names)));
      }
      continue;
    }
    Field f{name, key_loc, value, key_loc};
    f.value_loc = loc(value, key_loc);
    out.add(std::move(f));
  }
  return out;
}

bool Reader::expect_map(const Field& f, std::string_view what) {
  if (f.is_null() || f.value.is_map()) {
    return true;
  }
  report(f.value_loc, "wrong-type", trf("'{}' must be {}", f.key, what));
  return false;
}

bool Reader::expect_list(const Field& f, std::string_view what) {
  if (f.is_null() || f.value.is_sequence()) {
    return true;
  }
  report(f.value_loc, "wrong-type", trf("'{}' must be {}", f.key, what));
  return false;
}

std::optional<Located<std::string>> Reader::text(const Field& f) {
  if (f.is_null()) {
    return Located<std::string>{"", f.key_loc};
  }
  if (!f.value.is_scalar()) {
    report(f.value_loc, "wrong-type", trf("'{}' must be text, not a list or mapping", f.key));
    return std::nullopt;
  }
  return Located<std::string>{f.value.scalar(), f.value_loc};
}

std::optional<Located<int>> Reader::integer(const Field& f, std::string_view what) {
  std::optional<int> n;
  if (!f.is_null() && f.value.is_scalar()) {
    n = parse_int(f.value.scalar());
  }
  if (!n) {
    report(f.value_loc, "wrong-type", trf("'{}' must be {}", f.key, what));
    return std::nullopt;
  }
  return Located<int>{*n, f.value_loc};
}

std::vector<Located<std::string>> Reader::text_list(const Field& f) {
  std::vector<Located<std::string>> out;
  if (f.is_null()) {
    return out;
  }
  if (f.value.is_scalar()) {
    out.emplace_back(f.value.scalar(), f.value_loc);
    return out;
  }
  if (!f.value.is_sequence()) {
    report(f.value_loc, "wrong-type", trf("'{}' must be a list of texts", f.key));
    return out;
  }
  for (const YamlNode item : f.value.items()) {
    if (item.is_null()) {
      continue;
    }
    const SourceLoc l = loc(item, f.value_loc);
    if (!item.is_scalar()) {
      report(l, "wrong-type", trf("'{}' must be a list of texts", f.key));
      continue;
    }
    out.emplace_back(item.scalar(), l);
  }
  return out;
}

bool Reader::one_of(const Located<std::string>& value, std::string_view what,
                    const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value.value) != allowed.end()) {
    return true;
  }
  report(value.loc, "bad-value",
         trf("bad {} '{}': expected one of {}{}", what, value.value, join(allowed),
             did_you_mean_suffix(value.value, allowed)));
  return false;
}

std::optional<int> parse_int(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text.front() == '-') {
      return std::nullopt;
    }
  }
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    return std::nullopt;
  }
  return value;
}

}  // namespace sopctl::load
