#include <sopctl/base/error.hpp>

namespace sopctl {

std::string Error::format() const {
  if (m_where.file.empty()) {
    return "sopctl: error: " + std::string(what());
  }
  return m_where.str() + ": error: " + what();
}

}  // namespace sopctl
