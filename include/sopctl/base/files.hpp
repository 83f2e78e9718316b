#pragma once
// Reading inputs and writing outputs, at the edge of the core.

#include <sopctl/base/limits.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace sopctl::io {

// The whole file ("-" reads stdin); throws Error "cannot read FILE: reason",
// or "FILE: N bytes: larger than ..." past `max_bytes` (without reading it all).
std::string read_file(const std::string& path, std::size_t max_bytes = limits::k_max_input_bytes);

// Writes `data` to `path` atomically: a temporary file in the same directory,
// flushed and renamed over `path`. On failure throws Error and leaves any
// existing `path` untouched and no temporary file behind.
void write_file_atomic(const std::string& path, std::string_view data);

}  // namespace sopctl::io
