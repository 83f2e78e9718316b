#include "aarrr_command.hpp"
#include <sopctl/base/i18n.hpp>

#include "event_input.hpp"
#include "warehouse.hpp"

#include <sopctl/aarrr/aarrr.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/timezone.hpp>
#include <sopctl/events/events.hpp>
#include <sopctl/funnel/funnel.hpp>
#include <sopctl/render/aarrr_render.hpp>
#include <sopctl/text/csv.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cstdio>
#include <memory>

namespace sopctl::cli {

namespace {

std::vector<std::string> split_names(const std::string& option, const std::string& text) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    end = end == std::string::npos ? text.size() : end;
    std::string s = text.substr(start, end - start);
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    s = b == std::string::npos ? "" : s.substr(b, e - b + 1);
    if (s.empty()) {
      throw Error(trf("{} '{}': an empty event name (use e.g. {} join_group,scan_qr)", option, text,
                      option));
    }
    names.push_back(s);
    start = end + 1;
  }
  return names;
}

double parse_cost(const std::string& text) {
  double v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || !(v >= 0) ||
      v > 1e18) {
    throw Error("--cost " + text +
                tr(": not an amount (a number such as 200 or 1999.5, at least 0)"));
  }
  return v;
}

// The stages from the flags, else from the SOP's `metrics:` (a flag replaces
// that stage of the SOP).
aarrr::Mapping make_mapping(const AarrrOptions& o, const std::optional<Sop>& sop) {
  aarrr::Mapping m;
  for (const aarrr::Stage s : aarrr::k_all_stages) {
    const std::string& flag = o.stages[static_cast<std::size_t>(s)];
    if (!flag.empty()) {
      for (std::string& n : split_names(std::string("--") + aarrr::stage_name(s), flag)) {
        m[s].push_back({std::move(n), {}});
      }
      continue;
    }
    if (!sop) {
      continue;
    }
    const Metrics& x = sop->metrics;
    const std::vector<Located<std::string>>* from = s == aarrr::Stage::acquisition  ? &x.acquisition
                                                    : s == aarrr::Stage::activation ? &x.activation
                                                    : s == aarrr::Stage::retention  ? &x.retention
                                                    : s == aarrr::Stage::revenue    ? &x.revenue
                                                                                    : &x.referral;
    for (const Located<std::string>& n : *from) {
      m[s].push_back({n.value, n.loc});
    }
  }
  return m;
}

std::string render(const aarrr::Result& r, const render::AarrrRenderOptions& ro,
                   const std::string& format) {
  if (format == "csv") {
    return render::aarrr_csv(r, ro);
  }
  if (format == "json") {
    return render::aarrr_json(r, ro);
  }
  if (format == "md") {
    return render::aarrr_markdown(r, ro);
  }
  if (format == "xlsx") {
    return render::aarrr_xlsx(r, ro);
  }
  if (format == "html") {
    return render::aarrr_html(r, ro);
  }
  return render::aarrr_table(r, ro);
}

void note(const AarrrOptions& o, const std::string& text) {
  if (!o.out.quiet) {
    const std::string& from = o.input.empty() ? o.warehouse.table : o.input;
    std::fprintf(stderr, tr("sopctl: note: %s: %s\n"), from.c_str(), text.c_str());
  }
}

}  // namespace

namespace {

// The definitions: stages, windows, cohorts and cost from the flags and the SOP.
aarrr::Spec make_spec(const AarrrOptions& o, const std::optional<Sop>& sop) {
  aarrr::Spec spec;
  spec.mapping = make_mapping(o, sop);
  if (sop && !sop->metrics.present && spec.mapping[aarrr::Stage::acquisition].empty()) {
    throw Error(tr("the SOP has no 'metrics:' section mapping the AARRR stages to events; add one "
                   "or give --acquisition E --activation E ..."),
                SourceLoc{o.sop});
  }
  aarrr::require_acquisition(spec.mapping, sop ? sop->metrics.loc : SourceLoc{});
  spec.activation_window =
      parse_window_option("--activation-window", !o.activation_window.empty() ? o.activation_window
                                                 : sop && !sop->funnel_window.value.empty()
                                                     ? sop->funnel_window.value
                                                     : std::string(funnel::k_default_window_text))
          .value_or(aarrr::k_no_window);
  spec.unbounded = o.unbounded;
  spec.cohort = *aarrr::parse_cohort_unit(o.cohort);
  if (o.periods >= 0) {
    spec.periods = o.periods;
  }
  if (!o.cost.empty()) {
    spec.cost = parse_cost(o.cost);
  }
  return spec;
}

void note_ignored(const AarrrOptions& o, const aarrr::Result& result) {
  const std::uint64_t ignored = result.ignored_not_acquired + result.ignored_before_acquisition;
  if (ignored > 0) {
    note(o, trf("{} event{} ignored: {} of users with no acquisition event, {} before the user's "
                "acquisition",
                ignored, ignored == 1 ? "" : "s", result.ignored_not_acquired,
                result.ignored_before_acquisition));
  }
}

}  // namespace

