#include <sopctl/base/files.hpp>
#include <sopctl/base/i18n.hpp>

#include <sopctl/base/error.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iterator>
#include <mutex>
#include <set>
#include <system_error>
#include <utility>

namespace sopctl::io {

namespace {

std::string errno_text() {
  return std::strerror(errno);
}

[[noreturn]] void too_large(const std::string& path, std::size_t size, std::size_t max_bytes) {
  throw Error(trf("file too large: {} bytes or more, over the limit of {} MiB for SOP, roster, "
                  "calendar and config files",
                  std::to_string(size), std::to_string(max_bytes >> 20)),
              SourceLoc{path == "-" ? std::string("<stdin>") : path, 0, 0});
}

// (st_dev, st_ino) of every input read by this process.
std::mutex g_inputs_mutex;
std::set<std::pair<dev_t, ino_t>> g_inputs;

bool is_input(const struct stat& st) {
  const std::lock_guard<std::mutex> lock(g_inputs_mutex);
  return g_inputs.count({st.st_dev, st.st_ino}) != 0;
}

void write_all(int fd, std::string_view data, const std::function<void()>& fail) {
  const char* p = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail();
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

}  // namespace

void note_input(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    const std::lock_guard<std::mutex> lock(g_inputs_mutex);
    g_inputs.insert({st.st_dev, st.st_ino});
  }
}

void forget_inputs() {
  const std::lock_guard<std::mutex> lock(g_inputs_mutex);
  g_inputs.clear();
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  int fd = STDIN_FILENO;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      throw Error(trf("cannot read {}: {}", path, errno_text()));
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      throw Error(trf("cannot read {}: is a directory", path));
    }
    note_input(fd);
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
        static_cast<std::size_t>(st.st_size) > max_bytes) {
      ::close(fd);
      too_large(path, static_cast<std::size_t>(st.st_size), max_bytes);
    }
  }
  auto close_fd = [&] {
    if (fd != STDIN_FILENO) {
      ::close(fd);
    }
  };
  std::string data;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const std::string reason = errno_text();
      close_fd();
      throw Error(trf("cannot read {}: {}", path, reason));
    }
    if (n == 0) {
      break;
    }
    data.append(buf, static_cast<std::size_t>(n));
    if (data.size() > max_bytes) {  // stdin, a pipe, or a file that grew
      close_fd();
      too_large(path, data.size(), max_bytes);
    }
  }
  close_fd();
  return data;
}

namespace {

// The temporary file of write_file_atomic() while it exists, for the signal
// handler: a static buffer and a flag, since a handler may only call
// async-signal-safe functions (unlink, sigaction, raise).
char g_temp_path[PATH_MAX + 32];
volatile std::sig_atomic_t g_temp_active = 0;

constexpr int k_fatal_signals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temp_and_reraise(int sig) {
  if (g_temp_active != 0) {
    ::unlink(g_temp_path);
    g_temp_active = 0;
  }
  // Die of the signal as if there were no handler, so that the shell sees it.
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  ::sigemptyset(&dfl.sa_mask);
  ::sigaction(sig, &dfl, nullptr);
  ::raise(sig);
}

// Installs the handler for the lifetime of one atomic write and creates the
// temporary file with the fatal signals blocked, so that no signal can
// arrive between its creation and its registration.
class TempFile {
public:
  explicit TempFile(const std::string& path) {
    const std::string tmpl = path + ".sopctl-XXXXXX";
    if (tmpl.size() >= sizeof g_temp_path) {
      throw Error(trf("cannot write {}: {}", path, std::strerror(ENAMETOOLONG)));
    }
    std::memcpy(g_temp_path, tmpl.c_str(), tmpl.size() + 1);
    sigset_t fatal;
    ::sigemptyset(&fatal);
    for (const int sig : k_fatal_signals) {
      ::sigaddset(&fatal, sig);
    }
    sigset_t old_mask;
    ::sigprocmask(SIG_BLOCK, &fatal, &old_mask);
    struct sigaction act {};
    act.sa_handler = remove_temp_and_reraise;
    ::sigemptyset(&act.sa_mask);
    for (std::size_t i = 0; i < std::size(k_fatal_signals); ++i) {
      ::sigaction(k_fatal_signals[i], nullptr, &m_old[i]);
      if (m_old[i].sa_handler != SIG_IGN) {  // an ignored signal stays ignored
        ::sigaction(k_fatal_signals[i], &act, nullptr);
      }
    }
    m_fd = ::mkstemp(g_temp_path);
    const int mkstemp_errno = errno;
    m_path = g_temp_path;
    g_temp_active = m_fd >= 0 ? 1 : 0;
    ::sigprocmask(SIG_SETMASK, &old_mask, nullptr);
    if (m_fd < 0) {
      restore();
      throw Error(trf("cannot write {}: {}", path, std::strerror(mkstemp_errno)));
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  // Removes the file unless it was renamed, and puts the old handlers back.
  ~TempFile() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    if (g_temp_active != 0) {
      ::unlink(m_path.c_str());
    }
    restore();
  }

  int fd() const { return m_fd; }
  const std::string& path() const { return m_path; }
  // Closes the file; false (errno set) when the last write-back failed.
  bool close() {
    const int fd = m_fd;
    m_fd = -1;
    return ::close(fd) == 0;
  }
  // After the rename the name belongs to the target: forget it.
  void renamed() { g_temp_active = 0; }

private:
  void restore() {
    g_temp_active = 0;
    for (std::size_t i = 0; i < std::size(k_fatal_signals); ++i) {
      ::sigaction(k_fatal_signals[i], &m_old[i], nullptr);
    }
  }

  int m_fd = -1;
  std::string m_path;
  struct sigaction m_old[std::size(k_fatal_signals)]{};
};

}  // namespace

void write_file_atomic(const std::string& given, std::string_view data) {
  if (given.empty()) {
    throw Error(tr("-o needs a file name (or - for stdout)"));
  }
  auto fail_on = [](const std::string& p) {
    return [p]() { throw Error(trf("cannot write {}: {}", p, errno_text())); };
  };
  if (given == "/dev/stdout") {
    write_all(STDOUT_FILENO, data, fail_on(given));
    return;
  }
  // Through a symlink to its target, so that the link stays a link.
  std::string path = given;
  std::error_code ec;
  if (std::filesystem::is_symlink(given, ec)) {
    const auto target = std::filesystem::weakly_canonical(given, ec);
    if (!ec) {
      path = target.string();
    }
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) {
      throw Error(
          trf("refusing to write {}: not a regular file (a device, FIFO or directory); write to a "
              "file, or to stdout without -o",
              given));
    }
    if (is_input(st)) {
      throw Error(
          trf("refusing to write {}: it is one of this command's inputs (choose another -o file)",
              given));
    }
  }
  // The temporary file lives beside the target so that rename() is atomic
  // (same file system) and a reader never sees a half-written file. A
  // SIGINT, SIGTERM or SIGHUP meanwhile removes it before sopctl dies.
  TempFile tmp(path);
  auto fail = fail_on(given);
  write_all(tmp.fd(), data, fail);
  // mkstemp creates 0600; give the file the permissions a plain create would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(tmp.fd(), 0666 & ~mask);
  if (::fsync(tmp.fd()) != 0) {
    fail();
  }
  if (!tmp.close()) {
    fail();
  }
  if (::rename(tmp.path().c_str(), path.c_str()) != 0) {
    fail();
  }
  tmp.renamed();
}

std::string executable_directory() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

}  // namespace sopctl::io
