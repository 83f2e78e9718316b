#pragma once
// Private helpers of the YAML loaders: a Reader that walks mappings and scalars, reporting every
// finding as a Diagnostic instead of stopping at the first one.

#include <sopctl/base/diagnostic.hpp>
#include <sopctl/base/source.hpp>
#include <sopctl/model/sop.hpp>
#include <sopctl/text/did_you_mean.hpp>
#include <sopctl/text/strings.hpp>

#include <sopctl/text/yaml.hpp>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::load {

using text::YamlFile;
using text::YamlNode;

// A key of a mapping with its value.
struct Field {
  std::string key;
  SourceLoc key_loc;
  YamlNode value;
  SourceLoc value_loc;  // the key's location when the value is empty

  bool is_null() const { return value.is_null(); }
};

// The entries of one mapping, first occurrence of each key only.
class Fields {
public:
  const Field* get(std::string_view key) const;
  const std::vector<Field>& all() const { return m_fields; }
  void add(Field f) { m_fields.push_back(std::move(f)); }

private:
  std::vector<Field> m_fields;
};

class Reader {
public:
  Reader(const YamlFile& file, Diagnostics& diags) : m_file(file), m_diags(diags) {}

  const YamlFile& file() const { return m_file; }
  // Where check_placeholders() puts the names it cannot judge alone (group
  // variables are known only with the roster); null: they are reported.
  void set_placeholder_sink(std::vector<PlaceholderUse>* sink) { m_placeholders = sink; }
  std::vector<PlaceholderUse>* placeholder_sink() const { return m_placeholders; }
  Diagnostics& diags() { return m_diags; }
  void report(SourceLoc loc, std::string_view rule, std::string message);

  // Location of a node, or `fallback` when it has none (empty values).
  SourceLoc loc(const YamlNode& node, const SourceLoc& fallback) const;

  // The keys of `map`. Reports duplicate-key, and unknown-key for keys not in
  // `known` (with a did-you-mean). The caller has checked that it is a map.
  Fields fields(const YamlNode& map, std::initializer_list<std::string_view> known);

  // True when the field holds a mapping (or is empty); else wrong-type saying
  // `'key' must be <what>`.
  bool expect_map(const Field& f, std::string_view what);
  bool expect_list(const Field& f, std::string_view what);

  // A scalar as text. Empty values give "" without a finding; a list or
  // mapping gives wrong-type and nullopt.
  std::optional<Located<std::string>> text(const Field& f);
  // A whole number; wrong-type `'key' must be <what>` otherwise.
  std::optional<Located<int>> integer(const Field& f, std::string_view what);
  // A list of texts; a single scalar counts as a list of one.
  std::vector<Located<std::string>> text_list(const Field& f);

  // Checks `value` against the allowed values of an enumeration; bad-value
  // (with a did-you-mean) when it is not one of them.
  bool one_of(const Located<std::string>& value, std::string_view what,
              const std::vector<std::string>& allowed);

private:
  const YamlFile& m_file;
  Diagnostics& m_diags;
  std::vector<PlaceholderUse>* m_placeholders = nullptr;
};

// "a, b, c".
using text::did_you_mean_suffix;
using text::join;
// Whole number with an optional sign, nothing else.
std::optional<int> parse_int(std::string_view text);
using text::trim;

}  // namespace sopctl::load