aarrr::Result aarrr_report(const AarrrOptions& o, std::string* zone_name) {
  if (o.input.empty()) {
    throw Error(tr("give the event log (a CSV, '-' for stdin), or --clickhouse URL --table T"));
  }
  const std::optional<Sop> sop = load_optional_sop(o.sop);
  const aarrr::Spec spec = make_spec(o, sop);
  const TimeZone zone = resolve_zone(o.tz, sop);

  const CsvInput input(o.input, o.encoding);
  const std::string_view text = input.text;
  const csv::Header& header = input.header;

  // Columns: the three of every event log, then --by, referrer and amount.
  const std::size_t event_column =
      events::require_column(header, o.columns.event, o.input, "--event-col");
  events::require_column(header, o.columns.user, o.input, "--user-col");
  events::require_column(header, o.columns.time, o.input, "--time-col");
  events::LoadOptions lo;
  aarrr::Columns cols;
  if (!o.by.empty()) {
    events::require_column(header, o.by, o.input, "--by");
    cols.by = lo.extra_columns.size();
    lo.extra_columns.push_back(o.by);
  }
  const bool referral_mapped = !spec.mapping[aarrr::Stage::referral].empty();
  if (header.find(o.referrer_col) || o.referrer_col_given || referral_mapped) {
    events::require_column(header, o.referrer_col, o.input, "--referrer-col");
    cols.referrer = lo.extra_columns.size();
    lo.extra_columns.push_back(o.referrer_col);
  }  // else: no referral data, and none asked for (referred users are 0)
  const std::vector<aarrr::Mapping::Name>& revenue = spec.mapping[aarrr::Stage::revenue];
  std::optional<std::size_t> amount_column;
  if (!revenue.empty() || o.amount_col_given) {
    amount_column = events::require_column(header, o.amount_col, o.input, "--amount-col");
    cols.amount = lo.extra_columns.size();
    lo.extra_columns.push_back(o.amount_col);
  }
  lo.columns = o.columns;
  lo.keep = aarrr::event_names(spec.mapping);
  lo.zone = &zone;
  lo.threads = o.threads;
  if (input.mapped()) {
    lo.release = [&input](const char* b, const char* e) { input.file.release(b, e); };
  }
  const events::EventLog log = events::load(text, o.input, header, lo);
  aarrr::require_events_present(log, spec.mapping, o.input, header.names[event_column], [&] {
    return aarrr::column_values(text, o.input, header, event_column);
  });

  const auto locate_bad_amount = [&] {
    std::vector<std::string> names;
    for (const aarrr::Mapping::Name& n : revenue) {
      names.push_back(n.name);
    }
    const auto bad =
        aarrr::find_bad_amount(text, o.input, header, event_column, *amount_column, names);
    return SourceLoc{o.input, bad ? static_cast<int>(bad->line) : 0, 0};
  };
  const aarrr::Result result = [&] {
    try {
      return aarrr::compute(log, spec, cols, locate_bad_amount);
    } catch (const Error& e) {
      if (!e.where().file.empty()) {
        throw;
      }
      throw Error(e.what(), SourceLoc{o.input});  // e.g. a cohort table too large for it
    }
  }();

  if (log.rows_without_user > 0) {
    note(o, trf("{} row{} of mapped events without a user id skipped", log.rows_without_user,
                log.rows_without_user == 1 ? "" : "s"));
  }
  note_ignored(o, result);

  if (zone_name != nullptr) {
    *zone_name = zone.name();
  }
  return result;
}

namespace {

// --sql prints the query (returns true); --clickhouse fills `result`.
bool from_warehouse(const AarrrOptions& o, aarrr::Result& result, std::string& zone_name) {
  if (!o.input.empty()) {
    throw Error(trf("--sql and --clickhouse read --table, not a CSV: drop '{}'", o.input));
  }
  const std::optional<Sop> sop = load_optional_sop(o.sop);
  const aarrr::Spec spec = make_spec(o, sop);
  const TimeZone zone = resolve_zone(o.tz, sop);
  zone_name = zone.name();
  sql::AarrrSource source{
      {o.warehouse.table, o.columns.user, o.columns.event, o.columns.time, o.by, zone.name()},
      "",
      ""};
  // The table's columns are not known here: the referrer and amount columns
  // are read when their stage is mapped or the flag names them.
  if (!spec.mapping[aarrr::Stage::referral].empty() || o.referrer_col_given) {
    source.referrer_column = o.referrer_col;
  }
  if (!spec.mapping[aarrr::Stage::revenue].empty() || o.amount_col_given) {
    source.amount_column = o.amount_col;
  }
  if (!o.warehouse.sql.empty()) {
    refuse_with_sql(o.out.format != "table", "--format " + o.out.format);
    emit(o.out, aarrr_query(o.warehouse, spec, source));
    return true;
  }
  result = aarrr_from_clickhouse(o.warehouse, spec, source);
  note_ignored(o, result);
  return false;
}

int run_aarrr(const AarrrOptions& o) {
  std::string zone;
  aarrr::Result result;
  if (o.warehouse.on()) {
    if (from_warehouse(o, result, zone)) {
      return 0;
    }
  } else {
    result = aarrr_report(o, &zone);
  }
  render::AarrrRenderOptions ro;
  ro.color = use_color(o.out);
  ro.input = o.input.empty() ? o.warehouse.table : o.input;
  ro.zone = zone;
  emit(o.out, render(result, ro, o.out.format));
  return 0;
}

}  // namespace

