// `check --format text` (the default) and the summary line on stderr.

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/check_render.hpp>

#include <fmt/format.h>

namespace sopctl::render {

namespace {

constexpr const char* k_bold = "\033[1m";
constexpr const char* k_red = "\033[1;31m";
constexpr const char* k_magenta = "\033[1;35m";
constexpr const char* k_reset = "\033[0m";

std::string plural(std::size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

std::string check_text(const Diagnostics& diags, bool color) {
  std::string out;
  for (const Diagnostic& d : diags) {
    const char* severity = severity_name(d.severity);
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
    return trf("{} checked, no problems", plural(files, "file"));
  }
  return fmt::format("{}, {} in {}", plural(count_findings(diags, Severity::error), "error"),
                     plural(count_findings(diags, Severity::warning), "warning"),
                     plural(files, "file"));
}

}  // namespace sopctl::render
