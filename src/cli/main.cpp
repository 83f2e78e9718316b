// The sopctl binary: parse arguments, run one subcommand, map every failure
// to the exit codes of docs/spec.md §3. This is the only place errors are caught.

#include "aarrr_command.hpp"
#include "check_command.hpp"
#include "completion_command.hpp"
#include "funnel_command.hpp"
#include "init_command.hpp"
#include "plan_command.hpp"
#include "schema_command.hpp"
#include "templates_command.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/version.hpp>

#include <cstdio>
#include <exception>
#include <map>

namespace {

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
  runners["schema"] = cli::setup_schema(app);
  runners["templates"] = cli::setup_templates(app);
  runners["init"] = cli::setup_init(app);
  runners["completion"] = cli::setup_completion(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "sopctl: error: %s\nRun 'sopctl --help' or 'sopctl COMMAND --help'.\n",
                 e.what());
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
