#include <sopctl/base/version.hpp>

namespace sopctl {

std::string_view version() {
  return SOPCTL_VERSION;
}

}  // namespace sopctl
