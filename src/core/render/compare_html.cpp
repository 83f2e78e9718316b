// `compare --format html` (docs/spec.md §5.7): each variant's conversion as
// a point with its 95% interval on one axis, the control's rate as a line
// through them all; then the figures.

#include "compare_fields.hpp"
#include "html_page.hpp"
#include "report_format.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/compare_render.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sopctl::render {

namespace {

using namespace compare_text;
using html::coord;
using html::escaped;
using html::svg_text;

std::string arms_svg(const compare::Comparison& c) {
  const double label_w = 160;
  const double axis_w = 460;
  const double row_h = 40;
  const double top = 26;
  const double width = label_w + axis_w + 230;
  const double height = top + row_h * static_cast<double>(c.arms.size()) + 10;
  // The axis runs from 0 to a round share above the highest interval.
  double hi = 0.01;
  for (const compare::Arm& a : c.arms) {
    hi = std::max(hi, a.interval.second);
  }
  const double step = hi <= 0.05 ? 0.01 : hi <= 0.2 ? 0.05 : hi <= 0.5 ? 0.1 : 0.2;
  const double top_value = std::min(1.0, std::ceil(hi / step - 1e-9) * step);
  auto x_of = [&](double v) { return label_w + axis_w * std::clamp(v / top_value, 0.0, 1.0); };
  std::string out = html::svg_begin(width, height, trf("conversion by {}", c.by));
  for (double v = 0; v <= top_value + 1e-9; v += step) {
    out += fmt::format("<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                       coord(x_of(v)), coord(top - 4), coord(x_of(v)), coord(height - 6));
    out += svg_text(x_of(v), top - 10, "middle", "muted small", format_percent(v));
  }
  for (const compare::Arm& a : c.arms) {
    if (a.control && a.rate) {
      out += fmt::format(
          "<line class=\"whisker control-line\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" "
          "stroke-dasharray=\"4 3\" style=\"stroke-width:1\"/>\n",
          coord(x_of(*a.rate)), coord(top - 4), coord(height - 6));
    }
  }
  for (std::size_t i = 0; i < c.arms.size(); ++i) {
    const compare::Arm& a = c.arms[i];
    const double y = top + row_h * static_cast<double>(i) + row_h / 2;
    out += svg_text(label_w - 10, y + 4, "end", a.control ? "label strong" : "label",
                    name_of(a) + (a.control ? " (control)" : ""));
    out += fmt::format(
        "<line class=\"whisker\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" data-arm=\"{}\" "
        "data-lo=\"{}\" data-hi=\"{}\"/>\n",
        coord(x_of(a.interval.first)), coord(y), coord(x_of(a.interval.second)), coord(y),
        escaped(a.value), html::number(a.interval.first), html::number(a.interval.second));
    if (a.rate) {
      out += fmt::format(
          "<circle class=\"point{}\" cx=\"{}\" cy=\"{}\" r=\"5\" data-arm=\"{}\" data-rate=\"{}\">"
          "<title>{}: {} of {} ({}), 95% interval {} to {}</title></circle>\n",
          a.control ? " control" : "", coord(x_of(*a.rate)), coord(y), escaped(a.value),
          html::number(*a.rate), escaped(name_of(a)), format_count(a.converted),
          format_count(a.users), format_percent(a.rate), format_percent(a.interval.first),
          format_percent(a.interval.second));
    }
    const std::string beside =
        a.control ? fmt::format("{} of {}", format_count(a.converted), format_count(a.users))
                  : fmt::format("{} · p {}", pp(a.lift), p_text(a.p_value));
    out += svg_text(label_w + axis_w + 14, y + 4, "start", "value",
                    format_percent(a.rate) + " · " + beside);
  }
  out += "</svg>\n";
  return out;
}

std::string figures(const compare::Comparison& c) {
  std::string out = "<table class=\"figures\">\n<thead><tr><th>" + escaped(c.by) + "</th>";
  // xgettext:no-c-format
  const char* interval = tr("95% interval");
  for (const char* heading : {tr("users"), tr("converted"), tr("rate"), interval, tr("lift"),
                              tr("relative"), tr("p"), tr("test")}) {
    out += "<th>" + escaped(heading) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const compare::Arm& a : c.arms) {
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} – {}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td></tr>\n",
        escaped(name_of(a)), format_count(a.users), format_count(a.converted),
        format_percent(a.rate), format_percent(a.interval.first), format_percent(a.interval.second),
        a.control ? "" : pp(a.lift), a.control ? "" : signed_percent(a.relative_lift),
        a.control ? "" : p_text(a.p_value), escaped(test_text(a)));
  }
  out += "</tbody>\n</table>\n";
  return out;
}

}  // namespace

std::string compare_html(const compare::Comparison& c) {
  std::string out = html::page_begin(heading(c), "svg text.strong { font-weight: 600; }\n");
  out += "<section class=\"compare\">\n" + arms_svg(c) + figures(c) + "</section>\n";
  for (const std::string& w : c.warnings) {
    out += "<p class=\"meta\">Warning: " + escaped(w) + "</p>\n";
  }
  out += html::page_end();
  return out;
}

}  // namespace sopctl::render
