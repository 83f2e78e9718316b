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

// Remembers the file open on `fd` as one of this run's inputs, so that an
// output is never written over it (read_file and MappedFile call it).
void note_input(int fd);
// Forgets the inputs noted so far (for callers that read their own output
// back on purpose, such as tests).
void forget_inputs();

// Writes `data` to `path` atomically: a temporary file in the same directory,
// flushed and renamed over `path`. A symlink is written through (the temp
// file goes beside its target). Refuses (Error, exit 2) an empty path, a
// path that is one of this run's inputs, and an existing non-regular file
// (device, FIFO, directory); "/dev/stdout" is written to directly. On
// failure leaves any existing file untouched and no temporary file behind.
// Signals the caller ignored (nohup, trap '' INT) stay ignored meanwhile.
void write_file_atomic(const std::string& path, std::string_view data);

// The directory of the running executable, or "" when the OS does not say.
std::string executable_directory();

}  // namespace sopctl::io
