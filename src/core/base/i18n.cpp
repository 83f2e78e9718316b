#include <sopctl/base/i18n.hpp>

#include <libintl.h>
#include <sys/stat.h>
#include <clocale>
#include <cstdlib>
#include <filesystem>

namespace sopctl::i18n {
namespace {

constexpr const char* k_domain = "sopctl";

Language g_language = Language::en;

bool is_c_locale(std::string_view name) {
  return name == "C" || name == "POSIX" || name.rfind("C.", 0) == 0;
}

bool has_catalogue(const std::string& dir) {
  struct stat st {};
  const std::string mo = dir + "/zh_CN/LC_MESSAGES/" + k_domain + ".mo";
  return ::stat(mo.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::optional<Language> parse_language(std::string_view name) {
  if (name.rfind("zh", 0) == 0 &&
      (name.size() == 2 || name[2] == '_' || name[2] == '-' || name[2] == '.' || name[2] == '@')) {
    return Language::zh;
  }
  if (is_c_locale(name) ||
      (name.rfind("en", 0) == 0 && (name.size() == 2 || name[2] == '_' || name[2] == '-' ||
                                    name[2] == '.' || name[2] == '@'))) {
    return Language::en;
  }
  return std::nullopt;
}

Language from_environment(const char* (*getenv)(const char*)) {
  std::string_view locale;
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = getenv(var);
    if (value != nullptr && *value != '\0') {
      locale = value;
      break;
    }
  }
  if (locale.empty() || is_c_locale(locale)) {
    return Language::en;  // gettext ignores LANGUAGE in the C locale
  }
  if (const char* language = getenv("LANGUAGE"); language != nullptr && *language != '\0') {
    const std::string_view list = language;
    locale = list.substr(0, list.find(':'));
  }
  return parse_language(locale).value_or(Language::en);
}

std::vector<std::string> catalogue_dirs(std::optional<std::string_view> env,
                                        std::string_view exe_directory) {
  namespace fs = std::filesystem;
  if (env && !env->empty()) {
    return {std::string(*env)};
  }
  std::vector<std::string> dirs;
  if (!exe_directory.empty()) {
    dirs.push_back((fs::path(exe_directory) / ".." / "share" / "locale").lexically_normal());
    dirs.push_back((fs::path(exe_directory) / "locale").lexically_normal());
  }
#ifdef SOPCTL_INSTALL_LOCALEDIR
  dirs.emplace_back(SOPCTL_INSTALL_LOCALEDIR);
#endif
  return dirs;
}

bool use(Language lang, const std::vector<std::string>& dirs) {
  g_language = Language::en;
  if (lang == Language::en) {
    return true;
  }
  for (const std::string& dir : dirs) {
    if (!has_catalogue(dir)) {
      continue;
    }
    // gettext looks in LANGUAGE only when LC_MESSAGES is not "C"; C.UTF-8 is
    // built into glibc, so Chinese works on a machine without zh_CN locales.
    ::setenv("LANGUAGE", "zh_CN", 1);
    const char* set = std::setlocale(LC_MESSAGES, "");
    if (set == nullptr || std::string_view(set) == "C" || std::string_view(set) == "POSIX") {
      std::setlocale(LC_MESSAGES, "C.UTF-8");
    }
    ::bindtextdomain(k_domain, dir.c_str());
    ::bind_textdomain_codeset(k_domain, "UTF-8");
    g_language = Language::zh;
    return true;
  }
  return false;
}

Language current() {
  return g_language;
}

const char* tr(const char* msgid) {
  if (g_language == Language::en || *msgid == '\0') {
    return msgid;
  }
  return ::dgettext(k_domain, msgid);
}

namespace detail {

std::string vformat_translated(fmt::string_view english, fmt::format_args args) {
  // `english` is the string literal trf() was given, so it ends with a NUL
  const char* translated = tr(english.data());
  if (translated != english.data()) {
    try {
      return fmt::vformat(translated, args);
    } catch (const fmt::format_error&) {
      // a translation with other placeholders than the English: say it in English
    }
  }
  return fmt::vformat(english, args);
}

}  // namespace detail
}  // namespace sopctl::i18n
