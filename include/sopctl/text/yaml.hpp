#pragma once
// The one way into YAML. Every YAML file goes through parse_yaml(): yaml-cpp
// parses recursively and shares aliased nodes, so a hostile file could
// overflow the stack (100,000 '[') or make a walk over it exponential
// ("billion laughs"); and it accepts text that is not YAML (an unclosed
// quote swallows the rest of the file). The guard (yaml_guard.cpp) reads the
// file with libfyaml's conformant event parser first, stopping at syntax
// errors and at the limits. Then yaml-cpp's parser (YAML::Parser) hands its
// events to a YamlTree (yaml_tree.hpp). YamlFile keeps the text beside the
// tree so that byte offsets become 1-based lines and character columns.

#include <sopctl/base/source.hpp>
#include <sopctl/text/line_index.hpp>
#include <sopctl/text/yaml_tree.hpp>

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

// check_yaml_limits(), then the document. `text` has no byte order mark
// (strip_bom()): the nodes' offsets are offsets into it.
YamlTree parse_yaml(std::string_view text, const std::string& path);

// One YAML file, parsed (through parse_yaml), with its text and line index.
class YamlFile {
public:
  YamlFile(std::string_view text, std::string path);

  YamlNode root() const { return m_tree.root(); }
  const std::string& path() const { return m_path; }
  const std::string& text() const { return m_text; }

  // Location of a node; {path, 0, 0} when it has none.
  SourceLoc loc(const YamlNode& node) const;
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
  YamlTree m_tree;
};

}  // namespace sopctl::text
