// The sopctl binary: parse arguments, run one subcommand, map every failure
// to the exit codes of docs/spec.md §3. This is the only place errors are caught.

#include "aarrr_command.hpp"
#include "audit_command.hpp"
#include "calendar_command.hpp"
#include "check_command.hpp"
#include "compare_command.hpp"
#include "completion_command.hpp"
#include "funnel_command.hpp"
#include "grow_command.hpp"
#include "init_command.hpp"
#include "language.hpp"
#include "notify_command.hpp"
#include "plan_command.hpp"
#include "schema_command.hpp"
#include "templates_command.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/version.hpp>
#include <sopctl/text/did_you_mean.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <map>
#include <string>
#include <vector>

namespace {

// Long option names of `cmd` ("--format", ...), for did-you-mean.
std::vector<std::string> long_options(const CLI::App& cmd) {
  std::vector<std::string> out;
  for (const CLI::Option* opt : cmd.get_options()) {
    for (const std::string& name : opt->get_lnames()) {
      out.push_back("--" + name);
    }
  }
  return out;
}

// " (did you mean '--format'?)" for the first --flag of argv that `cmd` lacks.
std::string flag_suggestion(const CLI::App& cmd, int argc, char** argv) {
  const std::vector<std::string> known = long_options(cmd);
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      continue;
    }
    arg = arg.substr(0, arg.find('='));
    if (std::find(known.begin(), known.end(), arg) != known.end()) {
      continue;
    }
    const std::string match = sopctl::text::closest_match(arg, known);
    return match.empty() ? sopctl::trf(" ('{}' is not an option of this command)", arg)
                         : sopctl::trf(" (did you mean '{}' for '{}'?)", match, arg);
  }
  return {};
}

int run(int argc, char** argv) {
  using namespace sopctl;
  cli::choose_language(argc, argv);
  CLI::App app{tr("sopctl: community-operations SOPs as code: plan, lint, funnel, AARRR"),
               "sopctl"};
  app.set_help_flag("-h,--help", tr("Print this help message and exit"));
  app.set_version_flag("--version", std::string(version()),
                       tr("Display program version information and exit"));
  app.require_subcommand(1);
  app.footer(tr("Run 'sopctl COMMAND --help' for a command's options and examples.\n"));

  std::map<std::string, cli::Runner> runners;
  runners["plan"] = cli::setup_plan(app);
  runners["check"] = cli::setup_check(app);
  runners["funnel"] = cli::setup_funnel(app);
  runners["aarrr"] = cli::setup_aarrr(app);
  runners["audit"] = cli::setup_audit(app);
  runners["notify"] = cli::setup_notify(app);
  runners["calendar"] = cli::setup_calendar(app);
  runners["grow"] = cli::setup_grow(app);
  runners["compare"] = cli::setup_compare(app);
  runners["schema"] = cli::setup_schema(app);
  runners["templates"] = cli::setup_templates(app);
  runners["init"] = cli::setup_init(app);
  runners["completion"] = cli::setup_completion(app);
  std::string lang;  // read by choose_language; CLI11 checks it is zh or en
  cli::add_language_option(app, lang);

  // An unknown command is named, with the nearest one (git's did-you-mean).
  if (argc > 1 && argv[1][0] != '-' && runners.count(argv[1]) == 0) {
    std::vector<std::string> names;
    for (const auto& [name, runner] : runners) {
      names.push_back(name);
    }
    std::fprintf(stderr, "%s\n",
                 trf("sopctl: error: unknown command '{}'{}\nRun 'sopctl --help' for the list.",
                     argv[1], text::did_you_mean_suffix(argv[1], names))
                     .c_str());
    return static_cast<int>(ExitCode::failure);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string hint;
    if (argc > 1 && runners.count(argv[1]) != 0) {
      hint = flag_suggestion(*app.get_subcommand(argv[1]), argc, argv);
    }
    std::fprintf(stderr, "%s\n",
                 trf("sopctl: error: {}{}\nRun 'sopctl --help' or 'sopctl COMMAND --help'.",
                     cli::parse_error_text(e), hint)
                     .c_str());
    return static_cast<int>(ExitCode::failure);
  }
  for (CLI::App* sub : app.get_subcommands()) {
    auto it = runners.find(sub->get_name());
    if (it != runners.end()) {
      return it->second();
    }
  }
  return static_cast<int>(ExitCode::failure);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const sopctl::Error& e) {
    std::fprintf(stderr, "%s\n", e.format().c_str());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", sopctl::trf("sopctl: internal error: {}", e.what()).c_str());
    return static_cast<int>(sopctl::ExitCode::failure);
  }
}
