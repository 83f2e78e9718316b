#include <sopctl/text/yaml.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/text/utf8.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::text {

namespace {

[[noreturn]] void throw_invalid(const YAML::Exception& e, std::string_view text,
                                const std::string& path) {
  throw Error(trf("invalid YAML: {}", e.msg), loc_of_mark(e.mark, text, path));
}

}  // namespace

SourceLoc loc_of_mark(const YAML::Mark& mark, std::string_view text, const std::string& path) {
  if (mark.is_null() || mark.line < 0) {
    return SourceLoc{path, 0, 0};
  }
  std::size_t start = 0;
  for (int line = 0; line < mark.line && start < text.size(); ++line) {
    const std::size_t nl = text.find('\n', start);
    start = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  return locate(text,
                std::min(text.size(), start + static_cast<std::size_t>(std::max(mark.column, 0))),
                path);
}

YAML::Node parse_yaml(std::string_view text, const std::string& path) {
  text = strip_bom(text);
  check_yaml_limits(text, path);
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw_invalid(e, text, path);
  }
}

YamlFile::YamlFile(std::string_view text, std::string path)
    : m_path(std::move(path)), m_text(strip_bom(text)), m_lines(m_text) {
  m_root = parse_yaml(m_text, m_path);
}

SourceLoc YamlFile::loc(const YAML::Node& node) const {
  if (!node || node.Mark().is_null() || node.Mark().pos < 0) {
    return {m_path, 0, 0};
  }
  return loc_at(static_cast<std::size_t>(node.Mark().pos));
}

}  // namespace sopctl::text
