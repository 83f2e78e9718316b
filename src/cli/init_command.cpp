#include "init_command.hpp"
#include <sopctl/base/i18n.hpp>

#include <sopctl/app/templates.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/files.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>

namespace sopctl::cli {

namespace {

// The template `sopctl init` starts from when none is named: the training
// camp, the model SOP that the README's tour follows.
constexpr const char* k_default_template = "camp-7d";

struct InitOptions {
  std::string id = k_default_template;
  bool force = false;
  OutputOptions out;
};

int run_init(const InitOptions& o) {
  const std::string text = templates::read(templates::find_dir(), o.id);
  const bool to_stdout = o.out.output.empty() || o.out.output == "-";
  std::error_code ec;
  if (!to_stdout && !o.force &&
      std::filesystem::exists(std::filesystem::symlink_status(o.out.output, ec))) {
    throw Error(o.out.output + tr(" already exists; use --force to overwrite it"));
  }
  if (to_stdout) {
    emit(o.out, text);
    return 0;
  }
  io::write_file_atomic(o.out.output, text);
  if (!o.out.quiet) {
    std::fprintf(stderr, tr("sopctl: wrote %s from template %s; lint it with: sopctl check %s\n"),
                 o.out.output.c_str(), o.id.c_str(), o.out.output.c_str());
  }
  return 0;
}

}  // namespace

Runner setup_init(CLI::App& app) {
  auto opts = std::make_shared<InitOptions>();
  CLI::App* cmd = app.add_subcommand("init", tr("Start an SOP file from a template"));
  cmd->footer(
      tr("Examples:\n"
         "  sopctl templates\n"
         "  sopctl init --template welfare-daily -o welfare.sop.yaml\n"
         "  sopctl init --template camp-7d > camp.sop.yaml\n"
         "  sopctl check welfare.sop.yaml --strict\n"
         "\n"
         "Without -o the template goes to stdout. An existing file is never overwritten\n"
         "without --force. Without --template, init writes camp-7d (the 7-day training camp).\n"));
  cmd->add_option("-t,--template", opts->id, tr("Template id (see 'sopctl templates')"))
      ->type_name("ID")
      ->default_str(k_default_template);
  cmd->add_flag("-f,--force", opts->force, tr("Overwrite the -o file if it exists"));
  cmd->add_option("-o,--output", opts->out.output,
                  tr("Write the SOP to FILE (atomically) instead of stdout"))
      ->type_name("FILE");
  cmd->add_flag("-q,--quiet", opts->out.quiet, tr("Print nothing on stderr but errors"));
  return [opts] { return run_init(*opts); };
}

}  // namespace sopctl::cli
