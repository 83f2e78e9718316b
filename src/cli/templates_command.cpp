#include "templates_command.hpp"
#include <sopctl/base/i18n.hpp>

#include <sopctl/app/templates.hpp>

#include <cstdio>
#include <memory>

namespace sopctl::cli {

namespace {

int run_templates(const OutputOptions& out) {
  const std::string dir = templates::find_dir();
  const auto list = templates::list(dir);
  if (list.empty() && !out.quiet) {
    std::fprintf(stderr, tr("sopctl: no templates in %s\n"), dir.c_str());
  }
  emit(out, out.format == "json" ? templates::render_json(list) : templates::render_list(list));
  return 0;
}

}  // namespace

Runner setup_templates(CLI::App& app) {
  auto opts = std::make_shared<OutputOptions>();
  CLI::App* cmd =
      app.add_subcommand("templates", tr("List the SOP templates that 'sopctl init' starts from"));
  cmd->footer(
      tr("Examples:\n"
         "  sopctl templates\n"
         "  sopctl init --template camp-7d -o camp.sop.yaml\n"
         "  sopctl templates --format json\n"
         "\n"
         "Templates are read from $SOPCTL_TEMPLATES when it is set, else from\n"
         "<prefix>/share/sopctl/sop-templates beside the installed binary (or the\n"
         "source tree's sop-templates/ for a build tree).\n"));
  add_output_options(*cmd, *opts, {"text", "json"});
  return [opts] { return run_templates(*opts); };
}

}  // namespace sopctl::cli
