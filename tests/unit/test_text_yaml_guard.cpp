#include <sopctl/base/error.hpp>
#include <sopctl/text/yaml.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

std::vector<std::filesystem::path> suite_cases(const char* kind) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(
           std::filesystem::path(SOPCTL_TEST_DATA_DIR) / "yaml-suite" / kind)) {
    if (e.path().extension() == ".yaml") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("YAML test suite: every error case is refused with its line") {
  const auto files = suite_cases("fail");
  REQUIRE(files.size() == 94);
  for (const auto& f : files) {
    CAPTURE(f.filename().string());
    const std::string text = slurp(f);
    bool refused = false;
    try {
      text::check_yaml_limits(text, "case.yaml");
    } catch (const Error& e) {
      refused = true;
      CHECK(e.where().file == "case.yaml");
      CHECK(e.where().line >= 1);
    }
    CHECK(refused);
  }
}

TEST_CASE("YAML test suite: valid YAML passes the guard (one document per file)") {
  const auto files = suite_cases("valid");
  REQUIRE(files.size() == 308);
  int second_documents = 0;
  for (const auto& f : files) {
    CAPTURE(f.filename().string());
    try {
      text::check_yaml_limits(slurp(f), "case.yaml");
    } catch (const Error& e) {
      const std::string what = e.what();
      CAPTURE(what);
      CHECK(what.starts_with("a second YAML document"));
      ++second_documents;
    }
  }
  // The suite's multi-document streams; every other valid case passes.
  CHECK(second_documents < 60);
}

TEST_CASE("the guard's flow scan follows block scalars and quotes") {
  const std::string deep(300000, '[');
  // Brackets in a block scalar are text, also after a line starting with '.
  CHECK_NOTHROW(
      text::check_yaml_limits("a: |\n  'x\n  " + std::string(1000, '[') + "\nb: 1\n", "f.yaml"));
  // The scalar ends at the first line indented no more than its parent.
  CHECK_THROWS_WITH_AS(text::check_yaml_limits("a: |\n  'x\nb: " + deep + "\n", "f.yaml"),
                       "YAML nested more than 64 levels deep (the limit)", Error);
  // An escaped quote does not end a double-quoted scalar; '' does not end a
  // single-quoted one.
  CHECK_NOTHROW(text::check_yaml_limits("a: \"x\\\" [[[[\"\nb: 'it''s [[[['\n", "f.yaml"));
  // Brackets inside a quote the scan mistook still count.
  CHECK_THROWS_AS(text::check_yaml_limits("a: \"" + deep + "\"\n", "f.yaml"), Error);
  // Comments are skipped.
  CHECK_NOTHROW(text::check_yaml_limits("a: 1 # " + std::string(1000, '[') + "\n", "f.yaml"));
}

}  // namespace SOPCTL_TU_ID
