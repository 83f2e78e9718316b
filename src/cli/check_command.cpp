#include "check_command.hpp"
#include <sopctl/base/i18n.hpp>

#include "customer_input.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/files.hpp>
#include <sopctl/base/version.hpp>
#include <sopctl/calendar/calendar.hpp>
#include <sopctl/lint/lint.hpp>
#include <sopctl/load/inputs.hpp>
#include <sopctl/render/check_render.hpp>

#include <cstdio>
#include <map>
#include <memory>

namespace sopctl::cli {

namespace {

// Where SARIF consumers send a user who wants to know more about sopctl.
constexpr const char* k_information_uri = "https://github.com/sopctl/sopctl";

struct CheckOptions {
  std::vector<std::string> files;
  std::vector<std::string> rosters;
  std::string calendar;
  std::string config;
  bool strict = false;
  bool list_rules = false;
  CustomerOptions customers;
  OutputOptions out;
};

std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (path == "-" || slash == std::string::npos) {
    return ".";
  }
  return slash == 0 ? "/" : path.substr(0, slash);
}

lint::Config load_config(const CheckOptions& o) {
  const std::string path =
      o.config.empty() ? lint::find_config(directory_of(o.files.front())) : o.config;
  if (path.empty()) {
    return {};
  }
  return lint::parse_config(io::read_file(path), path);
}

std::string render(const Diagnostics& diags, const CheckOptions& o) {
  const std::string& f = o.out.format;
  if (f == "json") {
    return render::check_json(diags);
  }
  if (f == "github") {
    return render::check_github(diags);
  }
  if (f == "sarif") {
    return render::check_sarif(diags, lint::all_rules(),
                               {std::string(version()), k_information_uri});
  }
  return render::check_text(diags, use_color(o.out));
}

int list_rules(const CheckOptions& o) {
  const auto& rules = lint::all_rules();
  const std::string& f = o.out.format;
  if (f == "json") {
    emit(o.out, render::rules_json(rules));
  } else if (f == "md") {
    emit(o.out, render::rules_markdown(rules));
  } else if (f == "text") {
    emit(o.out, render::rules_list(rules));
  } else {
    throw Error(trf("--list-rules prints text, json or md, not {}", f));
  }
  return static_cast<int>(ExitCode::ok);
}

int run_check(const CheckOptions& o) {
  if (o.list_rules) {
    return list_rules(o);
  }
  if (o.files.empty()) {
    throw Error(tr("check: name the SOP or roster files to lint (or use --list-rules)"));
  }
  if (o.out.format == "md") {
    throw Error(tr("--format md goes with --list-rules"));
  }
  Diagnostics diags;
  const load::Inputs in = load::load_inputs({{}, o.rosters, o.files, o.customers.encoding}, diags);
  const Calendar calendar = calendar::load(o.calendar);
  const lint::Config config = load_config(o);
  lint::Input input;
  input.sops = &in.sops;
  input.roster = in.has_roster ? &in.roster : nullptr;
  input.calendar = &calendar;
  input.config = &config;
  const CustomerInputs customers = load_customer_inputs(o.customers, in.roster, in.sops);
  input.customers = customers.customers_ptr();
  input.customer_events = customers.events_ptr();
  lint::run_rules(input, diags);
  lint::apply_suppressions(diags, in.texts);
  lint::apply_config(diags, config);
  sort_diagnostics(diags);
  cap_repeats(diags);

  emit(o.out, render(diags, o));
  if (!o.out.quiet) {
    std::fprintf(stderr, "%s\n", render::check_summary(diags, in.texts.size()).c_str());
  }
  const bool fail = has_errors(diags) || (o.strict && !diags.empty());
  return static_cast<int>(fail ? ExitCode::findings : ExitCode::ok);
}

}  // namespace

Runner setup_check(CLI::App& app) {
  auto opts = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", tr("Lint SOP and roster files before a group opens"));
  cmd->footer(
      tr("Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 could not run.\n"
         "Silence one finding with '# sopctl: disable=RULE-ID' on its line or alone above it;\n"
         "set severities and limits for a project in .sopctl.yaml (see docs/rules.md).\n"
         "\n"
         "Examples:\n"
         "  sopctl check examples/camp-7d.sop.yaml --roster examples/roster.yaml\n"
         "  sopctl check sops/*.sop.yaml roster.yaml --calendar cn --strict\n"
         "  sopctl check sops/*.sop.yaml --format sarif -o sopctl.sarif\n"
         "  sopctl check --list-rules"));
  cmd->add_option("files", opts->files,
                  tr("SOP files (*.sop.yaml) and roster files (*.roster.yaml, *.csv, or YAML with "
                     "staff/groups) to lint"))
      ->type_name("FILE");
  cmd->add_option(
         "--roster", opts->rosters,
         tr("Roster to check owners and groups against (YAML, or CSV of groups); repeatable"))
      ->type_name("FILE")
      ->allow_extra_args(false);  // one file per --roster: FILE... may follow it
  cmd->add_option("--calendar", opts->calendar,
                  tr("Workday calendar: 'cn' (built in, mainland China 2025-2026) or a YAML file"))
      ->check(non_empty_path())
      ->type_name("cn|FILE");
  cmd->add_flag("--strict", opts->strict, tr("Fail (exit 1) on warnings too"));
  cmd->add_option("--config", opts->config,
                  tr("Project config instead of the nearest .sopctl.yaml"))
      ->type_name("FILE");
  cmd->add_flag("--list-rules", opts->list_rules,
                tr("Print every rule: id, category, default severity, summary"));
  add_customer_options(*cmd, opts->customers, true);
  add_output_options(*cmd, opts->out, {"text", "json", "sarif", "github"}, {"md"});
  return [opts] { return run_check(*opts); };
}

}  // namespace sopctl::cli
