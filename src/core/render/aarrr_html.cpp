// `aarrr --format html` (docs/spec.md §5.7): the five stages as bars, then
// the cohort triangle as a heat map (incomplete cells hatched), on one
// self-contained page.

#include "aarrr_fields.hpp"
#include "funnel_fields.hpp"
#include "html_page.hpp"

#include <sopctl/base/date.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/render/aarrr_render.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::render {

namespace {

using html::coord;
using html::escaped;
using html::svg_text;

// Cohorts drawn in the heat map; the rest are counted below it.
constexpr std::size_t k_max_cohort_rows = 370;

struct StageBar {
  std::string stage;  // data-stage, as the JSON's section
  std::string label;
  std::uint64_t users = 0;
  std::string note;
};

// Users at each stage as bars against the acquired users.
std::string stages_svg(const aarrr::Result& r) {
  const aarrr::RetentionDay& d7 = r.retention.days[1];
  const std::vector<StageBar> bars = {
      {"acquisition", tr("Acquisition"), r.acquisition.users, tr("acquired")},
      {"activation", tr("Activation"), r.activation.users,
       trf("{} of acquired", format_percent(r.activation.rate))},
      {"retention", tr("Retention D7"), d7.retained,
       trf("{} of {} eligible", format_percent(d7.rate), format_count(d7.eligible))},
      {"revenue", tr("Revenue"), r.revenue.paying_users,
       trf("{} paying", format_percent(r.revenue.paying_rate))},
      {"referral", tr("Referral"), r.referral.referred,
       trf("referred; K {}", format_ratio(r.referral.k_factor))},
  };
  const double label_w = 130;
  const double bar_w = 420;
  const double row_h = 36;
  const double width = label_w + bar_w + 260;
  std::string out =
      html::svg_begin(width, row_h * static_cast<double>(bars.size()) + 4, tr("AARRR stages"));
  const std::uint64_t base = std::max<std::uint64_t>(r.acquisition.users, 1);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const StageBar& b = bars[i];
    const double y = row_h * static_cast<double>(i) + 4;
    const double share = std::min(1.0, static_cast<double>(b.users) / static_cast<double>(base));
    out += svg_text(label_w - 10, y + 16, "end", "label", b.label);
    out += fmt::format("<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"22\"/>\n",
                       coord(label_w), coord(y), coord(bar_w));
    out += fmt::format(
        "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"22\" data-stage=\"{}\" "
        "data-users=\"{}\"/>\n",
        coord(label_w), coord(y), coord(bar_w * share), b.stage, b.users);
    out += svg_text(label_w + bar_w + 10, y + 16, "start", "value",
                    format_count(b.users) + " · " + b.note);
  }
  out += "</svg>\n";
  return out;
}

// Rows: cohorts; columns: periods 0..N; a cell's colour is its rate, a
// hatched cell is not complete at the end of the data (null in the JSON).
std::string cohort_svg(const aarrr::Result& r) {
  const auto& cohorts = r.retention.cohorts;
  std::size_t periods = 0;
  for (const aarrr::Cohort& c : cohorts) {
    periods = std::max(periods, c.periods.size());
  }
  const std::size_t rows = std::min(cohorts.size(), k_max_cohort_rows);
  const double label_w = 150;
  const double cell_w = 44;
  const double cell_h = 20;
  const double top = 22;
  const double width = label_w + cell_w * static_cast<double>(periods) + 10;
  const double height = top + cell_h * static_cast<double>(rows) + 6;
  std::string out = html::svg_begin(width, height, tr("retention by cohort"));
  out +=
      "<defs><pattern id=\"incomplete\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f1f2f4\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#c3c8cf\" stroke-width=\"2\"/>"
      "</pattern></defs>\n";
  out += svg_text(label_w - 8, top - 8, "end", "muted small", tr("cohort (users)"));
  for (std::size_t k = 0; k < periods; ++k) {
    out += svg_text(label_w + cell_w * (static_cast<double>(k) + 0.5), top - 8, "middle",
                    "muted small", period_label(k, r.cohort));
  }
  for (std::size_t i = 0; i < rows; ++i) {
    const aarrr::Cohort& c = cohorts[i];
    const double y = top + cell_h * static_cast<double>(i);
    const std::string label = cohort_label(c.start, r.cohort);
    out += svg_text(label_w - 8, y + 14, "end", "small",
                    fmt::format("{} ({})", label, format_count(c.users)));
    for (std::size_t k = 0; k < periods; ++k) {
      const double x = label_w + cell_w * static_cast<double>(k);
      const std::optional<double> rate = k < c.periods.size() ? c.periods[k] : std::nullopt;
      if (!rate) {
        out += fmt::format(
            "<rect class=\"cell incomplete\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
            "fill=\"url(#incomplete)\" data-cohort=\"{}\" data-period=\"{}\" data-rate=\"null\">"
            "<title>{} {}: {}</title></rect>\n",
            coord(x + 1), coord(y + 1), coord(cell_w - 2), coord(cell_h - 2), format_date(c.start),
            k, escaped(label), period_label(k, r.cohort),
            escaped(tr("not complete at the end of the data")));
        continue;
      }
      out += fmt::format(
          "<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
          "data-cohort=\"{}\" data-period=\"{}\" data-rate=\"{}\"><title>{} {}: {} of {}</title>"
          "</rect>\n",
          coord(x + 1), coord(y + 1), coord(cell_w - 2), coord(cell_h - 2), html::heat_fill(*rate),
          format_date(c.start), k, html::number(*rate), escaped(label), period_label(k, r.cohort),
          format_count(k < c.retained.size() ? c.retained[k] : 0), format_count(c.users));
      out += svg_text(x + cell_w / 2, y + 14, "middle", *rate >= 0.5 ? "small light" : "small",
                      format_percent(rate));
    }
  }
  out += "</svg>\n";
  return out;
}

