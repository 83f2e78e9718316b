#include <sopctl/base/error.hpp>
#include <sopctl/base/files.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "sopctl-test-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::size_t entries() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(path), fs::directory_iterator()));
  }
};

}  // namespace

TEST_CASE("io::write_file_atomic") {
  TempDir dir;
  const std::string file = (dir.path / "plan.csv").string();
  SUBCASE("writes and replaces, leaving no temporary file") {
    io::write_file_atomic(file, "one\n");
    CHECK(io::read_file(file) == "one\n");
    io::forget_inputs();  // read back on purpose
    io::write_file_atomic(file, "two\n");
    CHECK(io::read_file(file) == "two\n");
    CHECK(dir.entries() == 1);
  }
  SUBCASE("never over a file this process read") {
    io::write_file_atomic(file, "input\n");
    CHECK(io::read_file(file) == "input\n");
    CHECK_THROWS_WITH_AS(io::write_file_atomic(file, "x"),
                         doctest::Contains("it is one of this command's inputs"), Error);
    io::forget_inputs();
    CHECK(io::read_file(file) == "input\n");
    io::forget_inputs();
  }
  SUBCASE("an empty path and a device are refused") {
    CHECK_THROWS_AS(io::write_file_atomic("", "x"), Error);
    CHECK_THROWS_WITH_AS(io::write_file_atomic("/dev/null", "x"),
                         doctest::Contains("not a regular file"), Error);
  }
  SUBCASE("a directory that does not exist is an error naming the file") {
    const std::string bad = (dir.path / "no" / "plan.csv").string();
    try {
      io::write_file_atomic(bad, "x");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()).rfind("cannot write " + bad + ": ", 0) == 0);
    }
  }
}

TEST_CASE("io::read_file") {
  SUBCASE("a missing file names the file and the reason") {
    try {
      io::read_file("/nonexistent/x.sop.yaml");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.format() ==
            "sopctl: error: cannot read /nonexistent/x.sop.yaml: No such file or directory");
    }
  }
  SUBCASE("a directory is not a file") {
    CHECK_THROWS_AS(io::read_file("/"), Error);
  }
}

}  // namespace SOPCTL_TU_ID
