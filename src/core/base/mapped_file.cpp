#include <sopctl/base/mapped_file.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/files.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

namespace sopctl::io {

MappedFile MappedFile::open(const std::string& path) {
  MappedFile f;
  f.m_path = path;
  if (path == "-") {
    // An event log on stdin has no size limit of its own (unlike YAML files).
    f.m_buffer = read_file(path, static_cast<std::size_t>(-1));
    f.m_data = f.m_buffer.data();
    f.m_size = f.m_buffer.size();
    return f;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw Error("cannot read " + path + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    throw Error("cannot read " + path + ": " + reason);
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw Error("cannot read " + path + ": is a directory");
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
  ::close(fd);
  // Pipes, character devices, empty files, or mmap refused: plain reads.
  f.m_buffer = read_file(path);
  f.m_data = f.m_buffer.data();
  f.m_size = f.m_buffer.size();
  return f;
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
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto lo = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) / page * page;
  const auto hi = reinterpret_cast<std::uintptr_t>(end) / page * page;
  if (hi > lo) {
    ::madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_DONTNEED);
  }
}

}  // namespace sopctl::io
