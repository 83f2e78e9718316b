#include <sopctl/io/files.hpp>

#include <sopctl/error.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>

namespace sopctl::io {

namespace {

std::string errno_text() {
  return std::strerror(errno);
}

}  // namespace

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::string data{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    return data;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw Error("cannot read " + path + ": " + errno_text());
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw Error("cannot read " + path + ": is a directory");
  }
  std::string data;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const std::string reason = errno_text();
      ::close(fd);
      throw Error("cannot read " + path + ": " + reason);
    }
    if (n == 0) {
      break;
    }
    data.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return data;
}

void write_file_atomic(const std::string& path, std::string_view data) {
  // The temporary file lives beside the target so that rename() is atomic
  // (same file system) and a reader never sees a half-written file.
  std::string tmpl = path + ".sopctl-XXXXXX";
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    throw Error("cannot write " + path + ": " + errno_text());
  }
  auto fail = [&](const std::string& what) {
    const std::string reason = errno_text();
    ::close(fd);
    ::unlink(tmpl.c_str());
    throw Error("cannot write " + path + ": " + what + reason);
  };
  const char* p = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail("");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; give the file the permissions a plain create would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0) {
    fail("");
  }
  if (::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    throw Error("cannot write " + path + ": " + errno_text());
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string reason = errno_text();
    ::unlink(tmpl.c_str());
    throw Error("cannot write " + path + ": " + reason);
  }
}

}  // namespace sopctl::io
