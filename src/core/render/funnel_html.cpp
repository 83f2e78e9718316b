// `funnel --format html` (docs/spec.md §5.7): the funnel as bars with the
// drop-off between steps, the time to convert as a histogram, then the same
// for each --by value or --trend period, on one self-contained page.

#include "funnel_fields.hpp"
#include "html_page.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/funnel_render.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::render {

namespace {

using html::coord;
using html::escaped;
using html::svg_text;

// Segments drawn as pictures; the rest are in the table below them.
constexpr std::size_t k_max_pictures = 24;

constexpr double k_label_w = 170;  // step names
constexpr double k_bar_w = 420;    // the first step's bar
constexpr double k_value_w = 230;  // users, share, drop-off
constexpr double k_row_h = 46;
constexpr double k_bar_h = 24;

// One bar per step, as wide as its share of step 1; beside it the users and
// the share, and under the gap to the next step what was lost.
std::string funnel_svg(const funnel::Funnel& f, std::string_view label) {
  const double width = k_label_w + k_bar_w + k_value_w;
  const double height = k_row_h * static_cast<double>(f.steps.size()) + 4;
  std::string out = html::svg_begin(width, height, label);
  const std::uint64_t first = f.steps.empty() ? 0 : f.steps.front().users;
  for (std::size_t k = 0; k < f.steps.size(); ++k) {
    const funnel::Step& s = f.steps[k];
    const double y = k_row_h * static_cast<double>(k) + 4;
    const double share = first == 0 ? 0 : static_cast<double>(s.users) / static_cast<double>(first);
    const double w = k_bar_w * share;
    out += svg_text(k_label_w - 10, y + k_bar_h / 2 + 4, "end", "label", s.name);
    out += fmt::format("<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n",
                       coord(k_label_w), coord(y), coord(k_bar_w), coord(k_bar_h));
    out += fmt::format(
        "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" data-step=\"{}\" "
        "data-users=\"{}\"><title>{}: {} users</title></rect>\n",
        coord(k_label_w), coord(y), coord(w), coord(k_bar_h), escaped(s.name), s.users,
        escaped(s.name), format_count(s.users));
    const double vx = k_label_w + k_bar_w + 10;
    out += svg_text(vx, y + k_bar_h / 2 + 4, "start", "value",
                    fmt::format("{} · {}", format_count(s.users), format_percent(s.from_first)));
    if (k + 1 < f.steps.size()) {
      const funnel::Step& next = f.steps[k + 1];
      out += svg_text(
          k_label_w + 6, y + k_bar_h + 15, "start", "drop small",
          trf("↓ {} lost ({}) to {}", format_percent(next.drop_off),
              format_count(static_cast<std::uint64_t>(std::max<std::int64_t>(next.lost, 0))),
              next.name));
    }
  }
  out += "</svg>\n";
  return out;
}

// Converted users per bin of time from step 1 to the last step.
std::string histogram_svg(const funnel::TimeToConvert& t) {
  static const char* const k_bins[] = {"< 1m",  "1-5m", "5-15m", "15m-1h", "1-6h",
                                       "6-24h", "1-3d", "3-7d",  "≥ 7d"};
  const std::size_t n = std::min<std::size_t>(t.histogram.size(), std::size(k_bins));
  const double col = 64;
  const double plot_h = 120;
  const double width = col * static_cast<double>(n) + 20;
  std::string out = html::svg_begin(width, plot_h + 44, tr("time to convert"));
  const std::uint64_t most =
      n == 0 ? 0 : *std::max_element(t.histogram.begin(), t.histogram.begin() + n);
  for (std::size_t b = 0; b < n; ++b) {
    const double h =
        most == 0 ? 0 : plot_h * static_cast<double>(t.histogram[b]) / static_cast<double>(most);
    const double x = 10 + col * static_cast<double>(b);
    out += fmt::format(
        "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" data-bin=\"{}\" "
        "data-users=\"{}\"/>\n",
        coord(x + 6), coord(16 + plot_h - h), coord(col - 12), coord(h), b, t.histogram[b]);
    out += svg_text(x + col / 2, 12 + plot_h - h, "middle", "small", format_count(t.histogram[b]));
    out += svg_text(x + col / 2, plot_h + 32, "middle", "muted", k_bins[b]);
  }
  out += fmt::format("<line class=\"axis\" x1=\"10\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                     coord(16 + plot_h), coord(width - 10), coord(16 + plot_h));
  out += "</svg>\n";
  return out;
}

std::string figures_table(const funnel::Funnel& f, bool times) {
  std::string out = "<table class=\"figures\">\n<thead><tr>";
  for (const char* heading : {tr("step"), tr("users"), tr("from previous"), tr("from first"),
                              tr("lost"), tr("drop-off")}) {
    out += "<th>" + escaped(heading) + "</th>";
  }
  if (times) {
    out += "<th>" + escaped(tr("median from previous")) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t k = 0; k < f.steps.size(); ++k) {
    const funnel::Step& s = f.steps[k];
    const bool first = k == 0;
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>", escaped(s.name),
        format_count(s.users), first ? "" : format_percent(s.from_previous),
        format_percent(s.from_first),
        first ? "" : format_count(static_cast<std::uint64_t>(std::max<std::int64_t>(s.lost, 0))),
        first ? "" : format_percent(s.drop_off));
    if (times) {
      out += fmt::format("<td>{}</td>", first ? "" : format_duration(s.median_seconds));
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

std::string sentences(const funnel::Funnel& f) {
  std::string out;
  for (const std::string& s : {conversion_sentence(f), largest_drop_sentence(f)}) {
    if (!s.empty()) {
      out += "<p class=\"summary\">" + escaped(s) + "</p>\n";
    }
  }
  return out;
}

std::string segment_label(const funnel::Result& r, const funnel::Segment& seg) {
  const std::string value = seg.value.empty() ? std::string(tr("(empty)")) : seg.value;
  return r.trend ? value : r.by_column + " = " + value;
}

}  // namespace

std::string funnel_html(const funnel::Result& r, const FunnelRenderOptions& opts) {
  const std::string chain = step_chain(r.total);
  std::string out = html::page_begin(trf("Funnel: {}", chain), "");
  out += "<p class=\"meta\">" + escaped(input_summary(r));
  if (!opts.input.empty()) {
    out += " · " + escaped(opts.input == "-" ? "stdin" : opts.input);
  }
  out += "</p>\n<section class=\"funnel\" data-segment=\"\">\n";
  out += funnel_svg(r.total, trf("funnel: {}", chain));
  out += sentences(r.total);
  if (opts.goal) {
    out += "<p class=\"summary goal\">" + escaped(goal_sentence(*opts.goal, r.total)) + "</p>\n";
  }
  out += figures_table(r.total, r.from_events);
  if (r.total.time_to_convert && r.total.time_to_convert->users > 0) {
    const funnel::TimeToConvert& t = *r.total.time_to_convert;
    out += "<h2>" + escaped(tr("Time to convert")) + "</h2>\n<p class=\"meta\">" +
           escaped(trf("{} users converted; median {}, 90th percentile {}", format_count(t.users),
                       format_duration(t.p50_seconds), format_duration(t.p90_seconds))) +
           "</p>\n";
    out += histogram_svg(t);
  }
  out += "</section>\n";
  if (!r.segments.empty()) {
    out += fmt::format("<h2>{}</h2>\n",
                       escaped(r.trend ? std::string(tr("By period")) : trf("By {}", r.by_column)));
    const std::size_t drawn = std::min(r.segments.size(), k_max_pictures);
    for (std::size_t i = 0; i < drawn; ++i) {
      const funnel::Segment& seg = r.segments[i];
      out += fmt::format("<section class=\"funnel\" data-segment=\"{}\">\n<h3>{}</h3>\n",
                         escaped(seg.value), escaped(segment_label(r, seg)));
      out += funnel_svg(seg.funnel, trf("funnel: {}", segment_label(r, seg)));
      out += sentences(seg.funnel);
      out += "</section>\n";
    }
    if (drawn < r.segments.size()) {
      const std::string more = format_count(r.segments.size() - drawn);
      out += "<p class=\"meta\">" +
             escaped(r.trend ? trf("{} more periods below as figures only.", more)
                             : trf("{} more values below as figures only.", more)) +
             "</p>\n";
      out += "<table class=\"figures\">\n<thead><tr><th>" +
             escaped(r.trend ? std::string(tr("period")) : r.by_column) + "</th>";
      for (const funnel::Step& s : r.total.steps) {
        out += "<th>" + escaped(s.name) + "</th>";
      }
      out += "<th>" + escaped(tr("conversion")) + "</th></tr></thead>\n<tbody>\n";
      for (std::size_t i = drawn; i < r.segments.size(); ++i) {
        const funnel::Segment& seg = r.segments[i];
        out += "<tr><td>" + escaped(seg.value.empty() ? std::string(tr("(empty)")) : seg.value) +
               "</td>";
        for (const funnel::Step& s : seg.funnel.steps) {
          out += "<td>" + format_count(s.users) + "</td>";
        }
        out += "<td>" + format_percent(seg.funnel.conversion) + "</td></tr>\n";
      }
      out += "</tbody>\n</table>\n";
    }
  }
  for (const std::string& note : r.notes) {
    out += "<p class=\"meta\">Note: " + escaped(note) + "</p>\n";
  }
  out += html::page_end();
  return out;
}

}  // namespace sopctl::render
