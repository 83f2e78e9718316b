#pragma once
// The language of messages for this run: --lang zh|en, else the locale
// (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), English by default.

#include <CLI/CLI.hpp>

#include <string>

namespace sopctl::cli {

// Chooses the language before any message or --help text is made: --lang
// is read from argv here (CLI11 checks its value later). $SOPCTL_LOCALEDIR
// names the catalogue's directory instead of the one beside the binary.
void choose_language(int argc, char** argv);

// Adds --lang to `cmd` and each of its subcommands, and gives CLI11's own
// words in --help (Usage, Options, REQUIRED, ...) in the chosen language.
// Call once every subcommand is set up.
void add_language_option(CLI::App& app, std::string& lang);

// A CLI11 parse error in the chosen language: its message is English.
std::string parse_error_text(const CLI::ParseError& e);

}  // namespace sopctl::cli
