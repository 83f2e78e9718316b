#include <sopctl/text/yaml.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/limits.hpp>
#include <sopctl/text/utf8.hpp>

#include <yaml-cpp/eventhandler.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <vector>

namespace sopctl::text {

namespace {

// Replays the parser's events, measuring nesting and what aliases expand to.
// A node weighs 1, a scalar 1 plus its length; an alias weighs what the node
// it names weighed, aliases inside that node included.
class LimitsHandler : public YAML::EventHandler {
public:
  LimitsHandler(std::string_view text, const std::string& path) : m_text(text), m_path(path) {}

  void OnDocumentStart(const YAML::Mark&) override {
    m_anchor_weight.clear();
    m_anchor_open.clear();
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { leaf(anchor, 1); }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    leaf(anchor, 1 + value.size());
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor < m_anchor_open.size() && m_anchor_open[anchor]) {
      throw Error(
          "an alias (*name) inside the node its anchor (&name) names: YAML that "
          "refers to itself is not supported",
          loc_of_mark(mark, m_text, m_path));
    }
    const std::uint64_t weight = anchor < m_anchor_weight.size() ? m_anchor_weight[anchor] : 1;
    m_total += weight;
    m_expansion += weight;
    if (m_expansion > limits::k_max_alias_expansion) {
      throw Error(fmt::format("aliases (*name) expand this file by more than {} nodes and bytes "
                              "(the limit); write the content out instead",
                              limits::k_max_alias_expansion),
                  loc_of_mark(mark, m_text, m_path));
    }
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

private:
  struct Frame {
    YAML::anchor_t anchor;
    std::uint64_t start;
  };

  void set_weight(YAML::anchor_t anchor, std::uint64_t weight) {
    if (anchor == YAML::NullAnchor) {
      return;
    }
    if (m_anchor_weight.size() <= anchor) {
      m_anchor_weight.resize(anchor + 1, 0);
      m_anchor_open.resize(anchor + 1, false);
    }
    m_anchor_weight[anchor] = weight;
  }
  void leaf(YAML::anchor_t anchor, std::uint64_t weight) {
    m_total += weight;
    set_weight(anchor, weight);
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(m_stack.size()) >= limits::k_max_yaml_depth) {
      throw Error(
          fmt::format("YAML nested more than {} levels deep (the limit)", limits::k_max_yaml_depth),
          loc_of_mark(mark, m_text, m_path));
    }
    m_total += 1;
    m_stack.push_back({anchor, m_total});
    set_weight(anchor, 1);
    if (anchor != YAML::NullAnchor) {
      m_anchor_open[anchor] = true;
    }
  }
  void close() {
    if (m_stack.empty()) {
      return;
    }
    const Frame f = m_stack.back();
    m_stack.pop_back();
    if (f.anchor != YAML::NullAnchor) {
      m_anchor_open[f.anchor] = false;
      set_weight(f.anchor, 1 + m_total - f.start);
    }
  }

