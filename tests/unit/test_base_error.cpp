// base/error.cpp: the one error type, its exit code and its printed form.

#include <sopctl/base/error.hpp>

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("Error keeps message, location and exit code apart") {
  const Error e("unknown key 'titel'", SourceLoc{"a.sop.yaml", 4, 3});
  CHECK(std::string(e.what()) == "unknown key 'titel'");
  CHECK(e.where().line == 4);
  CHECK(e.format() == "a.sop.yaml:4:3: error: unknown key 'titel'");
  CHECK(static_cast<int>(e.code()) == 2);
  CHECK(static_cast<int>(ExitCode::findings) == 1);
  CHECK(static_cast<int>(ExitCode::ok) == 0);
}

}  // namespace SOPCTL_TU_ID
