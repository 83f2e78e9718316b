#include <sopctl/text/yaml.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/text/utf8.hpp>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

namespace sopctl::text {

namespace {

// yaml-cpp's events, with its marks' byte positions, into a YamlTree.
class TreeEvents : public YAML::EventHandler {
public:
  explicit TreeEvents(YamlTree::Builder& out) : m_out(out) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    m_out.null_node(offset(mark), anchor);
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override { m_out.alias(anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    m_out.scalar(offset(mark), value, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    m_out.start(YamlNode::Kind::sequence, offset(mark), anchor);
  }
  void OnSequenceEnd() override { m_out.end(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    m_out.start(YamlNode::Kind::map, offset(mark), anchor);
  }
  void OnMapEnd() override { m_out.end(); }

private:
  static std::size_t offset(const YAML::Mark& mark) {
    return mark.is_null() || mark.pos < 0 ? std::string::npos : static_cast<std::size_t>(mark.pos);
  }
  YamlTree::Builder& m_out;
};

// A mark's line (0-based) and byte column into a location in `text`.
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

}  // namespace

YamlTree parse_yaml(std::string_view text, const std::string& path) {
  check_yaml_limits(text, path);
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    YamlTree::Builder builder;
    TreeEvents events(builder);
    parser.HandleNextDocument(events);
    return builder.finish();
  } catch (const YAML::Exception& e) {
    throw Error(trf("invalid YAML: {}", e.msg), loc_of_mark(e.mark, text, path));
  }
}

YamlFile::YamlFile(std::string_view text, std::string path)
    : m_path(std::move(path)), m_text(strip_bom(text)), m_lines(m_text) {
  m_tree = parse_yaml(m_text, m_path);
}

SourceLoc YamlFile::loc(const YamlNode& node) const {
  const std::size_t at = node.offset();
  return at == std::string::npos ? SourceLoc{m_path, 0, 0} : loc_at(at);
}

}  // namespace sopctl::text
