#pragma once
// A whole input file as one span of bytes: memory-mapped when it is a
// regular file; stdin ("-") and pipes are first copied in blocks into an
// unlinked temporary file (Spool) and mapped from there, so an input of any
// size costs page cache, not memory (read into memory only when no
// temporary file can be made).

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
  friend class Spool;
  void reset() noexcept;
  // Maps `size` bytes of `fd` (which it closes); false when mmap refuses.
  bool map_fd(int fd, std::size_t size);
  // All of `fd` (stdin, a pipe) copied into a Spool and mapped; read into
  // memory when no temporary file can be made.
  static MappedFile spool_or_read(int fd, const std::string& path);

  std::string m_path;
  const char* m_data = nullptr;
  std::size_t m_size = 0;
  bool m_mapped = false;
  std::string m_buffer;  // stdin, pipes, and files that cannot be mapped
};

// An unlinked temporary file in $TMPDIR (else /tmp), written in blocks,
// then mapped: text that cannot be mapped where it is (stdin, a pipe, a
// GBK export converted to UTF-8) without holding all of it in memory.
class Spool {
public:
  // Throws Error "cannot spool <what>: reason" when no temporary file can be made.
  explicit Spool(const std::string& what);
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  void write(std::string_view bytes);  // throws Error (disk full, ...)
  // The bytes written, as a MappedFile named `path`; the Spool is used up.
  MappedFile map(const std::string& path);

private:
  std::string m_what;
  int m_fd = -1;
  std::size_t m_size = 0;
};

}  // namespace sopctl::io
