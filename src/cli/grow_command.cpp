#include "grow_command.hpp"
#include <sopctl/base/i18n.hpp>

#include "aarrr_command.hpp"
#include "dates.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/grow/grow.hpp>
#include <sopctl/render/grow_render.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <memory>

namespace sopctl::cli {
namespace {

struct GrowOptions {
  std::string users;
  std::string k;
  std::string cycle;
  int cycles = 8;
  std::string model = "viral";
  AarrrOptions from;  // --from EVENTS.csv and its mapping
  OutputOptions out;
};

double number_option(const std::string& option, const std::string& text) {
  double v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v) ||
      v < 0) {
    throw Error(option + " " + text + tr(": not a number of 0 or more"));
  }
  return v;
}

int run_grow(const GrowOptions& o) {
  grow::Params p;
  p.model = *grow::parse_model(o.model);
  p.cycles = o.cycles;
  render::GrowRenderOptions ro;
  if (!o.from.input.empty()) {
    // K and the cycle measured by aarrr's referral figures; flags still win.
    const aarrr::Result r = aarrr_report(o.from);
    if (o.k.empty() && !r.referral.k_factor) {
      throw Error(o.from.input +
                  tr(": no K-factor (no acquired users or no referral events mapped); give --k"));
    }
    if (o.cycle.empty() && !r.referral.cycle_seconds) {
      throw Error(o.from.input +
                  tr(": no referral cycle (no referred user whose referrer joined first; the "
                     "referrer column names who invited whom); give --cycle"));
    }
    p.k = o.k.empty() ? *r.referral.k_factor : number_option("--k", o.k);
    p.cycle_seconds = o.cycle.empty()
                          ? std::max<std::int64_t>(1, std::llround(*r.referral.cycle_seconds))
                          : parse_duration_option("--cycle", o.cycle, false);
    p.users = o.users.empty() ? static_cast<double>(r.acquisition.users)
                              : number_option("--users", o.users);
    ro.source = trf("K and cycle measured in {}", o.from.input);
  } else {
    if (o.users.empty() || o.k.empty()) {
      throw Error(tr("grow needs --users M and --k K (or --from EVENTS.csv to measure them)"));
    }
    p.users = number_option("--users", o.users);
    p.k = number_option("--k", o.k);
    p.cycle_seconds = parse_duration_option("--cycle", o.cycle.empty() ? "7d" : o.cycle, false);
  }
  const grow::Projection proj = grow::project(p);
  const std::string& f = o.out.format;
  emit(o.out, f == "json"  ? render::grow_json(proj, ro)
              : f == "csv" ? render::grow_csv(proj, ro)
              : f == "md"  ? render::grow_markdown(proj, ro)
                           : render::grow_table(proj, ro));
  return 0;
}

}  // namespace

Runner setup_grow(CLI::App& app) {
  auto opts = std::make_shared<GrowOptions>();
  CLI::App* cmd = app.add_subcommand(
      "grow", tr("Project community growth per cycle: viral (new users invite) or rocket"));
  cmd->footer(
      tr("Examples:\n"
         "  sopctl grow --users 500 --k 0.4 --cycle 7d --cycles 8\n"
         "  sopctl grow --users 100 --k 1 --cycles 5 --model rocket      # S = m*2^n\n"
         "  sopctl grow --from events.csv --sop camp.sop.yaml --cycles 6  # K and cycle measured\n"
         "\n"
         "viral: only the users who joined in a cycle invite, K each, once; after n cycles\n"
         "M*(1+K+...+K^n) users, tending to M/(1-K) when K < 1. rocket: every user keeps\n"
         "inviting, M*(1+K)^n. Cycle 0 is the seed. With --from, K is aarrr's K-factor and\n"
         "the cycle the median time from a referrer's joining to their referred user's.\n"));
  cmd->add_option("--users", opts->users, tr("Seed users M (with --from: the acquired users)"))
      ->type_name("M");
  cmd->add_option("--k", opts->k, tr("New users each inviting user brings per cycle"))
      ->type_name("K");
  cmd->add_option("--cycle", opts->cycle, tr("Length of one cycle (default 7d)"))
      ->type_name("DURATION");
  cmd->add_option("--cycles", opts->cycles, tr("Cycles to project"))
      ->check(CLI::Range(0, 1000))
      ->default_str("8");
  cmd->add_option("--model", opts->model, tr("viral or rocket"))
      ->check(CLI::IsMember({"viral", "rocket"}))
      ->default_str("viral");
  cmd->add_option("--from", opts->from.input, tr("Measure K and the cycle in this event log"))
      ->check(non_empty_path())
      ->type_name("EVENTS.csv");
  cmd->add_option("--sop", opts->from.sop, tr("With --from: the stages from this SOP's metrics:"))
      ->type_name("FILE");
  cmd->add_option("--acquisition", opts->from.stages[0], tr("With --from: acquisition events"))
      ->type_name("E,...");
  cmd->add_option("--referral", opts->from.stages[4], tr("With --from: referral (invite) events"))
      ->type_name("E,...");
  cmd->add_option("--referrer-col", opts->from.referrer_col,
                  tr("With --from: the column naming who referred the user"))
      ->default_str("referrer")
      ->type_name("COL")
      ->each([o = opts.get()](const std::string&) { o->from.referrer_col_given = true; });
  cmd->add_option("--tz", opts->from.tz, tr("With --from: the time zone of timestamps"))
      ->type_name("ZONE");
  cmd->add_option("--encoding", opts->from.encoding, tr("With --from: utf-8, gbk, gb18030"))
      ->default_str("utf-8");
  add_output_options(*cmd, opts->out, {"table", "csv", "json", "md"});
  opts->from.out.quiet = true;
  return [opts] {
    opts->from.out.quiet = opts->out.quiet;
    return run_grow(*opts);
  };
}

}  // namespace sopctl::cli
