// `check --format text` (the default) and the summary line on stderr.

#include <sopctl/render/check_render.hpp>

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

namespace sopctl::render {

namespace {

constexpr const char* k_bold = "\033[1m";
constexpr const char* k_red = "\033[1;31m";
constexpr const char* k_magenta = "\033[1;35m";
constexpr const char* k_reset = "\033[0m";

std::string files_text(std::size_t n) {
  return n == 1 ? tr("1 file") : trf("{} files", n);
}
std::string errors_text(std::size_t n) {
  return n == 1 ? tr("1 error") : trf("{} errors", n);
}
std::string warnings_text(std::size_t n) {
  return n == 1 ? tr("1 warning") : trf("{} warnings", n);
}

}  // namespace

std::string check_text(const Diagnostics& diags, bool color) {
  std::string out;
  for (const Diagnostic& d : diags) {
    const char* severity = severity_label(d.severity);
    if (color) {
      out += fmt::format("{}{}:{} {}{}:{} {}", k_bold, d.loc.str(), k_reset,
                         d.severity == Severity::error ? k_red : k_magenta, severity, k_reset,
                         d.message);
    } else {
      out += fmt::format("{}: {}: {}", d.loc.str(), severity, d.message);
    }
    if (!d.rule.empty()) {
      out += fmt::format(" [{}]", d.rule);
    }
    out += '\n';
  }
  return out;
}

std::string check_summary(const Diagnostics& diags, std::size_t files) {
  if (diags.empty()) {
    return trf("{} checked, no problems", files_text(files));
  }
  return trf("{}, {} in {}", errors_text(count_findings(diags, Severity::error)),
             warnings_text(count_findings(diags, Severity::warning)), files_text(files));
}

}  // namespace sopctl::render
