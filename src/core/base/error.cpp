#include <sopctl/base/error.hpp>

#include <sopctl/base/i18n.hpp>

namespace sopctl {

std::string Error::format() const {
  if (m_where.file.empty()) {
    return trf("sopctl: error: {}", what());
  }
  return m_where.str() + ": " + tr("error") + ": " + what();
}

}  // namespace sopctl
