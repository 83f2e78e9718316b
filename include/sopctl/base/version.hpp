#pragma once
// The version of sopctl, defined once in CMakeLists.txt (project()).

#include <string_view>

namespace sopctl {

// "0.2.0".
std::string_view version();

}  // namespace sopctl