  std::string_view m_text;
  const std::string& m_path;
  std::vector<Frame> m_stack;
  std::vector<std::uint64_t> m_anchor_weight;
  std::vector<bool> m_anchor_open;
  std::uint64_t m_total = 0;
  std::uint64_t m_expansion = 0;
};

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// What a quick pass over the text tells about its nesting.
struct Shape {
  int max_flow = 0;   // deepest flow nesting, as counted below (never less than the real one)
  int max_lead = 0;   // widest run of indentation and "- ", "? ", ": " starting a line
  bool star = false;  // a '*' anywhere: there may be aliases
};

// A coarse look for deep flow nesting ("[[[[..." or "{{{{...") before
// yaml-cpp sees the text: its scanner reads a flow collection ahead to the
// end, so megabytes of '[' cost seconds before the first event could stop
// them. '[' and '{' count where a node may start (after indentation, "- ",
// ": ", "? ", ',', '[', '{', an anchor or a tag); quoted scalars and comments
// are skipped. The count can only overestimate the depth of a real file (a
// block scalar line starting with '['), hence the generous bound; the exact
// limit is enforced on the parser's events.
Shape scan_shape(std::string_view text, const std::string& path) {
  constexpr int k_bound = 4 * limits::k_max_yaml_depth;
  Shape shape;
  shape.star = text.find('*') != std::string_view::npos;
  int depth = 0;
  bool node_start = true;
  bool line_start = true;
  std::size_t lead_from = 0;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (line_start) {
      // Indentation and compact block indicators: a block collection starts
      // at the end of this run, so nesting in block context is at most its
      // width plus one.
      if (c == ' ' || c == '\t' ||
          ((c == '-' || c == '?' || c == ':') && (i + 1 == n || is_blank(text[i + 1])))) {
        ++i;
        continue;
      }
      line_start = false;
      shape.max_lead = std::max(shape.max_lead, static_cast<int>(std::min<std::size_t>(
                                                    i - lead_from, limits::k_max_yaml_depth + 1)));
      node_start = true;
    }
    if (c == '\n') {
      line_start = true;
      lead_from = i + 1;
      ++i;
    } else if (is_blank(c)) {
      ++i;
    } else if (c == '#' && (i == 0 || is_blank(text[i - 1]))) {
      i = std::min(n, text.find('\n', i));
    } else if (node_start && (c == '"' || c == '\'')) {
      ++i;
      while (i < n && text[i] != c) {
        i += (c == '"' && text[i] == '\\') ? 2 : 1;
        if (c == '\'' && i + 1 < n && text[i] == '\'' && text[i + 1] == '\'') {
          i += 2;  // '' inside single quotes
        }
      }
      ++i;
      node_start = false;
    } else if (node_start && (c == '[' || c == '{')) {
      if (++depth > k_bound) {
        throw Error(fmt::format("YAML nested more than {} levels deep (the limit)",
                                limits::k_max_yaml_depth),
                    locate(text, i, path));
      }
      shape.max_flow = std::max(shape.max_flow, depth);
      ++i;
    } else if (c == ']' || c == '}') {
      depth = std::max(0, depth - 1);
      node_start = false;
      ++i;
    } else if (depth > 0 && (c == ',' || c == ':')) {
      node_start = true;
      ++i;
    } else if ((c == '-' || c == ':' || c == '?') && (i + 1 == n || is_blank(text[i + 1]))) {
      node_start = true;
      ++i;
    } else if (node_start && (c == '&' || c == '!')) {
      while (i < n && !is_blank(text[i])) {
        ++i;
      }
    } else {
      node_start = false;
      ++i;
    }
  }
  if (line_start) {  // the text ends inside indentation or "- - -"
    shape.max_lead = std::max(shape.max_lead, static_cast<int>(std::min<std::size_t>(
                                                  n - lead_from, limits::k_max_yaml_depth + 1)));
  }
  return shape;
}

[[noreturn]] void throw_invalid(const YAML::Exception& e, std::string_view text,
                                const std::string& path) {
  throw Error(fmt::format("invalid YAML: {}", e.msg), loc_of_mark(e.mark, text, path));
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

void check_yaml_limits(std::string_view text, const std::string& path) {
  if (text.size() > limits::k_max_input_bytes) {
    throw Error(fmt::format("{} bytes: larger than the {} MiB limit for YAML files", text.size(),
                            limits::k_max_input_bytes >> 20),
                SourceLoc{path, 0, 0});
  }
  // yaml-cpp would take a NUL as the end of a scalar, or any byte as Latin-1.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    throw Error("NUL byte in a YAML file (saved as UTF-16, or not a text file?): save it as UTF-8",
                locate(text, nul, path));
  }
  if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    throw Error("invalid UTF-8 (save the file as UTF-8)", locate(text, bad, path));
  }
  const Shape shape = scan_shape(text, path);
  // Without aliases, and with nesting bounded by the text's shape, the
  // event replay (as costly as a parse) can tell nothing more.
  if (!shape.star && shape.max_lead + 1 + shape.max_flow <= limits::k_max_yaml_depth) {
    return;
  }
  // yaml-cpp reads from a stream; the copy is the price of not trusting it.
  std::istringstream in{std::string(text)};
  try {
    YAML::Parser parser(in);
    LimitsHandler handler(text, path);
    // The first document only, as YAML::Load reads it. (yaml-cpp 0.7 never
    // runs out of documents after a stray token such as the ',' of
    // `"A",x`: a loop over HandleNextDocument would not end.)
    parser.HandleNextDocument(handler);
  } catch (const YAML::Exception& e) {
    throw_invalid(e, text, path);
  }
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
