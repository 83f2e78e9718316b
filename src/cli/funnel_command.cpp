#include "funnel_command.hpp"
#include <sopctl/base/i18n.hpp>

#include "dates.hpp"

#include "event_input.hpp"
#include "warehouse.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/limits.hpp>
#include <sopctl/base/timezone.hpp>
#include <sopctl/events/events.hpp>
#include <sopctl/funnel/funnel.hpp>
#include <sopctl/render/funnel_render.hpp>
#include <sopctl/text/csv.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>

namespace sopctl::cli {

namespace {

struct FunnelOptions {
  std::string input;
  std::string steps;
  std::string sop;
  std::string window;  // empty: the SOP's funnel window, else funnel::k_default_window_text
  std::string mode;    // empty: the SOP's funnel mode, else ordered
  std::string by;
  std::string trend;
  std::string by_step = "first";
  std::vector<std::string> exclude;
  std::string fail_below;
  std::string encoding = "utf-8";
  std::string tz;
  unsigned threads = 0;
  events::ColumnNames columns;
  WarehouseOptions warehouse;
  OutputOptions out;
};

std::vector<std::string> split_steps(const std::string& text) {
  std::vector<std::string> steps;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    end = end == std::string::npos ? text.size() : end;
    std::string s = text.substr(start, end - start);
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    s = b == std::string::npos ? "" : s.substr(b, e - b + 1);
    if (s.empty()) {
      throw Error("--steps " + text +
                  tr(": an empty step name (use --steps view,join_group,order)"));
    }
    steps.push_back(s);
    start = end + 1;
  }
  if (steps.size() > funnel::k_max_steps) {
    throw Error(trf("--steps: {} steps; at most {}", steps.size(), funnel::k_max_steps));
  }
  return steps;
}

std::string render(const funnel::Result& r, const render::FunnelRenderOptions& ro,
                   const std::string& format) {
  if (format == "csv") {
    return render::funnel_csv(r, ro);
  }
  if (format == "json") {
    return render::funnel_json(r, ro);
  }
  if (format == "md") {
    return render::funnel_markdown(r, ro);
  }
  if (format == "xlsx") {
    return render::funnel_xlsx(r, ro);
  }
  if (format == "html") {
    return render::funnel_html(r, ro);
  }
  return render::funnel_table(r, ro);
}

// The header names neither input kind: say what is missing.
[[noreturn]] void unknown_input(const csv::Header& header, const FunnelOptions& o) {
  const bool some_event_column =
      header.find(o.columns.user) || header.find(o.columns.event) || header.find(o.columns.time);
  if (some_event_column) {
    events::require_column(header, o.columns.user, o.input, "--user-col");
    events::require_column(header, o.columns.event, o.input, "--event-col");
    events::require_column(header, o.columns.time, o.input, "--time-col");
  }
  throw Error(trf("not a funnel input: the header ({}) has neither {},{},{} (an event "
                  "log; see --user-col, --event-col, --time-col) nor step,users (stage "
                  "counts)",
                  header.joined(), o.columns.user, o.columns.event, o.columns.time),
              SourceLoc{o.input, 1, 0});
}

// A whole number, or nullopt.
std::optional<int> load_int(const std::string& text) {
  int v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return v;
}

void note_on_stderr(const FunnelOptions& o, const std::string& note) {
  if (!o.out.quiet) {
    std::fprintf(stderr, tr("sopctl: note: %s: %s\n"),
                 o.input.empty() ? o.warehouse.table.c_str() : o.input.c_str(), note.c_str());
  }
}

// The funnel of the CSV, computed here.
funnel::Result local_result(const FunnelOptions& o, const funnel::Spec& spec,
                            const TimeZone& zone) {
  const CsvInput input(o.input, o.encoding);
  const std::string_view text = input.text;
  const csv::Header& header = input.header;

  funnel::Result result;
  if (events::is_event_log(header, o.columns)) {
    if (spec.steps.empty()) {
      throw Error(
          tr("name the funnel steps with --steps a,b,c (or --sop FILE with a 'funnel:' list)"));
    }
    events::LoadOptions lo;
    lo.columns = o.columns;
    lo.keep = spec.events_read();
    lo.keep_user_ids =
        false;  // counted, never shown  // none: every event (strict_order stops at any other)
    if (!o.by.empty()) {
      lo.extra_columns.push_back(o.by);
      lo.extra_value_limit = limits::k_max_segments;
      lo.extra_limit_option = "--by";
    }
    lo.zone = &zone;
    lo.threads = o.threads;
    Progress progress(o.input, text.size(), o.out.quiet);
    if (progress.on()) {
      lo.progress = [&progress](std::size_t done, std::size_t total) {
        progress.update(done, total);
      };
    }
    if (input.mapped()) {
      lo.release = [&input](const char* b, const char* e) { input.file.release(b, e); };
    }
    events::EventLog log = events::load(text, o.input, header, lo);
    if (!o.trend.empty()) {
      const std::size_t periods = funnel::add_period_column(log, *funnel::parse_period(o.trend));
      result = funnel::compute(log, spec, periods);
      funnel::trend_order(result);
    } else {
      result =
          funnel::compute(log, spec, o.by.empty() ? std::nullopt : std::optional<std::size_t>(0));
    }
    if (!o.out.quiet) {
      if (log.rows_without_user > 0) {
        std::fprintf(
            stderr,
            tr("sopctl: note: %s: %llu rows of funnel steps without a user id were skipped\n"),
            o.input.c_str(), static_cast<unsigned long long>(log.rows_without_user));
      }
      for (const std::string& note : result.notes) {
        note_on_stderr(o, note);
      }
    }
  } else if (funnel::is_stage_counts(header)) {
    if (!o.by.empty() || !o.trend.empty()) {
      throw Error(std::string(o.by.empty() ? "--trend" : "--by") +
                      tr(" needs an event log; this file holds stage counts"),
                  SourceLoc{o.input, 1, 0});
    }
    const auto rows = funnel::read_stage_counts(text, o.input, header);
    result = funnel::from_stage_counts(rows, spec.steps, o.input);
    for (const std::string& note : result.notes) {
      std::fprintf(stderr, "sopctl: %s: %s\n", o.input.c_str(), note.c_str());
    }
  } else {
    unknown_input(header, o);
  }

  return result;
}

}  // namespace

