#pragma once
// Private helpers of the YAML loaders: the parsed file with its text (so that
// yaml-cpp's 0-based byte marks become 1-based character columns), and a
// Reader that walks mappings and scalars, reporting every finding as a
// Diagnostic instead of stopping at the first one.

#include <sopctl/diagnostic.hpp>
#include <sopctl/source.hpp>

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::load {

// One YAML file: strips a BOM, checks UTF-8 and parses. Throws Error with
// file, line and column when the text is not UTF-8 or not YAML.
class YamlFile {
public:
  YamlFile(std::string_view text, std::string path);

  const YAML::Node& root() const { return m_root; }
  const std::string& path() const { return m_path; }
  const std::string& text() const { return m_text; }

  // Location of a node; {path, 0, 0} when yaml-cpp does not know it.
  SourceLoc loc(const YAML::Node& node) const;
  // Location of a byte offset into text().
  SourceLoc loc_at(std::size_t offset) const;
  // Byte offset into text() of a location this file produced.
  std::size_t offset_of(const SourceLoc& loc) const;
  // Location of the first line of the file, for findings about the whole file.
  SourceLoc file_loc() const { return {m_path, 1, 1}; }

private:
  std::string m_path;
  std::string m_text;
  std::vector<std::size_t> m_line_starts;
  YAML::Node m_root;
};

// Converts a byte offset into 1-based line and character column, given the
// offsets at which lines start.
SourceLoc loc_from_offset(std::string_view text, const std::vector<std::size_t>& line_starts,
                          std::size_t offset, const std::string& path);
std::vector<std::size_t> line_starts_of(std::string_view text);

// Throws Error when `text` is not valid UTF-8, naming the line and column.
void require_utf8(std::string_view text, const std::string& path);
// `text` without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text);

// A key of a mapping with its value.
struct Field {
  std::string key;
  SourceLoc key_loc;
  YAML::Node value;
  SourceLoc value_loc;  // the key's location when the value is empty

  bool is_null() const { return !value || value.IsNull(); }
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
  Diagnostics& diags() { return m_diags; }
  void report(SourceLoc loc, std::string_view rule, std::string message);

  // Location of a node, or `fallback` when it has none (empty values).
  SourceLoc loc(const YAML::Node& node, const SourceLoc& fallback) const;

  // The keys of `map`. Reports duplicate-key, and unknown-key for keys not in
  // `known` (with a did-you-mean). The caller has checked that it is a map.
  Fields fields(const YAML::Node& map, std::initializer_list<std::string_view> known);

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
};

// "a, b, c".
std::string join(const std::vector<std::string>& items, std::string_view sep = ", ");
// " (did you mean 'x'?)" or "".
std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string>& candidates);
// Whole number with an optional sign, nothing else.
std::optional<int> parse_int(std::string_view text);
std::string_view trim(std::string_view s);

}  // namespace sopctl::load
