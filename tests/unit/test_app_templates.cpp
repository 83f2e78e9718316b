#include <sopctl/app/templates.hpp>
#include <sopctl/base/error.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;
namespace fs = std::filesystem;

namespace {

struct TemplateDir {
  fs::path path;
  TemplateDir() {
    std::string tmpl = (fs::temp_directory_path() / "sopctl-templates-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TemplateDir() { fs::remove_all(path); }
  void add(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
  std::string str() const { return path.string(); }
};

const char* const k_camp =
    "# 训练营\nsop: camp-7d\ntitle: 7天训练营\ndescription: 9.9元体验营,第5天起转化\n"
    "tasks: []\n";
const char* const k_live = "sop: live-stream\ntitle: 直播转化群\ntasks: []\n";

std::string error_of(const std::string& dir, const std::string& id) {
  try {
    templates::read(dir, id);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("templates::candidate_dirs") {
  SUBCASE("SOPCTL_TEMPLATES is the only candidate when set") {
    CHECK(templates::candidate_dirs(std::string_view("/opt/tpl"), "/usr/bin") ==
          std::vector<std::string>{"/opt/tpl"});
  }
  SUBCASE("an empty SOPCTL_TEMPLATES counts as unset") {
    const auto dirs = templates::candidate_dirs(std::string_view(""), "/usr/local/bin");
    REQUIRE(!dirs.empty());
    CHECK(dirs.front() == "/usr/local/share/sopctl/sop-templates");
  }
  SUBCASE("the install layout beside the executable comes first, then the source tree") {
    const auto dirs = templates::candidate_dirs(std::nullopt, "/tmp/prefix/bin");
    REQUIRE(dirs.size() >= 2);
    CHECK(dirs[0] == "/tmp/prefix/share/sopctl/sop-templates");
    CHECK(dirs[1] == SOPCTL_SOURCE_TEMPLATES_DIR);
  }
  SUBCASE("without an executable directory, the source tree") {
    const auto dirs = templates::candidate_dirs(std::nullopt, "");
    REQUIRE(!dirs.empty());
    CHECK(dirs.front() == SOPCTL_SOURCE_TEMPLATES_DIR);
  }
}

TEST_CASE("templates::describe") {
  SUBCASE("title and description from the SOP") {
    const auto t = templates::describe(k_camp, "camp-7d", "x/camp-7d.sop.yaml");
    CHECK(t.id == "camp-7d");
    CHECK(t.title == "7天训练营");
    CHECK(t.description == "9.9元体验营,第5天起转化");
    CHECK(t.path == "x/camp-7d.sop.yaml");
  }
  SUBCASE("without a title, the id; without a description, nothing") {
    const auto t = templates::describe("sop: bare\ntasks: []\n", "bare", "bare.sop.yaml");
    CHECK(t.title == "bare");
    CHECK(t.description.empty());
  }
  SUBCASE("findings in the file do not stop the listing") {
    const auto t = templates::describe("sop: x\ntitel: typo\ntitle: 标题\ntasks: []\n", "x", "x");
    CHECK(t.title == "标题");
  }
}

TEST_CASE("templates::list and templates::read") {
  TemplateDir dir;
  dir.add("live-stream.sop.yaml", k_live);
  dir.add("camp-7d.sop.yaml", k_camp);
  dir.add("sample.roster.yaml", "staff: []\ngroups: []\n");
  dir.add("notes.md", "not a template\n");

  SUBCASE("only *.sop.yaml files, sorted by id") {
    const auto list = templates::list(dir.str());
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == "camp-7d");
    CHECK(list[1].id == "live-stream");
    CHECK(list[1].title == "直播转化群");
  }
  SUBCASE("read returns the file byte for byte") {
    CHECK(templates::read(dir.str(), "camp-7d") == k_camp);
  }
  SUBCASE("an unknown id names the ids, with a did-you-mean") {
    CHECK(error_of(dir.str(), "camp7d") ==
          "unknown template 'camp7d' (did you mean 'camp-7d'?); templates: camp-7d, live-stream");
    CHECK(error_of(dir.str(), "zzz") == "unknown template 'zzz'; templates: camp-7d, live-stream");
  }
  SUBCASE("a path is not an id") {
    CHECK(error_of(dir.str(), "../camp-7d").rfind("unknown template", 0) == 0);
  }
  SUBCASE("a directory that does not exist is an error naming it") {
    const std::string missing = dir.str() + "/missing";
    CHECK_THROWS_WITH_AS(
        templates::list(missing),
        doctest::Contains(("cannot read the template directory " + missing).c_str()), Error);
  }
}

TEST_CASE("templates::render_list") {
  std::vector<templates::TemplateInfo> list = {
      {"camp-7d", "7天训练营（低转高）", "第5天起转化", ""},
      {"welfare-daily", "福利群", "每天5个栏目", ""},
      {"bare", "bare", "", ""},
  };
  SUBCASE("columns aligned by display width, CJK counting 2") {
    CHECK(templates::render_list(list) ==
          "camp-7d        7天训练营（低转高）  第5天起转化\n"
          "welfare-daily  福利群               每天5个栏目\n"
          "bare           bare\n");
  }
  SUBCASE("nothing to list, nothing printed") {
    CHECK(templates::render_list({}).empty());
  }
  SUBCASE("json") {
    CHECK(templates::render_json({list[2]}) ==
          "{\n  \"templates\": [\n    {\n      \"id\": \"bare\",\n      \"title\": \"bare\",\n"
          "      \"description\": \"\"\n    }\n  ]\n}\n");
  }
}

TEST_CASE("templates::find_dir") {
  TemplateDir dir;
  SUBCASE("SOPCTL_TEMPLATES wins") {
    ::setenv("SOPCTL_TEMPLATES", dir.str().c_str(), 1);
    CHECK(templates::find_dir() == dir.str());
    ::unsetenv("SOPCTL_TEMPLATES");
  }
  SUBCASE("a SOPCTL_TEMPLATES that is not a directory is an error, not a fallback") {
    const std::string missing = dir.str() + "/missing";
    ::setenv("SOPCTL_TEMPLATES", missing.c_str(), 1);
    CHECK_THROWS_WITH_AS(templates::find_dir(),
                         ("SOPCTL_TEMPLATES=" + missing + ": not a directory").c_str(), Error);
    ::unsetenv("SOPCTL_TEMPLATES");
  }
}

}  // namespace SOPCTL_TU_ID