std::string figures(const aarrr::Result& r) {
  std::string out = "<table class=\"figures\">\n<thead><tr><th>" + escaped(tr("figure")) +
                    "</th><th>" + escaped(tr("value")) + "</th></tr></thead>\n<tbody>\n";
  auto row = [&out](std::string_view name, const std::string& value) {
    out += "<tr><td>" + escaped(name) + "</td><td>" + escaped(value) + "</td></tr>\n";
  };
  row(tr("acquired users"), format_count(r.acquisition.users));
  row(tr("activated"),
      format_count(r.activation.users) + " (" + format_percent(r.activation.rate) + ")");
  for (const aarrr::RetentionDay& d : r.retention.days) {
    row(trf("retained D{}", d.day),
        of_users(d.retained, d.eligible) + " (" + format_percent(d.rate) + ")");
  }
  row(tr("paying users"),
      format_count(r.revenue.paying_users) + " (" + format_percent(r.revenue.paying_rate) + ")");
  row(tr("revenue"), format_money(r.revenue.revenue) + " " + purchases(r.revenue.purchases));
  row("ARPU / ARPPU", format_money(r.revenue.arpu) + " / " + format_money(r.revenue.arppu));
  row(tr("invites / referred"),
      format_count(r.referral.invites) + " / " + format_count(r.referral.referred));
  row(tr("K-factor"), format_ratio(r.referral.k_factor));
  if (r.roi) {
    row(tr("cost"), format_money(r.roi->cost));
    row("ROI", format_ratio(r.roi->roi));
    row(tr("cost per acquired user"), format_money(r.roi->cost_per_acquired));
  }
  out += "</tbody>\n</table>\n";
  return out;
}

std::string by_table(const aarrr::Acquisition& a) {
  std::string out = "<table class=\"figures\">\n<thead><tr><th>" + escaped(a.by_column) +
                    "</th><th>" + escaped(tr("acquired")) + "</th><th>" + escaped(tr("share")) +
                    "</th></tr></thead>\n<tbody>\n";
  for (const aarrr::ByValue& v : a.by) {
    const double share =
        a.users == 0 ? 0 : static_cast<double>(v.users) / static_cast<double>(a.users);
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       escaped(v.value.empty() ? std::string(tr("(empty)")) : v.value),
                       format_count(v.users), format_percent(share));
  }
  out += "</tbody>\n</table>\n";
  return out;
}

}  // namespace

std::string aarrr_html(const aarrr::Result& r, const AarrrRenderOptions& opts) {
  std::string out = html::page_begin("AARRR", "svg text.light { fill: #fff; }\n");
  out += "<p class=\"meta\">" + escaped(aarrr_summary(r, opts)) + "</p>\n";
  out += "<section class=\"stages\">\n" + stages_svg(r) + figures(r) + "</section>\n";
  if (!r.acquisition.by_column.empty()) {
    out += "<section class=\"by\">\n<h2>" +
           escaped(trf("Acquisition by {}", r.acquisition.by_column)) + "</h2>\n" +
           by_table(r.acquisition) + "</section>\n";
  }
  out += "<section class=\"cohorts\">\n<h2>" + escaped(tr("Retention by cohort")) + "</h2>\n";
  out += "<p class=\"meta\">" +
         escaped(trf("Retention: {}; hatched cells are not complete at the end of the data.",
                     retention_rule(r))) +
         "</p>\n";
  if (r.retention.cohorts.empty()) {
    out += "<p>" + escaped(tr("No cohorts: no acquisition event in the log.")) + "</p>\n";
  } else {
    out += cohort_svg(r);
    if (r.retention.cohorts.size() > k_max_cohort_rows) {
      out += "<p class=\"meta\">" +
             escaped(trf("{} later cohorts are in the JSON and CSV.",
                         format_count(r.retention.cohorts.size() - k_max_cohort_rows))) +
             "</p>\n";
    }
  }
  out += "</section>\n" + html::page_end();
  return out;
}

}  // namespace sopctl::render
