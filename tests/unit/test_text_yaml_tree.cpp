// text::YamlTree (yaml_tree.hpp) against yaml-cpp's own YAML::Load, the
// tree it replaces: on every YAML file of the repository that parse_yaml
// accepts (the YAML test suite's valid cases, fixtures, templates, examples),
// the same kinds, texts, marks and entries in the same order.

#include <sopctl/text/yaml_tree.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/text/utf8.hpp>
#include <sopctl/text/yaml.hpp>

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;
using text::YamlNode;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t pos_of(const YAML::Node& n) {
  return n.Mark().is_null() || n.Mark().pos < 0 ? std::string::npos
                                                : static_cast<std::size_t>(n.Mark().pos);
}

// "" when equal, else where and how they differ first.
std::string compare(const YAML::Node& want, const YamlNode& got, const std::string& where) {
  const auto differ = [&](const std::string& what) { return where + ": " + what; };
  if (pos_of(want) != got.offset()) {
    return differ("offset " + std::to_string(got.offset()) + ", yaml-cpp " +
                  std::to_string(pos_of(want)));
  }
  switch (want.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return got.is_null() ? "" : differ("not null");
    case YAML::NodeType::Scalar:
      if (!got.is_scalar() || got.scalar() != want.Scalar()) {
        return differ("scalar '" + got.scalar() + "', yaml-cpp '" + want.Scalar() + "'");
      }
      return "";
    case YAML::NodeType::Sequence: {
      if (!got.is_sequence() || got.size() != want.size()) {
        return differ("not a sequence of " + std::to_string(want.size()));
      }
      std::size_t i = 0;
      for (const YamlNode item : got.items()) {
        if (auto d = compare(want[i], item, where + "[" + std::to_string(i) + "]"); !d.empty()) {
          return d;
        }
        ++i;
      }
      return "";
    }
    case YAML::NodeType::Map: {
      if (!got.is_map() || got.size() != want.size()) {
        return differ("not a mapping of " + std::to_string(want.size()));
      }
      auto it = want.begin();
      std::size_t i = 0;
      for (const auto& [key, value] : got.entries()) {
        const std::string at = where + "{" + std::to_string(i++) + "}";
        if (auto d = compare(it->first, key, at + ".key"); !d.empty()) {
          return d;
        }
        if (auto d = compare(it->second, value, at + ".value"); !d.empty()) {
          return d;
        }
        ++it;
      }
      return "";
    }
  }
  return differ("unknown kind");
}

}  // namespace

TEST_CASE("YamlTree says what YAML::Load says, on every YAML file of the repository") {
  const std::filesystem::path root = std::filesystem::path(SOPCTL_TEST_DATA_DIR).parent_path();
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"tests", "examples", "sop-templates", "bench"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(root / dir)) {
      // Not bench/data: generated there, and not in every checkout.
      if (e.is_regular_file() && e.path().extension() == ".yaml" &&
          e.path().parent_path() != root / "bench" / "data" && e.file_size() < (1U << 20)) {
        files.push_back(e.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 400);
  std::size_t compared = 0;
  for (const auto& path : files) {
    const std::string raw = slurp(path);
    const std::string_view text = text::strip_bom(raw);
    std::optional<text::YamlTree> tree;
    try {
      tree = text::parse_yaml(text, path.string());
    } catch (const Error&) {
      continue;  // refused (the suite's error cases, bad inputs): nothing to compare
    }
    const YAML::Node want = YAML::Load(std::string(text));
    INFO(path.string());
    CHECK(compare(want, tree->root(), "root") == "");
    ++compared;
  }
  CHECK(compared > 300);
}

TEST_CASE("YamlTree: nulls, quoted texts, aliases, duplicate keys, an empty document") {
  const std::string text =
      "a: ~\n"
      "b:\n"
      "c: 'null'\n"
      "d: &x [1, {e: f}]\n"
      "g: *x\n"
      "a: again\n"
      "h: !!str\n";
  const text::YamlTree tree = text::parse_yaml(text, "t.yaml");
  const YamlNode root = tree.root();
  REQUIRE(root.is_map());
  REQUIRE(root.size() == 7);
  std::vector<text::YamlEntry> e;
  for (const auto& entry : root.entries()) {
    e.push_back(entry);
  }
  CHECK(e[0].key.scalar() == "a");
  CHECK(e[0].value.is_null());
  CHECK(e[1].value.is_null());
  CHECK(e[2].value.is_scalar());
  CHECK(e[2].value.scalar() == "null");
  CHECK(e[3].value.is_sequence());
  CHECK(e[3].value.size() == 2);
  CHECK(e[3].value[1].is_map());
  CHECK_FALSE(e[3].value[2]);                         // past the end: no node
  CHECK(e[4].value.offset() == e[3].value.offset());  // the alias is the anchored node
  CHECK(e[4].value[0].scalar() == "1");
  CHECK(e[5].key.scalar() == "a");  // a duplicate key stays, in order
  CHECK(e[6].value.is_scalar());    // a tagged empty value is an empty text
  CHECK(e[6].value.scalar().empty());
  CHECK(e[0].key.offset() == 0);
  CHECK(e[2].value.offset() == text.find("'null'"));

  CHECK_FALSE(root[0]);  // a mapping has no items
  std::size_t items = 0;
  for (const YamlNode item : root.items()) {
    items += item ? 1 : 0;
  }
  CHECK(items == 0);
  CHECK(e[2].value.size() == 0);

  const text::YamlTree empty = text::parse_yaml("# nothing\n", "e.yaml");
  CHECK(empty.root());
  CHECK(empty.root().is_null());
  CHECK(empty.root().offset() == std::string::npos);

  const YamlNode none;
  CHECK_FALSE(none);
  CHECK(none.is_null());
  CHECK(none.scalar().empty());
  CHECK(none.size() == 0);

  text::YamlTree moved = text::parse_yaml("[x, y]", "m.yaml");
  const YamlNode before = moved.root();
  const text::YamlTree after = std::move(moved);
  CHECK(before[1].scalar() == "y");  // nodes outlive a move of their tree
}

}  // namespace SOPCTL_TU_ID
