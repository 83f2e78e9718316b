#pragma once
// A whole input file as one span of bytes: memory-mapped when it is a
// regular file, read into memory when it is stdin ("-") or a pipe.

#include <cstddef>
#include <string>
#include <string_view>

namespace sopctl::io {

class MappedFile {
public:
  // Maps `path` read-only ("-" reads stdin); throws Error "cannot read PATH: reason".
  static MappedFile open(const std::string& path);

  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {m_data, m_size}; }
  const std::string& path() const { return m_path; }

  // Tells the kernel that the pages wholly inside [begin, end) will not be
  // read again soon, so they leave the resident set (they stay in the page
  // cache, and reading them again still works). No effect on a file read into
  // memory. Thread-safe.
  void release(const char* begin, const char* end) const;

private:
  void reset() noexcept;

  std::string m_path;
  const char* m_data = nullptr;
  std::size_t m_size = 0;
  bool m_mapped = false;
  std::string m_buffer;  // stdin, pipes, and files that cannot be mapped
};

}  // namespace sopctl::io
