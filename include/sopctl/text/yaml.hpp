#pragma once
// The one way into YAML. Every YAML file goes through parse_yaml(): yaml-cpp
// parses recursively and shares aliased nodes, so a hostile file could
// overflow the stack (100,000 '[') or make a walk over it exponential
// ("billion laughs"); and it accepts text that is not YAML (an unclosed
// quote swallows the rest of the file). The guard (yaml_guard.cpp) reads the
// file with libfyaml's conformant event parser first, stopping at syntax
// errors and at the limits. YamlFile keeps the text beside the tree so that
// yaml-cpp's 0-based byte marks become 1-based character columns.

#include <sopctl/base/source.hpp>
#include <sopctl/text/line_index.hpp>

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace sopctl::text {

// Throws Error naming `path` and the line when `text` holds a NUL byte or
// invalid UTF-8, is larger than limits::k_max_input_bytes, nests collections
// deeper than limits::k_max_yaml_depth, has an alias inside the node it
// names, or whose aliases expand to more than limits::k_max_alias_expansion;
// when it is not YAML ("invalid YAML: ...", as the YAML test suite judges);
// and when it holds more than one document. `text` has no byte
// order mark.
void check_yaml_limits(std::string_view text, const std::string& path);

// strip_bom(), check_yaml_limits(), then the document.
YAML::Node parse_yaml(std::string_view text, const std::string& path);

// The location of a yaml-cpp mark in `text`: 1-based line, character column.
SourceLoc loc_of_mark(const YAML::Mark& mark, std::string_view text, const std::string& path);

// One YAML file, parsed (through parse_yaml), with its text and line index.
class YamlFile {
public:
  YamlFile(std::string_view text, std::string path);

  const YAML::Node& root() const { return m_root; }
  const std::string& path() const { return m_path; }
  const std::string& text() const { return m_text; }

  // Location of a node; {path, 0, 0} when yaml-cpp does not know it.
  SourceLoc loc(const YAML::Node& node) const;
  // Location of a byte offset into text().
  SourceLoc loc_at(std::size_t offset) const { return m_lines.loc(m_text, offset, m_path); }
  // Byte offset into text() of a location this file produced.
  std::size_t offset_of(const SourceLoc& loc) const {
    return m_lines.offset_of(m_text, loc.line, loc.column);
  }
  // Location of the first line of the file, for findings about the whole file.
  SourceLoc file_loc() const { return {m_path, 1, 1}; }

private:
  std::string m_path;
  std::string m_text;
  LineIndex m_lines;
  YAML::Node m_root;
};

}  // namespace sopctl::text
