// `check --format github`: GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request's files.

#include <sopctl/render/check_render.hpp>

#include <fmt/format.h>

namespace sopctl::render {

namespace {

// The runner's own escaping (actions/toolkit, command.ts): '%', CR and LF in
// the message; also ':' and ',' in property values, which delimit them.
std::string escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string check_github(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags) {
    out += fmt::format("::{} file={}", severity_name(d.severity), escape(d.loc.file, true));
    if (d.loc.line > 0) {
      out += fmt::format(",line={}", d.loc.line);
      if (d.loc.column > 0) {
        out += fmt::format(",col={}", d.loc.column);
      }
    }
    if (!d.rule.empty()) {
      out += ",title=" + escape(d.rule, true);
    }
    out += "::" + escape(d.message, false) + '\n';
  }
  return out;
}

}  // namespace sopctl::render
