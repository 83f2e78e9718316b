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
#include "notify_command.hpp"
#include "plan_command.hpp"
#include "schema_command.hpp"
#include "templates_command.hpp"

#include <sopctl/base/error.hpp>
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
    return match.empty() ? " ('" + arg + "' is not an option of this command)"
                         : " (did you mean '" + match + "' for '" + arg + "'?)";
  }
  return {};
}

int run(int argc, char** argv) {
  using namespace sopctl;
  CLI::App app{"sopctl: community-operations SOPs as code: plan, lint, funnel, AARRR", "sopctl"};
  app.set_version_flag("--version", std::string(version()));
  app.require_subcommand(1);
  app.footer("Run 'sopctl COMMAND --help' for a command's options and examples.\n");

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

  // An unknown command is named, with the nearest one (git's did-you-mean).
  if (argc > 1 && argv[1][0] != '-' && runners.count(argv[1]) == 0) {
    std::vector<std::string> names;
    for (const auto& [name, runner] : runners) {
      names.push_back(name);
    }
    std::fprintf(stderr,
                 "sopctl: error: unknown command '%s'%s\nRun 'sopctl --help' for the list.\n",
                 argv[1], text::did_you_mean_suffix(argv[1], names).c_str());
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
    std::fprintf(stderr, "sopctl: error: %s%s\nRun 'sopctl --help' or 'sopctl COMMAND --help'.\n",
                 e.what(), hint.c_str());
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
    std::fprintf(stderr, "sopctl: internal error: %s\n", e.what());
    return static_cast<int>(sopctl::ExitCode::failure);
  }
}
