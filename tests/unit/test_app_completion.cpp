#include <sopctl/app/completion.hpp>

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

completion::OptionSpec option(std::vector<std::string> names, std::string description,
                              std::string value_name = "", std::vector<std::string> values = {},
                              bool files = false, bool repeatable = false) {
  completion::OptionSpec o;
  o.names = std::move(names);
  o.description = std::move(description);
  o.takes_value = !value_name.empty();
  o.value_name = std::move(value_name);
  o.values = std::move(values);
  o.files = files;
  o.repeatable = repeatable;
  return o;
}

completion::CommandSpec command(std::string name, std::string description,
                                std::vector<completion::OptionSpec> options, bool file_args,
                                std::vector<std::string> arg_values = {}) {
  completion::CommandSpec c;
  c.name = std::move(name);
  c.description = std::move(description);
  c.options = std::move(options);
  c.file_args = file_args;
  c.arg_values = std::move(arg_values);
  return c;
}

std::vector<completion::CommandSpec> commands() {
  const auto format = option({"--format"}, "Output format: table, json", "TEXT", {"table", "json"});
  const auto output = option({"-o", "--output"}, "Write to FILE", "FILE", {}, true);
  const auto roster = option({"--roster"}, "Roster file; repeatable", "FILE", {}, true, true);
  const auto calendar = option({"--calendar"}, "Calendar: 'cn' or a file", "cn|FILE", {"cn"}, true);
  const auto strict = option({"--strict"}, "Fail on [warnings]");
  return {command("plan", "Expand SOPs", {format, output, roster, calendar}, true),
          command("check", "Lint 'files'", {strict}, true),
          command("completion", "Print a script", {}, false, {"bash", "zsh"})};
}

const std::vector<completion::OptionSpec> k_global = {option({"-h", "--help"}, "Print help"),
                                                      option({"--version"}, "Print the version")};

}  // namespace

TEST_CASE("completion::bash_script") {
  const std::string s = completion::bash_script(commands(), k_global);
  SUBCASE("registers the function") {
    CHECK(contains(s, "complete -F _sopctl sopctl\n"));
  }
  SUBCASE("subcommands and global options") {
    CHECK(contains(s, "_sopctl_reply \"plan check completion\""));
    CHECK(contains(s, "_sopctl_reply \"-h --help --version\""));
  }
  SUBCASE("option values per subcommand") {
    CHECK(contains(s, "--format) _sopctl_reply \"table json\"; return 0 ;;"));
    CHECK(contains(s, "-o|--output) _sopctl_reply \"\" 1; return 0 ;;"));
    CHECK(contains(s, "--calendar) _sopctl_reply \"cn\" 1; return 0 ;;"));
  }
  SUBCASE("options of a subcommand, flags included") {
    CHECK(contains(s, "opts=\"--format -o --output --roster --calendar\""));
    CHECK(contains(s, "opts=\"--strict\""));
  }
  SUBCASE("a flag takes no value: nothing stops completion after it") {
    CHECK(!contains(s, "--strict) return 0"));
  }
  SUBCASE("positional words") {
    CHECK(contains(s, "_sopctl_reply \"bash zsh\""));
  }
}

TEST_CASE("completion::zsh_script") {
  const std::string s = completion::zsh_script(commands(), k_global);
  SUBCASE("works from $fpath and when sourced") {
    CHECK(s.rfind("#compdef sopctl\n", 0) == 0);
    CHECK(contains(s, "compdef _sopctl sopctl"));
  }
  SUBCASE("subcommands with descriptions; quotes escaped") {
    CHECK(contains(s, "'plan:Expand SOPs'"));
    CHECK(contains(s, "'check:Lint '\\''files'\\'''"));
  }
  SUBCASE("values, files, aliases and repeatable options") {
    CHECK(contains(s, "'--format[Output format: table, json]:TEXT:(table json)'"));
    CHECK(contains(s, "'(-o --output)-o[Write to FILE]:FILE:_files'"));
    CHECK(contains(s, "'*--roster[Roster file; repeatable]:FILE:_files'"));
    CHECK(contains(s, "_alternative \"values\\:value\\:(cn)\" \"files\\:file\\:_files\""));
  }
  SUBCASE("brackets in a description do not end it") {
    CHECK(contains(s, "'--strict[Fail on (warnings)]'"));
  }
  SUBCASE("positional words and files") {
    CHECK(contains(s, "'1:argument:(bash zsh)'"));
    CHECK(contains(s, "'*:file:_files'"));
  }
}

}  // namespace SOPCTL_TU_ID
