#include <sopctl/text/yaml_tree.hpp>

#include <limits>
#include <utility>

namespace sopctl::text {

namespace {
constexpr std::uint32_t k_no_offset = std::numeric_limits<std::uint32_t>::max();
}  // namespace

struct YamlData {
  struct Node {
    YamlNode::Kind kind;
    std::uint32_t offset;  // k_no_offset: none
    std::uint32_t first;   // a scalar: index into scalars; a collection: into children
    std::uint32_t count;   // a collection's children (a mapping's are keys and values in turn)
  };
  std::vector<Node> nodes;
  std::vector<std::uint32_t> children;
  std::vector<std::string> scalars;
  std::uint32_t root = 0;
};

namespace {
const std::string k_empty;
}  // namespace

YamlNode::Kind YamlNode::kind() const {
  return m_data ? m_data->nodes[m_index].kind : Kind::null;
}

const std::string& YamlNode::scalar() const {
  return is_scalar() ? m_data->scalars[m_data->nodes[m_index].first] : k_empty;
}

std::size_t YamlNode::offset() const {
  if (!m_data || m_data->nodes[m_index].offset == k_no_offset) {
    return std::string::npos;
  }
  return m_data->nodes[m_index].offset;
}

std::pair<const std::uint32_t*, const std::uint32_t*> YamlNode::children() const {
  if (!m_data || (!is_sequence() && !is_map())) {
    return {nullptr, nullptr};
  }
  const YamlData::Node& n = m_data->nodes[m_index];
  const std::uint32_t* first = m_data->children.data() + n.first;
  return {first, first + n.count};
}

std::size_t YamlNode::size() const {
  const auto [first, last] = children();
  return static_cast<std::size_t>(last - first) / (is_map() ? 2 : 1);
}

YamlNode YamlNode::operator[](std::size_t i) const {
  const auto [first, last] = is_sequence() ? children() : std::pair{nullptr, nullptr};
  return i < static_cast<std::size_t>(last - first) ? YamlNode(m_data, first[i]) : YamlNode();
}

YamlNode::Items YamlNode::items() const {
  const auto [first, last] = is_sequence() ? children() : std::pair{nullptr, nullptr};
  return {m_data, first, last};
}

YamlNode::Entries YamlNode::entries() const {
  const auto [first, last] = is_map() ? children() : std::pair{nullptr, nullptr};
  return {m_data, first, last};
}

YamlTree::YamlTree() : m_data(std::make_unique<YamlData>()) {}
YamlTree::YamlTree(YamlTree&&) noexcept = default;
YamlTree& YamlTree::operator=(YamlTree&&) noexcept = default;
YamlTree::~YamlTree() = default;

YamlNode YamlTree::root() const {
  return {m_data.get(), m_data->root};
}

YamlTree::Builder::Builder() = default;
YamlTree::Builder::~Builder() = default;

std::uint32_t YamlTree::Builder::add(YamlNode::Kind kind, std::size_t offset, std::size_t anchor) {
  YamlData& d = *m_tree.m_data;
  const auto index = static_cast<std::uint32_t>(d.nodes.size());
  const std::uint32_t at = offset < k_no_offset ? static_cast<std::uint32_t>(offset) : k_no_offset;
  d.nodes.push_back({kind, at, 0, 0});
  if (anchor != 0) {
    if (m_anchors.size() <= anchor) {
      m_anchors.resize(anchor + 1, 0);
    }
    m_anchors[anchor] = index;
  }
  return index;
}

void YamlTree::Builder::attach(std::uint32_t node) {
  if (m_open.empty()) {
    if (!m_has_root) {
      m_tree.m_data->root = node;
      m_has_root = true;
    }
    return;
  }
  m_pending.push_back(node);
}

void YamlTree::Builder::null_node(std::size_t offset, std::size_t anchor) {
  attach(add(YamlNode::Kind::null, offset, anchor));
}

void YamlTree::Builder::scalar(std::size_t offset, const std::string& value, std::size_t anchor) {
  const std::uint32_t node = add(YamlNode::Kind::scalar, offset, anchor);
  YamlData& d = *m_tree.m_data;
  d.nodes[node].first = static_cast<std::uint32_t>(d.scalars.size());
  d.scalars.push_back(value);
  attach(node);
}

void YamlTree::Builder::alias(std::size_t anchor) {
  if (anchor < m_anchors.size()) {
    attach(m_anchors[anchor]);
  } else {
    null_node(std::string::npos, 0);  // yaml-cpp refuses an unknown alias before this
  }
}

void YamlTree::Builder::start(YamlNode::Kind kind, std::size_t offset, std::size_t anchor) {
  m_open.push_back({add(kind, offset, anchor), m_pending.size()});
}

void YamlTree::Builder::end() {
  if (m_open.empty()) {
    return;
  }
  const Open open = m_open.back();
  m_open.pop_back();
  YamlData& d = *m_tree.m_data;
  if (d.nodes[open.node].kind == YamlNode::Kind::map && (m_pending.size() - open.from) % 2 != 0) {
    m_pending.push_back(add(YamlNode::Kind::null, std::string::npos, 0));  // a key without value
  }
  YamlData::Node& n = d.nodes[open.node];
  n.first = static_cast<std::uint32_t>(d.children.size());
  n.count = static_cast<std::uint32_t>(m_pending.size() - open.from);
  d.children.insert(d.children.end(), m_pending.begin() + static_cast<std::ptrdiff_t>(open.from),
                    m_pending.end());
  m_pending.resize(open.from);
  attach(open.node);
}

YamlTree YamlTree::Builder::finish() {
  while (!m_open.empty()) {
    end();
  }
  if (!m_has_root) {
    attach(add(YamlNode::Kind::null, std::string::npos, 0));
  }
  return std::move(m_tree);
}

}  // namespace sopctl::text
