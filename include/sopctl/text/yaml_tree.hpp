#pragma once
// A YAML document as sopctl reads it: a tree of nulls, scalars, sequences and
// mappings that parse_yaml() (yaml.hpp) builds from yaml-cpp's parser events.
// yaml-cpp's own node graph costs a shared_ptr, a node and a node_data per
// value, built and freed one by one; this tree is three flat vectors, built in
// one pass and freed at once. What a node says matches what yaml-cpp's
// YAML::Load would have said (kinds, texts, marks, duplicate keys kept in
// order, an alias being the node its anchor named); test_text_yaml_tree.cpp
// compares the two on every YAML file of the repository.
//
// A YamlNode is a handle (a pointer and an index): cheap to copy, valid while
// its tree lives, also after the tree was moved.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sopctl::text {

struct YamlEntry;
struct YamlData;  // a tree's vectors (yaml_tree.cpp)

class YamlNode {
public:
  enum class Kind : std::uint8_t { null, scalar, sequence, map };

  // No node: what a missing value is. It is null, and false.
  YamlNode() = default;
  explicit operator bool() const { return m_data != nullptr; }

  Kind kind() const;
  bool is_null() const { return kind() == Kind::null; }
  bool is_scalar() const { return kind() == Kind::scalar; }
  bool is_sequence() const { return kind() == Kind::sequence; }
  bool is_map() const { return kind() == Kind::map; }

  // The text of a scalar; "" for any other node.
  const std::string& scalar() const;
  // Byte offset where yaml-cpp marks the node in the text it parsed;
  // npos when it has none (the root of an empty document).
  std::size_t offset() const;
  // Items of a sequence, entries of a mapping, 0 for anything else.
  std::size_t size() const;
  // Item i of a sequence; no node when there is none.
  YamlNode operator[](std::size_t i) const;

  template <typename Child, int Step>
  class Children;
  using Items = Children<YamlNode, 1>;
  using Entries = Children<YamlEntry, 2>;
  // The items of a sequence (none for anything else).
  Items items() const;
  // The entries of a mapping in the file's order, duplicate keys included
  // (none for anything else).
  Entries entries() const;

private:
  friend class YamlTree;
  YamlNode(const YamlData* data, std::uint32_t index) : m_data(data), m_index(index) {}
  std::pair<const std::uint32_t*, const std::uint32_t*> children() const;

  const YamlData* m_data = nullptr;
  std::uint32_t m_index = 0;
};

struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

// The children of a collection, `Step` indices at a time: a sequence's items
// (YamlNode, step 1) or a mapping's entries (YamlEntry: a key, then its value).
template <typename Child, int Step>
class YamlNode::Children {
public:
  class iterator {
  public:
    iterator(const YamlData* data, const std::uint32_t* at) : m_data(data), m_at(at) {}
    Child operator*() const {
      if constexpr (Step == 1) {
        return YamlNode(m_data, m_at[0]);
      } else {
        return YamlEntry{YamlNode(m_data, m_at[0]), YamlNode(m_data, m_at[1])};
      }
    }
    iterator& operator++() {
      m_at += Step;
      return *this;
    }
    bool operator!=(const iterator& other) const { return m_at != other.m_at; }

  private:
    const YamlData* m_data;
    const std::uint32_t* m_at;
  };
  iterator begin() const { return {m_data, m_begin}; }
  iterator end() const { return {m_data, m_end}; }

private:
  friend class YamlNode;
  Children(const YamlData* data, const std::uint32_t* begin, const std::uint32_t* end)
      : m_data(data), m_begin(begin), m_end(end) {}
  const YamlData* m_data;
  const std::uint32_t* m_begin;
  const std::uint32_t* m_end;
};

// One document's nodes. Built through Builder, in the order of yaml-cpp's
// events; parse_yaml() is the one caller.
class YamlTree {
public:
  class Builder;

  YamlTree();
  YamlTree(YamlTree&&) noexcept;
  YamlTree& operator=(YamlTree&&) noexcept;
  ~YamlTree();

  // The document's root: a null node (without offset) for an empty document.
  YamlNode root() const;

private:
  std::unique_ptr<YamlData> m_data;
};

// Receives a document's events (yaml-cpp's EventHandler calls, without
// yaml-cpp's types): a node, or the start of a collection whose items (a
// mapping's keys and values in turn) come until its end(). `anchor` is
// yaml-cpp's anchor number, 0 for none; alias() repeats an anchored node.
class YamlTree::Builder {
public:
  Builder();
  ~Builder();
  Builder(const Builder&) = delete;
  Builder& operator=(const Builder&) = delete;

  void null_node(std::size_t offset, std::size_t anchor);
  void scalar(std::size_t offset, const std::string& value, std::size_t anchor);
  void alias(std::size_t anchor);
  void start(YamlNode::Kind kind, std::size_t offset, std::size_t anchor);
  void end();

  // The tree, once every collection has ended.
  YamlTree finish();

private:
  std::uint32_t add(YamlNode::Kind kind, std::size_t offset, std::size_t anchor);
  void attach(std::uint32_t node);

  YamlTree m_tree;
  struct Open {
    std::uint32_t node;
    std::size_t from;  // where its children start in m_pending
  };
  std::vector<Open> m_open;
  std::vector<std::uint32_t> m_pending;  // children of the open collections, innermost last
  std::vector<std::uint32_t> m_anchors;  // anchor number -> node
  bool m_has_root = false;
};

}  // namespace sopctl::text