funnel::Spec funnel_spec(const std::string& steps, const std::string& window_flag,
                         const std::string& mode_flag, const std::optional<Sop>& sop,
                         const std::string& sop_path) {
  funnel::Spec spec;
  if (!steps.empty()) {
    spec.steps = split_steps(steps);
  } else if (sop) {
    for (const auto& s : sop->funnel) {
      spec.steps.push_back(s.value);
    }
    if (spec.steps.empty()) {
      throw Error(tr("the SOP has no 'funnel:' steps; give them with --steps a,b,c"),
                  SourceLoc{sop_path});
    }
  }
  // Flags win over the SOP's funnel: {window, mode}, which win over the defaults.
  const bool sop_window = sop && !sop->funnel_window.value.empty();
  const std::string window = !window_flag.empty() ? window_flag
                             : sop_window         ? sop->funnel_window.value
                                                  : std::string(funnel::k_default_window_text);
  spec.window = parse_window_option("--window", window).value_or(funnel::k_no_window);
  const bool sop_mode = mode_flag.empty() && sop && !sop->funnel_mode.value.empty();
  const std::string mode = !mode_flag.empty() ? mode_flag
                           : sop_mode         ? sop->funnel_mode.value
                                              : "ordered";
  std::string error;
  const auto parsed = funnel::parse_mode_list(mode, error);
  if (!parsed) {
    throw Error((sop_mode ? tr("funnel mode: ") : "--mode " + mode + ": ") + error,
                sop_mode ? sop->funnel_mode.loc : SourceLoc{});
  }
  spec.mode = parsed->mode;
  spec.clickhouse = parsed->clickhouse;
  return spec;
}

