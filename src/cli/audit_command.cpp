#include "audit_command.hpp"
#include <sopctl/base/i18n.hpp>

#include "customer_input.hpp"
#include "dates.hpp"
#include "event_input.hpp"

#include <sopctl/audit/audit.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/timestamp.hpp>
#include <sopctl/calendar/calendar.hpp>
#include <sopctl/render/audit_render.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <memory>

namespace sopctl::cli {
namespace {

// Records may be done this long after the range and still count for it;
// items this long before it take late records that are not the range's.
constexpr int k_margin_days = 31;

struct AuditOptions {
  std::vector<std::string> sop_files;
  std::vector<std::string> rosters;
  std::string done;
  std::string encoding = "utf-8";
  audit::DoneColumns columns;
  RangeOptions range;
  std::string as_of;
  std::string grace = "30m";
  std::string by = "staff";
  std::string fail_below;
  std::string calendar;
  bool list = false;
  CustomerOptions customers;
  OutputOptions out;
};

// The plan the log is matched against: the range and a margin on each side
// (as far as the calendar covers), or every group's whole life.
Plan plan_for(const load::Inputs& in, const Calendar& calendar,
              const std::optional<std::pair<Date, Date>>& range, const CustomerInputs& customers) {
  PlanRequest req;
  req.customers = customers.customers_ptr();
  req.customer_events = customers.events_ptr();
  if (range) {
    req.from = range->first - k_margin_days;
    req.to = range->second + k_margin_days;
    if (!calendar.covers(*req.from, *req.to)) {
      req.from = range->first;
      req.to = range->second;
    }
  }
  return expand_plan(in.sops, in.roster, calendar, req);
}

int run_audit(const AuditOptions& o) {
  Diagnostics diags;
  const load::Inputs in = load::load_inputs({o.sop_files, o.rosters, {}, o.encoding}, diags);
  note_repeated(in, o.out);
  if (report_errors(diags)) {
    return static_cast<int>(ExitCode::failure);
  }
  const std::string zone_name = in.sops.empty() ? "Asia/Shanghai" : in.sops.front().timezone.value;
  const auto zone = TimeZone::load(zone_name);
  audit::Options opts;
  const auto by = audit::parse_by(o.by);
  if (!by) {
    throw Error("--by " + o.by + tr(": use staff, group, task or day"));
  }
  opts.by = *by;
  opts.grace_seconds = parse_duration_option("--grace", o.grace, true);
  const double fail_below =
      o.fail_below.empty() ? 0.0 : parse_rate_option("--fail-below", o.fail_below);
  if (!o.as_of.empty()) {
    const auto t = parse_timestamp(o.as_of);
    if (!t) {
      throw Error("--as-of " + o.as_of + tr(": not a time (e.g. 2026-12-31T23:59 or 2026-12-31)"));
    }
    opts.as_of = to_local(*t, zone ? &*zone : nullptr);
  }
  const auto range = resolve_range(o.range, zone_name);
  const Calendar calendar = calendar::load(o.calendar);
  CustomerOptions customer_options = o.customers;
  customer_options.encoding = o.encoding;
  const CustomerInputs customers = load_customer_inputs(customer_options, in.roster, in.sops);
  const Plan plan = plan_for(in, calendar, range, customers);
  opts.from = range ? range->first : plan.from;
  opts.to = range ? range->second : plan.to;

  const CsvInput log_input(o.done, o.encoding, true);  // nothing done yet is a log too
  const audit::DoneLog log =
      audit::read_done_log(log_input.text, o.done, o.columns, zone ? &*zone : nullptr);
  const audit::Report report =
      audit::run_audit(plan, in.sops, in.roster, customers.customers_ptr(), log, opts);

  render::AuditRenderOptions ro;
  ro.list = o.list;
  const std::string& f = o.out.format;
  emit(o.out, f == "json"   ? render::audit_json(report, ro)
              : f == "csv"  ? render::audit_csv(report, ro)
              : f == "md"   ? render::audit_markdown(report, ro)
              : f == "xlsx" ? render::audit_xlsx(report, ro)
              : f == "html" ? render::audit_html(report, ro)
                            : render::audit_table(report, ro));
  // The table says it itself; other formats are for machines, so say it on stderr.
  if (!o.out.quiet && f != "table") {
    if (report.duplicates > 0) {
      std::fprintf(stderr, "%s\n",
                   trf("sopctl: audit: {}: {} duplicate record{} not counted twice", o.done,
                       report.duplicates, report.duplicates == 1 ? "" : "s")
                       .c_str());
    }
    if (report.out_of_range > 0) {
      std::fprintf(stderr, "%s\n",
                   trf("sopctl: audit: {}: {} record{} outside the range not counted", o.done,
                       report.out_of_range, report.out_of_range == 1 ? "" : "s")
                       .c_str());
    }
  }
  if (!o.fail_below.empty()) {
    const double rate = report.totals.on_time_rate().value_or(0.0);
    if (rate < fail_below) {
      std::fprintf(stderr, tr("sopctl: audit: on-time rate %.1f%% is below --fail-below %.1f%%\n"),
                   rate * 100, fail_below * 100);
      return static_cast<int>(ExitCode::findings);
    }
  }
  return 0;
}

}  // namespace

Runner setup_audit(CLI::App& app) {
  auto opts = std::make_shared<AuditOptions>();
  CLI::App* cmd =
      app.add_subcommand("audit", tr("Compare the plan with what was done: on time, late, missed"));
  cmd->footer(
      tr("Examples:\n"
         "  sopctl audit camp.sop.yaml --roster roster.yaml --done done.csv --month 2026-12\n"
         "  sopctl audit camp.sop.yaml --roster roster.yaml --done done.csv --by group --list\n"
         "  sopctl audit sops/*.sop.yaml --roster roster.yaml --done done.csv --fail-below 90%\n"
         "\n"
         "The done log is a CSV with done_at and either key (the last column of\n"
         "`plan --format csv`) or group and task (ids, or the group's name and the\n"
         "task's title, as SCRM exports write them), optionally staff.\n"
         "An item is on time when done within --grace after its time (all-day items:\n"
         "on its date), late when done after that, missed when not done by --as-of\n"
         "(default: the latest done_at in the log), pending when its time is later.\n"
         "on_time_rate = on_time / (planned - pending).\n"));
  cmd->add_option("sop", opts->sop_files, tr("SOP files (*.sop.yaml)"))
      ->required()
      ->type_name("SOP");
  cmd->add_option("--roster", opts->rosters,
                  tr("Roster file (YAML or CSV); repeat to merge several"))
      ->required()
      ->type_name("FILE")
      ->allow_extra_args(false);
  cmd->add_option("--done", opts->done, tr("Done log (CSV; '-' for stdin)"))
      ->required()
      ->check(non_empty_path())
      ->type_name("LOG.csv");
  cmd->add_option("--encoding", opts->encoding,
                  tr("Encoding of the done log and customers file: utf-8, gbk, gb18030"))
      ->default_str("utf-8");
  cmd->add_option("--customers", opts->customers.customers,
                  tr("Customers of customer SOPs (records may name a customer and task)"))
      ->check(non_empty_path())
      ->type_name("FILE");
  cmd->add_option(
         "--events", opts->customers.events,
         tr("Event log: a customer's items after their first `until` event are not planned"))
      ->check(non_empty_path())
      ->type_name("LOG.csv");
  add_range_options(*cmd, opts->range, "audit", false);
  cmd->add_option("--as-of", opts->as_of, tr("Items due after this time are pending"))
      ->type_name("TIME");
  cmd->add_option("--grace", opts->grace, tr("How long after its time an item is still on time"))
      ->default_str("30m")
      ->type_name("DURATION");
  cmd->add_option("--by", opts->by, tr("One row per staff, group, task or day"))
      ->check(CLI::IsMember({"staff", "group", "task", "day"}))
      ->default_str("staff");
  cmd->add_flag("--list", opts->list, tr("Also list every late, missed and unplanned item"));
  cmd->add_option("--fail-below", opts->fail_below,
                  tr("Exit 1 when the overall on-time rate is below RATE (0.9 or 90%)"))
      ->type_name("RATE");
  cmd->add_option("--done-at-col", opts->columns.done_at, tr("Column of completion times"))
      ->default_str("done_at");
  cmd->add_option("--group-col", opts->columns.group, tr("Column of groups (ids or names)"))
      ->default_str("group");
  cmd->add_option("--task-col", opts->columns.task, tr("Column of tasks (ids or titles)"))
      ->default_str("task");
  cmd->add_option("--staff-col", opts->columns.staff, tr("Column of who did it"))
      ->default_str("staff");
  cmd->add_option("--calendar", opts->calendar,
                  tr("Workday calendar: 'cn' (built in) or a YAML file"))
      ->check(non_empty_path())
      ->type_name("cn|FILE");
  add_output_options(*cmd, opts->out, {"table", "csv", "json", "md", "xlsx", "html"});
  return [opts] { return run_audit(*opts); };
}

}  // namespace sopctl::cli
