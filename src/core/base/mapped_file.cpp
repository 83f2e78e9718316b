#include <algorithm>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/mapped_file.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/files.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

namespace sopctl::io {

MappedFile MappedFile::open(const std::string& path) {
  MappedFile f;
  f.m_path = path;
  if (path == "-") {
    // An event log on stdin has no size limit of its own (unlike YAML files).
    return spool_or_read(STDIN_FILENO, path);
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw Error(trf("cannot read {}: {}", path, std::strerror(errno)));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    throw Error(trf("cannot read {}: {}", path, reason));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw Error(trf("cannot read {}: is a directory", path));
  }
  note_input(fd);
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      ::close(fd);
      ::madvise(p, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
      f.m_data = static_cast<const char*>(p);
      f.m_size = static_cast<std::size_t>(st.st_size);
      f.m_mapped = true;
      return f;
    }
  }
  if (!S_ISREG(st.st_mode)) {  // a pipe or a character device
    MappedFile spooled = spool_or_read(fd, path);
    ::close(fd);
    return spooled;
  }
  ::close(fd);
  // Empty files, or mmap refused: plain reads.
  f.m_buffer = read_file(path);
  f.m_data = f.m_buffer.data();
  f.m_size = f.m_buffer.size();
  return f;
}

bool MappedFile::map_fd(int fd, std::size_t size) {
  void* p = size > 0 ? ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  ::close(fd);
  if (p == MAP_FAILED) {
    return false;
  }
  ::madvise(p, size, MADV_SEQUENTIAL);
  m_data = static_cast<const char*>(p);
  m_size = size;
  m_mapped = true;
  return true;
}

Spool::Spool(const std::string& what) : m_what(what) {
  const char* env = std::getenv("TMPDIR");
  const std::string dir = env != nullptr && *env != '\0' ? env : "/tmp";
  m_fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (m_fd < 0) {  // O_TMPFILE unsupported there: a named file, unlinked at once
    std::string name = dir + "/sopctl-spool-XXXXXX";
    m_fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (m_fd >= 0) {
      ::unlink(name.c_str());
    }
  }
  if (m_fd < 0) {
    throw Error(trf("cannot spool {} into {}: {} (set TMPDIR to a writable directory)", what, dir,
                    std::strerror(errno)));
  }
}

Spool::~Spool() {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

void Spool::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw Error(trf("cannot spool {}: {} (set TMPDIR to a directory with room)", m_what,
                      std::strerror(errno)));
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
    m_size += static_cast<std::size_t>(n);
  }
}

MappedFile Spool::map(const std::string& path) {
  MappedFile f;
  f.m_path = path;
  const int fd = m_fd;
  m_fd = -1;
  if (m_size == 0) {
    ::close(fd);
    return f;
  }
  if (!f.map_fd(fd, m_size)) {
    throw Error(trf("cannot map the spooled {}: {}", m_what, std::strerror(errno)));
  }
  return f;
}

MappedFile MappedFile::spool_or_read(int fd, const std::string& path) {
  std::optional<Spool> spool;
  try {
    spool.emplace(path);
  } catch (const Error&) {
    MappedFile f;
    f.m_path = path;
    f.m_buffer = read_file(path, static_cast<std::size_t>(-1));
    f.m_data = f.m_buffer.data();
    f.m_size = f.m_buffer.size();
    return f;
  }
  std::vector<char> buf(std::size_t{1} << 20);
  for (;;) {
    const ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw Error(trf("cannot read {}: {}", path, std::strerror(errno)));
    }
    if (n == 0) {
      break;
    }
    spool->write(std::string_view(buf.data(), static_cast<std::size_t>(n)));
  }
  return spool->map(path);
}

MappedFile::MappedFile(MappedFile&& other) noexcept {
  *this = std::move(other);
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    reset();
    m_path = std::move(other.m_path);
    m_mapped = other.m_mapped;
    m_size = other.m_size;
    m_buffer = std::move(other.m_buffer);
    m_data = m_mapped ? other.m_data : m_buffer.data();
    other.m_data = nullptr;
    other.m_size = 0;
    other.m_mapped = false;
  }
  return *this;
}

MappedFile::~MappedFile() {
  reset();
}

void MappedFile::reset() noexcept {
  if (m_mapped) {
    ::munmap(const_cast<char*>(m_data), m_size);
  }
  m_data = nullptr;
  m_size = 0;
  m_mapped = false;
  m_buffer.clear();
}

void MappedFile::release(const char* begin, const char* end) const {
  if (!m_mapped || begin < m_data || end > m_data + m_size || begin >= end) {
    return;
  }
  // Whole 2 MiB blocks: the page cache maps large folios, and a range that
  // cuts one leaves it mapped. The block that holds `begin` goes too (the
  // part before `begin` is released already, or faults back in if touched).
  constexpr std::uintptr_t k_block = std::uintptr_t{2} << 20;
  const auto base = reinterpret_cast<std::uintptr_t>(m_data);
  const auto lo = std::max(base, reinterpret_cast<std::uintptr_t>(begin) / k_block * k_block);
  const auto hi = reinterpret_cast<std::uintptr_t>(end) / k_block * k_block;
  if (hi > lo) {
    ::madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_DONTNEED);
  }
}

}  // namespace sopctl::io
