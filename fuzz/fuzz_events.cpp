// The CSV reader of `funnel` and `aarrr` in both modes. The first byte picks
// options (GBK input, threads, funnel mode); the rest is the file. Stage
// counts go through read_stage_counts and from_stage_counts; an event log
// through events::load, funnel::compute and aarrr::compute with every
// renderer, as the commands do.

#include "fuzz_common.hpp"

#include <sopctl/aarrr/aarrr.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/timezone.hpp>
#include <sopctl/events/events.hpp>
#include <sopctl/funnel/funnel.hpp>
#include <sopctl/render/aarrr_render.hpp>
#include <sopctl/render/funnel_render.hpp>
#include <sopctl/text/csv.hpp>
#include <sopctl/text/encoding.hpp>
#include <sopctl/text/utf8.hpp>

using namespace sopctl;

namespace {

const std::string k_path = "fuzz.csv";

void run_funnel(std::string_view text, const csv::Header& header, std::uint8_t opts,
                const TimeZone& zone) {
  funnel::Spec spec;
  spec.steps = {"view", "join_group", "order"};
  spec.mode = static_cast<funnel::Mode>((opts >> 2) % 3);
  spec.window = (opts & 0x10) != 0 ? funnel::k_no_window : 3 * 86400;
  funnel::Result result;
  if (events::is_event_log(header, {})) {
    events::LoadOptions lo;
    lo.keep = spec.steps;
    const bool by = header.find("channel").has_value();
    if (by) {
      lo.extra_columns.push_back("channel");
    }
    lo.zone = &zone;
    lo.threads = (opts & 2) != 0 ? 3 : 1;
    const events::EventLog log = events::load(text, k_path, header, lo);
    result = funnel::compute(log, spec, by ? std::optional<std::size_t>(0) : std::nullopt);
  } else if (funnel::is_stage_counts(header)) {
    const auto rows = funnel::read_stage_counts(text, k_path, header);
    result = funnel::from_stage_counts(
        rows, (opts & 0x20) != 0 ? spec.steps : std::vector<std::string>{}, k_path);
  } else {
    return;
  }
  render::FunnelRenderOptions ro;
  ro.input = k_path;
  ro.goal = funnel::check_goal(result.total, "camp-7d", "order", 0.2);
  (void)render::funnel_table(result, ro);
  (void)render::funnel_markdown(result, ro);
  (void)render::funnel_csv(result, ro);
  (void)render::funnel_json(result, ro);
}

void run_aarrr(std::string_view text, const csv::Header& header, std::uint8_t opts,
               const TimeZone& zone) {
  if (!events::is_event_log(header, {})) {
    return;
  }
  aarrr::Spec spec;
  spec.mapping[aarrr::Stage::acquisition] = {{"join_group", {}}};
  spec.mapping[aarrr::Stage::activation] = {{"signup", {}}};
  spec.mapping[aarrr::Stage::retention] = {{"read", {}}, {"order", {}}};
  spec.mapping[aarrr::Stage::revenue] = {{"order", {}}};
  spec.mapping[aarrr::Stage::referral] = {{"invite", {}}};
  spec.cohort = static_cast<aarrr::CohortUnit>((opts >> 2) % 3);
  spec.unbounded = (opts & 0x20) != 0;
  spec.cost = 100.0;
  events::LoadOptions lo;
  aarrr::Columns cols;
  for (const char* column : {"channel", "referrer", "amount"}) {
    if (header.find(column)) {
      const std::size_t index = lo.extra_columns.size();
      lo.extra_columns.emplace_back(column);
      (std::string_view(column) == "channel"    ? cols.by
       : std::string_view(column) == "referrer" ? cols.referrer
                                                : cols.amount) = index;
    }
  }
  lo.keep = aarrr::event_names(spec.mapping);
  lo.zone = &zone;
  lo.threads = (opts & 2) != 0 ? 2 : 1;
  const events::EventLog log = events::load(text, k_path, header, lo);
  const std::size_t event_column = *header.find("event");
  try {
    aarrr::require_events_present(log, spec.mapping, k_path, "event", [&] {
      return aarrr::column_values(text, k_path, header, event_column);
    });
  } catch (const Error&) {
    // Missing events are an error in the CLI; compute the rest all the same.
  }
  aarrr::Result result;
  try {
    result = aarrr::compute(log, spec, cols);
  } catch (const aarrr::BadAmount&) {
    if (cols.amount) {
      (void)aarrr::find_bad_amount(text, k_path, header, event_column, *header.find("amount"),
                                   {"order"});
    }
    return;
  }
  render::AarrrRenderOptions ro;
  ro.input = k_path;
  ro.zone = zone.name();
  (void)render::aarrr_table(result, ro);
  (void)render::aarrr_markdown(result, ro);
  (void)render::aarrr_csv(result, ro);
  (void)render::aarrr_json(result, ro);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::uint8_t opts = data[0];
  static const TimeZone zone = *TimeZone::load("Asia/Shanghai");
  try {
    std::string converted;
    std::string_view text = fuzz::as_text(data + 1, size - 1);
    if ((opts & 1) != 0) {
      converted = csv::to_utf8(text, csv::Encoding::gbk, k_path);
      text = converted;
    }
    text = sopctl::text::strip_bom(text);
    const csv::Header header = csv::read_header(text, k_path);
    try {
      run_funnel(text, header, opts, zone);
    } catch (const Error&) {
    }
    run_aarrr(text, header, opts, zone);
  } catch (const Error&) {
  }
  return 0;
}