Runner setup_aarrr(CLI::App& app) {
  auto opts = std::make_shared<AarrrOptions>();
  CLI::App* cmd = app.add_subcommand(
      "aarrr", tr("The five AARRR stages, cohort retention and ROI from an event log"));
  cmd->footer(
      tr("Examples:\n"
         "  sopctl aarrr events.csv --acquisition join_group --activation check_in \\\n"
         "      --retention read,check_in --revenue order --referral invite --cost 2000\n"
         "  sopctl aarrr events.csv --sop camp.sop.yaml --by channel --cohort week --format md\n"
         "  sopctl aarrr --sop camp.sop.yaml --clickhouse http://127.0.0.1:8123/ --table events\n"
         "\n"
         "The CSV is an event log (user_id,event,ts and any other columns such as channel,\n"
         "amount, referrer; not sorted). A user is acquired by their first acquisition event;\n"
         "every other figure counts only acquired users' events from then on. D1/D7/D30 and\n"
         "cohort periods count local calendar days (--tz, or the SOP's timezone); users whose\n"
         "day + N is after the last day of the data are left out, never counted as 0.\n"
         "Exit codes: 0 ok, 2 bad usage or input.\n"));
  cmd->add_option("csv", opts->input, tr("Event log (CSV; '-' reads stdin)"))->type_name("CSV");
  const char* stage_help[] = {
      N_("Acquisition events (comma-separated): a user's first one acquires them"),
      N_("Activation events: the core action, within --activation-window of acquisition"),
      N_("Retention events: coming back (D1, D7, D30 and the cohort table)"),
      N_("Revenue events: purchases, with --amount-col"), N_("Referral events: invites sent")};
  for (const aarrr::Stage s : aarrr::k_all_stages) {
    const auto i = static_cast<std::size_t>(s);
    cmd->add_option(std::string("--") + aarrr::stage_name(s), opts->stages[i], tr(stage_help[i]))
        ->type_name("E,...");
  }
  cmd->add_option("--sop", opts->sop,
                  tr("Take the stages from this SOP's 'metrics:' (a stage flag replaces one) and "
                     "its timezone"))
      ->type_name("FILE");
  cmd->add_option("--cost", opts->cost, tr("Cost of the campaign: ROI and cost per user"))
      ->type_name("N");
  cmd->add_option("--cohort", opts->cohort,
                  tr("Cohorts and periods by day, week (from Monday) or month"))
      ->check(CLI::IsMember({"day", "week", "month"}))
      ->default_str("day");
  cmd->add_option(
         "--periods", opts->periods,
         tr("The most cohort periods after period 0 (default 30 days, 12 weeks, 12 months)"))
      ->check(CLI::Range(0, 10000))
      ->type_name("N");
  cmd->add_option("--by", opts->by,
                  tr("Acquired users per value of this column (on the acquisition row)"))
      ->type_name("COL");
  cmd->add_option("--tz", opts->tz,
                  tr("Time zone of calendar days and of timestamps without an offset (default: the "
                     "SOP's, or Asia/Shanghai)"))
      ->type_name("ZONE");
  cmd->add_flag("--unbounded", opts->unbounded,
                tr("Retention on or after day N (and period K), not only on it"));
  cmd->add_option("--activation-window", opts->activation_window,
                  tr("Activation counts within this time of acquisition, inclusive (or none)"))
      ->default_str("7d, or the SOP's funnel window")
      ->type_name("DURATION");
  cmd->add_option("--amount-col", opts->amount_col, tr("Column of revenue amounts"))
      ->default_str("amount")
      ->type_name("COL")
      ->each([o = opts.get()](const std::string&) { o->amount_col_given = true; });
  cmd->add_option("--referrer-col", opts->referrer_col,
                  tr("Column naming who referred the user (on the acquisition row)"))
      ->default_str("referrer")
      ->type_name("COL")
      ->each([o = opts.get()](const std::string&) { o->referrer_col_given = true; });
  cmd->add_option("--encoding", opts->encoding, tr("Encoding of the CSV: utf-8, gbk, gb18030"))
      ->default_str("utf-8");
  cmd->add_option("--user-col", opts->columns.user, tr("Column of user ids"))
      ->default_str("user_id");
  cmd->add_option("--event-col", opts->columns.event, tr("Column of event names"))
      ->default_str("event");
  cmd->add_option("--time-col", opts->columns.time, tr("Column of timestamps"))->default_str("ts");
  cmd->add_option("--threads", opts->threads, tr("Reading threads (default: one per core)"))
      ->type_name("N");
  add_warehouse_options(*cmd, opts->warehouse);
  add_output_options(*cmd, opts->out, {"table", "csv", "json", "md", "xlsx", "html"});
  return [opts] { return run_aarrr(*opts); };
}

}  // namespace sopctl::cli
