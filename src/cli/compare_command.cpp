#include "compare_command.hpp"
#include <sopctl/base/i18n.hpp>

#include "event_input.hpp"
#include "funnel_command.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/compare/compare.hpp>
#include <sopctl/events/events.hpp>
#include <sopctl/render/compare_render.hpp>

#include <cstdio>
#include <memory>

namespace sopctl::cli {
namespace {

struct CompareOptions {
  std::string input;
  std::string steps;
  std::string sop;
  std::string by;
  std::string control;
  std::string cluster;
  std::string window;
  std::string mode;
  std::string tz;
  std::string encoding = "utf-8";
  events::ColumnNames columns;
  OutputOptions out;
};

int run_compare(const CompareOptions& o) {
  const std::optional<Sop> sop = load_optional_sop(o.sop);
  const funnel::Spec spec = funnel_spec(o.steps, o.window, o.mode, sop, o.sop);
  if (spec.steps.empty()) {
    throw Error(
        tr("name the funnel steps with --steps a,b,c (or --sop FILE with a 'funnel:' list)"));
  }
  const TimeZone zone = resolve_zone(o.tz, sop);
  const CsvInput input(o.input, o.encoding);
  const csv::Header& header = input.header;
  events::require_column(header, o.columns.user, o.input, "--user-col");
  events::require_column(header, o.columns.event, o.input, "--event-col");
  events::require_column(header, o.columns.time, o.input, "--time-col");
  events::require_column(header, o.by, o.input, "--by");
  events::LoadOptions lo;
  lo.columns = o.columns;
  lo.keep = spec.events_read();
  lo.keep_user_ids = false;  // counted per variant, never shown
  lo.extra_columns.push_back(o.by);
  if (!o.cluster.empty()) {
    events::require_column(header, o.cluster, o.input, "--cluster");
    lo.extra_columns.push_back(o.cluster);
  }
  lo.zone = &zone;
  events::EventLog log = events::load(input.text, o.input, header, lo);
  compare::Comparison c = compare::from_events(
      log, spec, 0, o.cluster.empty() ? std::nullopt : std::optional<std::size_t>(1));
  compare::compare_arms(c, o.control);
  const std::string& f = o.out.format;
  emit(o.out, f == "json"   ? render::compare_json(c)
              : f == "csv"  ? render::compare_csv(c)
              : f == "md"   ? render::compare_markdown(c)
              : f == "xlsx" ? render::compare_xlsx(c)
              : f == "html" ? render::compare_html(c)
                            : render::compare_table(c));
  if (!o.out.quiet && f != "table" && f != "md") {
    for (const std::string& w : c.warnings) {
      std::fprintf(stderr, tr("sopctl: warning: %s\n"), w.c_str());
    }
  }
  return 0;
}

}  // namespace

Runner setup_compare(CLI::App& app) {
  auto opts = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare", tr("Compare SOP variants (A/B): conversion, interval, lift and significance"));
  cmd->footer(
      tr("Examples:\n"
         "  sopctl compare events.csv --steps join_group,order --by variant --control A\n"
         "  sopctl compare events.csv --sop camp.sop.yaml --by variant --cluster group\n"
         "\n"
         "A user's variant is the --by column of the step-1 event of their best attempt\n"
         "(as funnel --by). Per variant: users at step 1, users at the last step, conversion\n"
         "with a 95% Wilson interval, lift against --control (default: the variant with the\n"
         "most users) and a two-sided p-value: the pooled two-proportion z-test, or Fisher's\n"
         "exact test when an expected cell is under 5. Operators assign groups, not users,\n"
         "to variants: with --cluster group the unit is the group (Welch's t-test on the\n"
         "groups' conversion rates), and a variant with fewer than 5 groups is warned about.\n"));
  cmd->add_option("csv", opts->input, tr("Event log (CSV; '-' reads stdin)"))
      ->required()
      ->type_name("CSV");
  cmd->add_option("--steps", opts->steps, tr("Funnel steps, comma-separated"))->type_name("A,B,C");
  cmd->add_option("--sop", opts->sop, tr("Take steps, window and mode from this SOP's funnel:"))
      ->type_name("FILE");
  cmd->add_option("--by", opts->by, tr("Column naming each user's variant"))
      ->required()
      ->type_name("COL");
  cmd->add_option("--control", opts->control, tr("The control variant (default: the largest)"))
      ->type_name("V");
  cmd->add_option("--cluster", opts->cluster,
                  tr("Column of the unit variants were assigned to (e.g. group)"))
      ->type_name("COL");
  cmd->add_option("--window", opts->window, tr("Funnel window (default 7d, or the SOP's)"))
      ->type_name("DURATION");
  cmd->add_option("--mode", opts->mode, tr("Funnel mode: ordered, strict or any"))
      ->type_name("MODE");
  cmd->add_option("--tz", opts->tz, tr("Time zone of timestamps without an offset"))
      ->type_name("ZONE");
  cmd->add_option("--encoding", opts->encoding, tr("Encoding of the CSV: utf-8, gbk, gb18030"))
      ->default_str("utf-8");
  cmd->add_option("--user-col", opts->columns.user, tr("Column of user ids"))
      ->default_str("user_id");
  cmd->add_option("--event-col", opts->columns.event, tr("Column of event names"))
      ->default_str("event");
  cmd->add_option("--time-col", opts->columns.time, tr("Column of timestamps"))->default_str("ts");
  add_output_options(*cmd, opts->out, {"table", "csv", "json", "md", "xlsx", "html"});
  return [opts] { return run_compare(*opts); };
}

}  // namespace sopctl::cli
