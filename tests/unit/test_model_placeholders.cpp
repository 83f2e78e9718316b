// model/placeholders.cpp: the built-in placeholder names, checked by the
// loader and rendered by the plan.

#include <sopctl/model/placeholders.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("known_placeholders: the documented names, each once") {
  const auto& names = known_placeholders();
  for (const char* name : {"day", "date", "weekday", "group", "group_name", "owner", "phase",
                           "phase_name", "countdown", "letter"}) {
    CAPTURE(name);
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
  }
  CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
  CHECK(std::none_of(names.begin(), names.end(), [](const std::string& n) {
    return n.empty() || n.find_first_of("{} ") != std::string::npos;
  }));
}

}  // namespace SOPCTL_TU_ID
