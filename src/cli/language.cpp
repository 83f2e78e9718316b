#include "language.hpp"

#include <sopctl/base/files.hpp>
#include <sopctl/base/i18n.hpp>

#include <cstdlib>
#include <optional>
#include <regex>
#include <string_view>

namespace sopctl::cli {
namespace {

// The value of the last --lang in argv before "--", or nullopt.
std::optional<std::string> lang_argument(int argc, char** argv) {
  std::optional<std::string> value;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") {
      break;
    }
    if (arg == "--lang" && i + 1 < argc) {
      value = argv[++i];
    } else if (arg.rfind("--lang=", 0) == 0) {
      value = std::string(arg.substr(7));
    }
  }
  return value;
}

const char* env_value(const char* name) {
  return std::getenv(name);
}

void translate_labels(CLI::App& cmd) {
  const auto formatter = cmd.get_formatter();
  formatter->label("Usage", tr("Usage"));
  formatter->label("OPTIONS", tr("OPTIONS"));
  formatter->label("SUBCOMMAND", tr("SUBCOMMAND"));
  formatter->label("SUBCOMMANDS", tr("SUBCOMMANDS"));
  formatter->label("Positionals", tr("Positionals"));
  formatter->label("REQUIRED", tr("REQUIRED"));
  formatter->label("Env", tr("Env"));
  formatter->label("Needs", tr("Needs"));
  formatter->label("Excludes", tr("Excludes"));
}

struct Pattern {
  const char* english;     // an ECMAScript regex over CLI11's message
  const char* translated;  // its replacement ($1, $2 ...), marked for translation
};

}  // namespace

void choose_language(int argc, char** argv) {
  i18n::Language lang = i18n::from_environment(env_value);
  if (const std::optional<std::string> asked = lang_argument(argc, argv)) {
    // a value other than zh or en is CLI11's to refuse, in English
    lang = i18n::parse_language(*asked).value_or(i18n::Language::en);
  }
  const char* dir = std::getenv("SOPCTL_LOCALEDIR");
  i18n::use(lang, i18n::catalogue_dirs(dir ? std::optional<std::string_view>(dir) : std::nullopt,
                                       io::executable_directory()));
}

void add_language_option(CLI::App& app, std::string& lang) {
  const char* help =
      tr("Language of messages and --help: zh (中文) or en; default from "
         "LANG/LC_MESSAGES");
  std::vector<CLI::App*> commands = app.get_subcommands({});
  commands.push_back(&app);
  for (CLI::App* cmd : commands) {
    cmd->add_option("--lang", lang, help)->check(CLI::IsMember({"zh", "en"}))->type_name("LANG");
    cmd->group(tr("Subcommands"));
    translate_labels(*cmd);
    for (CLI::Option* opt : cmd->get_options()) {
      if (opt->get_group() == "Options") {
        opt->group(tr("Options"));
      }
    }
  }
}

std::string parse_error_text(const CLI::ParseError& e) {
  const std::string english = e.what();
  if (i18n::current() == i18n::Language::en) {
    return english;
  }
  static const Pattern patterns[] = {
      {"The following arguments? (?:was|were) not expected: (.*)",
       N_("unexpected argument(s): $1")},
      {"A subcommand is required", N_("a command is required")},
      {"(.+) is required", N_("$1 is required")},
      {"(.+): (.*) not in \\{(.*)\\}", N_("$1: '$2' is not one of {$3}")},
      {"(.+): Value (.*) not in range (.*) to (.*)", N_("$1: $2 is not between $3 and $4")},
      {"(.+): Value (.*) could not be converted(.*)", N_("$1: '$2' is not a valid value")},
      {"Could not convert: (.+) = (.*)", N_("$1: '$2' is not a valid value")},
      {"Expected exactly (\\d+) arguments? to (.+), got (\\d+)",
       N_("$2 takes $1 value(s), got $3")},
      {"(.+): (.*) required (.*) missing", N_("$1: a value is missing")},
      {"(.+): too many inputs for a flag", N_("$1 is a flag and takes no value")},
      {"(.+) requires (.+)", N_("$1 needs $2")},
      {"(.+) excludes (.+)", N_("$1 cannot be used with $2")},
  };
  for (const Pattern& p : patterns) {
    const std::regex re(p.english);
    if (std::regex_match(english, re)) {
      return std::regex_replace(english, re, tr(p.translated));
    }
  }
  return english;
}

}  // namespace sopctl::cli
