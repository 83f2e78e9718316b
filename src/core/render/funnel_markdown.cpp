// `funnel --format md`: a Markdown table per funnel, for reports and chats.

#include "funnel_fields.hpp"

#include <sopctl/render/funnel_render.hpp>

#include <fmt/format.h>

namespace sopctl::render {

namespace {

std::string table(const funnel::Funnel& f, bool times) {
  std::string out = "| step | users | from previous | from first | lost | drop-off |";
  out += times ? " median from previous |\n" : "\n";
  out += "|---|---:|---:|---:|---:|---:|";
  out += times ? "---:|\n" : "\n";
  for (std::size_t k = 0; k < f.steps.size(); ++k) {
    const funnel::Step& s = f.steps[k];
    const bool first = k == 0;
    out += fmt::format("| {} | {} | {} | {} | {} | {} |", markdown_cell(s.name),
                       format_count(s.users), first ? "" : format_percent(s.from_previous),
                       format_percent(s.from_first), first ? "" : fmt::format("{}", s.lost),
                       first ? "" : format_percent(s.drop_off));
    if (times) {
      out += fmt::format(" {} |", first ? "" : format_duration(s.median_seconds));
    }
    out += "\n";
  }
  out += "\n";
  out += summary_sentences(f);
  return out;
}

}  // namespace

std::string funnel_markdown(const funnel::Result& r, const FunnelRenderOptions& opts) {
  std::string out = fmt::format("## Funnel: {}\n\n", markdown_cell(step_chain(r.total)));
  out += fmt::format("_{}_\n\n", input_summary(r));
  out += table(r.total, r.from_events);
  if (opts.goal) {
    out += '\n';
    out += goal_sentence(*opts.goal, r.total);
    out += '\n';
  }
  for (const funnel::Segment& seg : r.segments) {
    out += fmt::format("\n### {} = {}\n\n", markdown_cell(r.by_column),
                       seg.value.empty() ? "(empty)" : markdown_cell(seg.value));
    out += table(seg.funnel, r.from_events);
  }
  return out;
}

}  // namespace sopctl::render