namespace {

int run_funnel(const FunnelOptions& o) {
  // The SOP gives default steps, the goal and the time zone.
  const std::optional<Sop> sop = load_optional_sop(o.sop);
  funnel::Spec spec = funnel_spec(o.steps, o.window, o.mode, sop, o.sop);
  if (o.by_step == "last") {
    spec.by_step = 0;
  } else if (o.by_step != "first") {
    const auto n = load_int(o.by_step);
    if (!n || *n < 1 || static_cast<std::size_t>(*n) > spec.steps.size()) {
      throw Error(
          "--by-step " + o.by_step +
          trf(": first, last or a step number from 1 to {}", std::to_string(spec.steps.size())));
    }
    spec.by_step = static_cast<std::size_t>(*n);
  }
  if (o.exclude.size() > funnel::k_max_exclusions) {
    throw Error(trf("--exclude: at most {} exclusions", std::to_string(funnel::k_max_exclusions)));
  }
  for (const std::string& text : o.exclude) {
    std::string error;
    const auto x = funnel::parse_exclusion(text, spec.steps, error);
    if (!x) {
      throw Error("--exclude " + text + ": " + error);
    }
    spec.exclusions.push_back(*x);
  }
  const bool fail_check = !o.fail_below.empty();
  const double fail_below = fail_check ? parse_rate_option("--fail-below", o.fail_below) : 0.0;
  const TimeZone zone = resolve_zone(o.tz, sop);

  funnel::Result result;
  if (o.warehouse.on()) {
    if (!o.input.empty()) {
      throw Error(trf("--sql and --clickhouse read --table, not a CSV: drop '{}'", o.input));
    }
    if (!o.trend.empty()) {
      throw Error(
          tr("--trend is not expressed in SQL; compute it locally (without --sql/--clickhouse)"));
    }
    const sql::Source source{o.warehouse.table, o.columns.user, o.columns.event,
                             o.columns.time,    o.by,           zone.name()};
    if (!o.warehouse.sql.empty()) {
      refuse_with_sql(o.out.format != "table", "--format " + o.out.format);
      refuse_with_sql(fail_check, "--fail-below");
      emit(o.out, funnel_query(o.warehouse, spec, source));
      return 0;
    }
    result = funnel_from_clickhouse(o.warehouse, spec, source);
    for (const std::string& note : result.notes) {
      note_on_stderr(o, note);
    }
  } else if (o.input.empty()) {
    throw Error(
        tr("give the event log or stage counts (a CSV, '-' for stdin), or --clickhouse URL "
           "--table T"));
  } else {
    result = local_result(o, spec, zone);
  }

  render::FunnelRenderOptions ro;
  ro.color = use_color(o.out);
  ro.input = o.input.empty() ? o.warehouse.table : o.input;
  if (sop && sop->goal) {
    ro.goal = funnel::check_goal(result.total, sop->id.value, sop->goal->metric.value,
                                 sop->goal->target.value);
  }
  emit(o.out, render(result, ro, o.out.format));

  if (fail_check) {
    const double conversion = result.total.conversion.value_or(0.0);
    if (conversion < fail_below) {
      std::fprintf(stderr, tr("sopctl: funnel: conversion %.1f%% is below --fail-below %.1f%%\n"),
                   conversion * 100, fail_below * 100);
      return static_cast<int>(ExitCode::findings);
    }
  }
  return 0;
}

}  // namespace

