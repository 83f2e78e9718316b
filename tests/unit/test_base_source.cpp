// base/source.cpp: how a location is written in every message.

#include <sopctl/base/source.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("SourceLoc::str names as much as is known") {
  CHECK(SourceLoc{"a.sop.yaml", 3, 7}.str() == "a.sop.yaml:3:7");
  CHECK(SourceLoc{"a.sop.yaml", 3, 0}.str() == "a.sop.yaml:3");
  CHECK(SourceLoc{"a.sop.yaml", 0, 7}.str() == "a.sop.yaml");
  CHECK(SourceLoc{"a.sop.yaml", 3, 7}.known());
  CHECK_FALSE(SourceLoc{"a.sop.yaml", 0, 0}.known());
}

}  // namespace SOPCTL_TU_ID
