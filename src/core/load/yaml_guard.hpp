#pragma once
// Every YAML file goes through parse_yaml(): yaml-cpp parses recursively
// and shares aliased nodes, so a hostile file could overflow the stack
// (100,000 '[') or make a walk over it exponential ("billion laughs").
// The guard replays the file as parser events first, stopping at the limits.

#include <sopctl/source.hpp>

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace sopctl::load {

// Throws Error naming `path` and the line when `text` holds a NUL byte or
// invalid UTF-8, is larger than
// limits::k_max_input_bytes, nests collections deeper than
// limits::k_max_yaml_depth, has an alias inside the node it names, or whose
// aliases expand to more than limits::k_max_alias_expansion; and when it is
// not YAML at all ("invalid YAML: ..."). `text` has no byte order mark.
void check_yaml_limits(std::string_view text, const std::string& path);

// check_yaml_limits(), then the document.
YAML::Node parse_yaml(std::string_view text, const std::string& path);

// The location of a yaml-cpp mark in `text`: 1-based line, character column.
SourceLoc loc_of_mark(const YAML::Mark& mark, std::string_view text, const std::string& path);

}  // namespace sopctl::load
