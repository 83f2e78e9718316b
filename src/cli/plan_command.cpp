#include "plan_command.hpp"
#include <sopctl/base/i18n.hpp>

#include "customer_input.hpp"
#include "dates.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/timezone.hpp>
#include <sopctl/calendar/calendar.hpp>
#include <sopctl/load/inputs.hpp>
#include <sopctl/plan/plan.hpp>
#include <sopctl/render/plan_render.hpp>
#include <sopctl/text/strings.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>

namespace sopctl::cli {

namespace {

struct PlanOptions {
  std::vector<std::string> sop_files;
  std::vector<std::string> rosters;
  RangeOptions range;
  std::vector<std::string> groups;
  std::string staff;
  std::string calendar;
  std::string title;
  CustomerOptions customers;
  bool summary = false;
  std::string alarm;
  OutputOptions out;
};

// ICS DTSTAMP: SOURCE_DATE_EPOCH (reproducible builds convention) or now.
std::int64_t dtstamp() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (env == nullptr || *env == '\0') {
    return std::time(nullptr);
  }
  char* end = nullptr;
  const long long v = std::strtoll(env, &end, 10);
  if (*end != '\0' || v < 0) {
    throw Error(std::string("SOURCE_DATE_EPOCH=") + env + tr(": not a number of seconds"));
  }
  return v;
}

PlanRequest make_request(const PlanOptions& o, const std::vector<Sop>& sops) {
  PlanRequest req;
  req.groups = o.groups;
  req.staff = o.staff;
  if (const auto range =
          resolve_range(o.range, sops.empty() ? "Asia/Shanghai" : sops.front().timezone.value)) {
    req.from = range->first;
    req.to = range->second;
  }
  return req;
}

std::string render(const Plan& plan, const PlanOptions& o, const Roster& roster) {
  if (!o.alarm.empty() && o.out.format != "ics") {
    throw Error("--alarm " + o.alarm + tr(": alarms are for --format ics"));
  }
  if (o.summary) {
    const std::string& f = o.out.format;
    if (f == "ics" || f == "html") {
      throw Error(tr("--summary counts items: use it with --format table, md, csv, tsv or json"));
    }
    return render::plan_summary(plan, f);
  }
  render::PlanRenderOptions ro;
  ro.color = use_color(o.out);
  ro.title = o.title;
  for (const Staff& st : roster.staff) {
    if (!o.staff.empty() && st.id.value == o.staff) {
      ro.staff = st.name.value.empty() ? st.id.value : st.name.value;
    }
  }
  const std::string& f = o.out.format;
  if (f == "table") {
    return render::plan_table(plan, ro);
  }
  if (f == "md") {
    return render::plan_markdown(plan, ro);
  }
  if (f == "csv") {
    return render::plan_csv(plan, ',');
  }
  if (f == "tsv") {
    return render::plan_csv(plan, '\t');
  }
  if (f == "json") {
    return render::plan_json(plan);
  }
  if (f == "xlsx") {
    return render::plan_xlsx(plan);
  }
  if (f == "ics") {
    ro.dtstamp = dtstamp();
    if (!o.alarm.empty()) {
      const std::int64_t seconds = parse_duration_option("--alarm", o.alarm, false);
      if (seconds % 60 != 0 || seconds > 7 * 86400) {
        throw Error("--alarm " + o.alarm + tr(": whole minutes, at most 7d (e.g. 15m, 1h)"));
      }
      ro.alarm_minutes = static_cast<int>(seconds / 60);
    }
    return render::plan_ics(plan, ro);
  }
  return render::plan_html(plan, ro);
}

int run_plan(const PlanOptions& o) {
  Diagnostics diags;
  const load::Inputs in =
      load::load_inputs({o.sop_files, o.rosters, {}, o.customers.encoding}, diags);
  note_repeated(in, o.out);
  const std::vector<Sop>& sops = in.sops;
  const Roster& roster = in.roster;
  // A schedule from a wrong file would be trusted and wrong: refuse.
  if (report_errors(diags)) {
    return static_cast<int>(ExitCode::failure);
  }
  const Calendar calendar = calendar::load(o.calendar);
  const CustomerInputs customers = load_customer_inputs(o.customers, roster, sops);
  PlanRequest req = make_request(o, sops);
  req.customers = customers.customers_ptr();
  req.customer_events = customers.events_ptr();
  const Plan plan = expand_plan(sops, roster, calendar, req);
  if (roster.groups.empty() && req.customers == nullptr && !o.out.quiet) {
    // Most likely the wrong file, or a CSV export that lost its rows.
    std::fprintf(stderr, tr("sopctl: warning: no groups in the roster (%s): nothing is planned\n"),
                 text::join(roster.paths).c_str());
  }
  emit(o.out, render(plan, o, roster));
  return 0;
}

}  // namespace

Runner setup_plan(CLI::App& app) {
  auto opts = std::make_shared<PlanOptions>();
  CLI::App* cmd = app.add_subcommand("plan", tr("Expand SOPs and a roster into a dated schedule"));
  cmd->footer(tr(
      "Examples:\n"
      "  sopctl plan examples/camp-7d.sop.yaml --roster examples/roster.yaml --month 2026-12\n"
      "  sopctl plan sops/*.sop.yaml --roster roster.yaml --date today --staff li --format json\n"
      "  sopctl plan camp.sop.yaml --roster roster.yaml --calendar cn --format ics -o plan.ics\n"
      "\n"
      "Without --month, --from/--to or --date the plan covers every group's whole SOP.\n"
      "Days count from each group's open date: day 1 is the open date, day -1 the day before.\n"
      "Customer SOPs (kind: customer) plan every targeted customer of --customers from\n"
      "their anchor date (added, paid, expires, ...).\n"));
  cmd->add_option("sop", opts->sop_files, tr("SOP files (*.sop.yaml)"))
      ->required()
      ->type_name("SOP");
  cmd->add_option("--roster", opts->rosters,
                  tr("Roster file (YAML, or CSV of groups); repeat to merge several"))
      ->required()
      ->type_name("FILE")
      ->allow_extra_args(false);  // one file per --roster: SOP files may follow it
  add_range_options(*cmd, opts->range, "plan", true);
  cmd->add_option("--group", opts->groups, tr("Only this group (repeatable)"))->type_name("ID");
  cmd->add_option("--staff", opts->staff, tr("Only items this staff member does"))->type_name("ID");
  cmd->add_option("--calendar", opts->calendar,
                  tr("Workday calendar: 'cn' (built in, mainland China 2025-2026) or a YAML file"))
      ->check(non_empty_path())
      ->type_name("cn|FILE");
  cmd->add_option("--title", opts->title, tr("Title of the calendar (ics, html, md)"));
  add_customer_options(*cmd, opts->customers, true);
  cmd->add_option("--alarm", opts->alarm, tr("ICS: remind this long before each item (e.g. 15m)"))
      ->type_name("DURATION");
  cmd->add_flag("--summary", opts->summary,
                tr("Counts per day, time, staff member and task instead of every item (for "
                   "thousands of customers)"));
  add_output_options(*cmd, opts->out, {"table", "md", "csv", "tsv", "json", "ics", "html", "xlsx"});
  return [opts] { return run_plan(*opts); };
}

}  // namespace sopctl::cli
