#pragma once
// The language of messages: English (the source language and the default) or
// Chinese, from GNU gettext's catalogue po/zh_CN.po.
//
// Marking a message for translation:
// - tr("text")                  a message as it is;
// - trf("text {}", args...)     a formatted one (fmt syntax, checked at
//                               compile time against the English);
// - N_("text")                  in a table of messages, translated where it
//                               is shown, with tr(entry).
// xgettext finds the three (scripts/update_po.sh refreshes po/zh_CN.po) and
// tests/scripts/test_translations.py fails when one has no translation or
// its translation loses a {} placeholder. Never mark what scripts read: rule
// ids, JSON keys, CSV headers and enum values stay English in every language.

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#define N_(text) text

namespace sopctl::i18n {

enum class Language { en, zh };

// "zh", "zh_CN", "zh_CN.UTF-8", "zh_TW" ... -> zh; "en", "en_US.UTF-8", "C",
// "POSIX", "C.UTF-8" -> en; anything else -> nullopt.
std::optional<Language> parse_language(std::string_view name);

// What the environment asks for, as gettext reads it: the first of LC_ALL,
// LC_MESSAGES and LANG that is set names the locale; LANGUAGE's first entry
// decides when that locale is not C or POSIX. `getenv` is std::getenv but
// for tests. A locale sopctl has no catalogue for means English.
Language from_environment(const char* (*getenv)(const char*));

// Where zh_CN/LC_MESSAGES/sopctl.mo is looked for, in order: `env`
// ($SOPCTL_LOCALEDIR) alone when set; else EXE/../share/locale (an installed
// binary), EXE/locale (the build tree), then the configured install prefix.
std::vector<std::string> catalogue_dirs(std::optional<std::string_view> env,
                                        std::string_view exe_directory);

// Sets the language of this process. For zh it needs the catalogue in one of
// `dirs`; without it messages stay English and it returns false.
bool use(Language lang, const std::vector<std::string>& dirs);

Language current();

// The translation of `msgid` in the current language (msgid itself in English
// or when the catalogue lacks it). The pointer lives as long as the process.
const char* tr(const char* msgid) __attribute__((format_arg(1)));

namespace detail {
// Formats the translation of `english` (a literal) with `args`; the English
// when the translation's placeholders do not fit the arguments.
std::string vformat_translated(fmt::string_view english, fmt::format_args args);
}  // namespace detail

template <typename... T>
std::string trf(fmt::format_string<T...> english, T&&... args) {
  if (current() == Language::en) {
    return fmt::format(english, std::forward<T>(args)...);
  }
  return detail::vformat_translated(fmt::string_view(english), fmt::make_format_args(args...));
}

}  // namespace sopctl::i18n

namespace sopctl {
using i18n::tr;
using i18n::trf;
}  // namespace sopctl
