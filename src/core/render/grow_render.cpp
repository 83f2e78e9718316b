// `grow` as table, md, csv and json: per cycle its day, the users it adds and
// the running total; then the sentence of what the model assumes.

#include "report_format.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/grow_render.hpp>
#include <sopctl/text/csv_writer.hpp>
#include <sopctl/text/json_writer.hpp>
#include <sopctl/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sopctl::render {
namespace {

std::string users(double n) {
  return format_count(static_cast<std::uint64_t>(std::llround(std::max(0.0, n))));
}

std::string heading(const grow::Projection& p, const GrowRenderOptions& opts) {
  const grow::Params& q = p.params;
  const bool round = q.cycle_seconds % 60 == 0 && q.cycle_seconds < 400 * 86400 &&
                     (q.cycle_seconds % 86400 == 0 || q.cycle_seconds < 86400);
  return trf("{} growth from {} users, K = {:.3g}, a cycle of {}, {} cycles{}",
             q.model == grow::Model::viral ? tr("Viral") : tr("Rocket"), users(q.users), q.k,
             round ? format_window(q.cycle_seconds)
                   : format_duration(static_cast<double>(q.cycle_seconds)),
             q.cycles, opts.source.empty() ? "" : " (" + opts.source + ")");
}

std::string day_of(const grow::Row& r) {
  const double days = static_cast<double>(r.seconds) / 86400.0;
  return days == std::floor(days) ? fmt::format("{:.0f}", days) : fmt::format("{:.1f}", days);
}

}  // namespace

std::string grow_table(const grow::Projection& p, const GrowRenderOptions& opts) {
  std::vector<std::vector<std::string>> rows = {
      {tr("cycle"), tr("day"), tr("new users"), tr("total")}};
  for (const grow::Row& r : p.rows) {
    rows.push_back({std::to_string(r.cycle), day_of(r), users(r.added), users(r.total)});
  }
  std::string out = heading(p, opts) + "\n\n" + align_columns(rows, {true, true, true, true});
  if (p.limit) {
    out += trf("\nLimit: {} users (M/(1-K)).\n", users(*p.limit));
  }
  out += "\n" + p.assumption + "\n";
  return out;
}

std::string grow_markdown(const grow::Projection& p, const GrowRenderOptions& opts) {
  std::string out = "## " + markdown_cell(heading(p, opts)) + "\n\n";
  out += "| cycle | day | new users | total |\n|---:|---:|---:|---:|\n";
  for (const grow::Row& r : p.rows) {
    out +=
        fmt::format("| {} | {} | {} | {} |\n", r.cycle, day_of(r), users(r.added), users(r.total));
  }
  if (p.limit) {
    out += trf("\nLimit: {} users (M/(1-K)).\n", users(*p.limit));
  }
  out += "\n_" + markdown_cell(p.assumption) + "_\n";
  return out;
}

std::string grow_csv(const grow::Projection& p, const GrowRenderOptions&) {
  std::string out = text::csv_row({"cycle", "day", "new_users", "total"}, ',');
  for (const grow::Row& r : p.rows) {
    out += text::csv_row({std::to_string(r.cycle), day_of(r), text::json_number(r.added),
                          text::json_number(r.total)},
                         ',');
  }
  return out;
}

std::string grow_json(const grow::Projection& p, const GrowRenderOptions& opts) {
  text::JsonWriter w(2);
  w.begin_object();
  w.key("model").value(grow::model_name(p.params.model));
  w.key("users").value(p.params.users);
  w.key("k").value(p.params.k);
  w.key("cycle_seconds").value(p.params.cycle_seconds);
  w.key("cycles").value(p.params.cycles);
  w.key("source");
  if (opts.source.empty()) {
    w.null();
  } else {
    w.value(opts.source);
  }
  w.key("rows").begin_array();
  for (const grow::Row& r : p.rows) {
    w.begin_object();
    w.key("cycle").value(r.cycle);
    w.key("seconds").value(r.seconds);
    w.key("new_users").value(r.added);
    w.key("total").value(r.total);
    w.end_object();
  }
  w.end_array();
  w.key("limit");
  if (p.limit) {
    w.value(*p.limit);
  } else {
    w.null();
  }
  w.key("assumption").value(p.assumption);
  w.end_object();
  return w.take_line();
}

}  // namespace sopctl::render
