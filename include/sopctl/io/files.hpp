#pragma once
// Reading inputs and writing outputs, at the edge of the core.

#include <string>
#include <string_view>

namespace sopctl::io {

// The whole file ("-" reads stdin); throws Error "cannot read FILE: reason".
std::string read_file(const std::string& path);

// Writes `data` to `path` atomically: a temporary file in the same directory,
// flushed and renamed over `path`. On failure throws Error and leaves any
// existing `path` untouched and no temporary file behind.
void write_file_atomic(const std::string& path, std::string_view data);

}  // namespace sopctl::io