Runner setup_funnel(CLI::App& app) {
  auto opts = std::make_shared<FunnelOptions>();
  CLI::App* cmd = app.add_subcommand("funnel", tr("Users per funnel step and drop-off from a CSV"));
  cmd->footer(
      tr("Examples:\n"
         "  sopctl funnel events.csv --steps view,join_group,signup,order\n"
         "  sopctl funnel events.csv --sop camp.sop.yaml --by channel --format md\n"
         "  sopctl funnel stages.csv --encoding gbk\n"
         "  sopctl funnel events.csv --steps join_group,order --window 3d --fail-below 5% -q\n"
         "  sopctl funnel --steps view,order --sql duckdb --table events\n"
         "  sopctl funnel --steps view,order --clickhouse http://127.0.0.1:8123/ --table events\n"
         "\n"
         "The CSV is an event log (user_id,event,ts and any other columns, not sorted) or stage\n"
         "counts (step,users, rows in funnel order). Each step-1 event starts an attempt; a user\n"
         "counts for step k when steps 1..k happen in order within the window after step 1.\n"
         "Exit codes: 0 ok, 1 conversion below --fail-below, 2 bad usage or input.\n"));
  cmd->add_option(
         "csv", opts->input,
         tr("Event log or stage counts (CSV; '-' reads stdin); none with --sql/--clickhouse"))
      ->type_name("CSV");
  cmd->add_option("--steps", opts->steps, tr("Funnel steps: event names, comma-separated"))
      ->type_name("A,B,C");
  cmd->add_option(
         "--sop", opts->sop,
         tr("Take the steps from this SOP's 'funnel:' and show its goal against the result"))
      ->type_name("FILE");
  cmd->add_option("--window", opts->window,
                  tr("Time from step 1 within which later steps count (s, m, h, d; or none)"))
      ->default_str(std::string(funnel::k_default_window_text) + ", or the SOP's funnel window")
      ->type_name("DURATION");
  cmd->add_option("--mode", opts->mode,
                  tr("ordered: steps in order; strict: no other step in between; any: any order; "
                     "or ClickHouse's strict_order, strict_deduplication, strict_increase, "
                     "strict_once, allow_reentry, comma-combined (docs/funnel.md)"))
      ->default_str("ordered, or the SOP's funnel mode")
      ->type_name("MODE");
  auto* trend =
      cmd->add_option(
             "--trend", opts->trend,
             tr("One row per day, week (from Monday) or month of the attempt's step-1 event"))
          ->check(CLI::IsMember({"day", "week", "month"}))
          ->type_name("PERIOD");
  auto* by = cmd->add_option("--by", opts->by,
                             tr("One funnel per value of this column (on the step-1 event)"))
                 ->type_name("COL");
  trend->excludes(by);
  cmd->add_option("--by-step", opts->by_step,
                  tr("Which step's event gives the --by value: first (default), last, or N"))
      ->type_name("first|last|N");
  cmd->add_option("--exclude", opts->exclude,
                  tr("An attempt with EVENT after step I (default 1) and before step J (default "
                     "the last) counts only up to the steps before it; repeatable"))
      ->type_name("EVENT[:I-J]")
      ->allow_extra_args(false);
  cmd->add_option("--fail-below", opts->fail_below,
                  tr("Exit 1 when overall conversion is below RATE (e.g. 0.05 or 5%)"))
      ->type_name("RATE");
  cmd->add_option("--encoding", opts->encoding, tr("Encoding of the CSV: utf-8, gbk, gb18030"))
      ->default_str("utf-8");
  cmd->add_option("--user-col", opts->columns.user, tr("Column of user ids"))
      ->default_str("user_id");
  cmd->add_option("--event-col", opts->columns.event, tr("Column of event names"))
      ->default_str("event");
  cmd->add_option("--time-col", opts->columns.time, tr("Column of timestamps"))->default_str("ts");
  cmd->add_option("--tz", opts->tz,
                  tr("Local time zone for timestamps with an offset (default: the SOP's, or "
                     "Asia/Shanghai)"))
      ->type_name("ZONE");
  cmd->add_option("--threads", opts->threads, tr("Reading threads (default: one per core)"))
      ->type_name("N");
  add_warehouse_options(*cmd, opts->warehouse);
  add_output_options(*cmd, opts->out, {"table", "csv", "json", "md", "xlsx", "html"});
  return [opts] { return run_funnel(*opts); };
}

}  // namespace sopctl::cli
