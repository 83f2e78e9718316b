#include <sopctl/base/i18n.hpp>

#include <doctest/doctest.h>

#include <map>
#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;
using i18n::Language;

namespace {

std::map<std::string, std::string> g_env;

const char* fake_getenv(const char* name) {
  const auto it = g_env.find(name);
  return it == g_env.end() ? nullptr : it->second.c_str();
}

Language language_of(std::map<std::string, std::string> env) {
  g_env = std::move(env);
  return i18n::from_environment(fake_getenv);
}

}  // namespace

TEST_CASE("parse_language knows zh and en in their locale spellings") {
  CHECK(i18n::parse_language("zh") == Language::zh);
  CHECK(i18n::parse_language("zh_CN.UTF-8") == Language::zh);
  CHECK(i18n::parse_language("zh_TW") == Language::zh);
  CHECK(i18n::parse_language("zh-Hans") == Language::zh);
  CHECK(i18n::parse_language("en") == Language::en);
  CHECK(i18n::parse_language("en_US.UTF-8") == Language::en);
  CHECK(i18n::parse_language("C") == Language::en);
  CHECK(i18n::parse_language("C.UTF-8") == Language::en);
  CHECK(i18n::parse_language("POSIX") == Language::en);
  CHECK_FALSE(i18n::parse_language("fr_FR.UTF-8"));
  CHECK_FALSE(i18n::parse_language("zhx"));
  CHECK_FALSE(i18n::parse_language(""));
}

TEST_CASE("from_environment reads the locale as gettext does") {
  CHECK(language_of({}) == Language::en);
  CHECK(language_of({{"LANG", "zh_CN.UTF-8"}}) == Language::zh);
  CHECK(language_of({{"LANG", "zh_CN.UTF-8"}, {"LC_MESSAGES", "en_US.UTF-8"}}) == Language::en);
  CHECK(language_of({{"LANG", "en_US.UTF-8"}, {"LC_ALL", "zh_CN.UTF-8"}}) == Language::zh);
  CHECK(language_of({{"LC_ALL", ""}, {"LANG", "zh_CN.UTF-8"}}) == Language::zh);  // empty: unset
  // LANGUAGE decides unless the locale is C
  CHECK(language_of({{"LANG", "en_US.UTF-8"}, {"LANGUAGE", "zh_CN:en"}}) == Language::zh);
  CHECK(language_of({{"LANG", "zh_CN.UTF-8"}, {"LANGUAGE", "en"}}) == Language::en);
  CHECK(language_of({{"LANG", "C.UTF-8"}, {"LANGUAGE", "zh_CN"}}) == Language::en);
  // a language without a catalogue is English
  CHECK(language_of({{"LANG", "fr_FR.UTF-8"}}) == Language::en);
}

TEST_CASE("catalogue_dirs: the environment alone, else beside the binary") {
  CHECK(i18n::catalogue_dirs(std::string_view("/opt/loc"), "/usr/bin") ==
        std::vector<std::string>{"/opt/loc"});
  const std::vector<std::string> dirs = i18n::catalogue_dirs(std::nullopt, "/opt/sopctl/bin");
  REQUIRE(dirs.size() >= 2);
  CHECK(dirs[0] == "/opt/sopctl/share/locale");
  CHECK(dirs[1] == "/opt/sopctl/bin/locale");
}

TEST_CASE("English is the source: tr and trf give the message itself") {
  REQUIRE(i18n::use(Language::en, {}));
  CHECK(std::string(tr("unknown key")) == "unknown key");
  CHECK(trf("{} of {}", 3, "5") == "3 of 5");
  CHECK(trf("{{literal}} {:.1f}", 2.25) == "{literal} 2.2");
}

TEST_CASE("Chinese without a catalogue stays English") {
  CHECK_FALSE(i18n::use(Language::zh, {"/nonexistent/sopctl-locale"}));
  CHECK(i18n::current() == Language::en);
  CHECK(std::string(tr("unknown key")) == "unknown key");
  CHECK(trf("day {}", 3) == "day 3");
}

}  // namespace SOPCTL_TU_ID
