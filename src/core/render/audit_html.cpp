// `audit --format html` (docs/spec.md §5.7): per --by row (staff by
// default) a bar of its planned items split into on time, late, missed and
// pending, with the on-time rate beside it; then the figures.

#include "audit_fields.hpp"
#include "html_page.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/audit_render.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace sopctl::render {

namespace {

using html::coord;
using html::escaped;
using html::svg_text;

std::string row_label(const audit::Row& row) {
  return row.label.empty() || row.label == row.value ? row.value
                                                     : row.label + " (" + row.value + ")";
}

std::string rows_svg(const audit::Report& r) {
  const double label_w = 200;
  const double bar_w = 440;
  const double row_h = 34;
  const double width = label_w + bar_w + 190;
  std::vector<const audit::Row*> rows;
  for (const audit::Row& row : r.rows) {
    rows.push_back(&row);
  }
  std::string out = html::svg_begin(width, row_h * static_cast<double>(rows.size() + 1) + 4,
                                    trf("on time by {}", audit::by_name(r.options.by)));
  std::int64_t most = 1;
  for (const audit::Row* row : rows) {
    most = std::max(most, row->counts.planned);
  }
  auto draw = [&](const std::string& key, const std::string& label, const audit::Counts& c,
                  double y, bool total) {
    out += svg_text(label_w - 10, y + 15, "end", total ? "label strong" : "label", label);
    const std::array<std::pair<const char*, std::int64_t>, 4> parts = {
        {{"on_time", c.on_time}, {"late", c.late}, {"missed", c.missed}, {"pending", c.pending}}};
    // The total row is drawn to its own scale: its bar is the whole width.
    const double scale =
        bar_w / static_cast<double>(total ? std::max<std::int64_t>(c.planned, 1) : most);
    double x = label_w;
    for (const auto& [cls, n] : parts) {
      const double w = scale * static_cast<double>(n);
      out += fmt::format(
          "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"20\" data-row=\"{}\" "
          "data-count=\"{}\"><title>{}: {} {}</title></rect>\n",
          cls, coord(x), coord(y), coord(w), escaped(key), n, escaped(label), n, cls);
      x += w;
    }
    const std::optional<double> rate = c.on_time_rate();
    out += svg_text(label_w + bar_w + 10, y + 15, "start", "value",
                    trf("{} on time · {} planned", format_percent(rate),
                        format_count(static_cast<std::uint64_t>(c.planned))));
    out += fmt::format("<desc data-row=\"{}\" data-on-time-rate=\"{}\"/>\n", escaped(key),
                       rate ? html::number(*rate) : "null");
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    draw(rows[i]->value, row_label(*rows[i]), rows[i]->counts, row_h * static_cast<double>(i) + 4,
         false);
  }
  draw("", "everyone", r.totals, row_h * static_cast<double>(rows.size()) + 4, true);
  out += "</svg>\n";
  return out;
}

std::string figures(const audit::Report& r) {
  std::string out = "<table class=\"figures\">\n<thead><tr><th>" +
                    std::string(audit::by_name(r.options.by)) + "</th>";
  for (const std::string& name : audit_count_names()) {
    out += "<th>" + escaped(name) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  auto line = [&out](const std::string& label, const audit::Counts& c) {
    out += "<tr><td>" + escaped(label) + "</td>";
    for (const std::string& cell : audit_count_cells(c)) {
      out += "<td>" + escaped(cell) + "</td>";
    }
    out += "</tr>\n";
  };
  for (const audit::Row& row : r.rows) {
    line(row_label(row), row.counts);
  }
  line(tr("total"), r.totals);
  out += "</tbody>\n</table>\n";
  return out;
}

}  // namespace

std::string audit_html(const audit::Report& r, const AuditRenderOptions& opts) {
  std::string out = html::page_begin(trf("Audit by {}", audit::by_name(r.options.by)),
                                     "svg text.strong { font-weight: 600; }\n"
                                     "table.list th, table.list td { text-align: left; }\n");
  out += "<p class=\"meta\">" + escaped(audit_summary(r)) + "</p>\n";
  out += fmt::format(
      "<p class=\"legend\"><span><i class=\"on_time\" style=\"background:#1f7a4d\"></i>{}"
      "</span><span><i style=\"background:#d98e04\"></i>{}</span><span><i "
      "style=\"background:#c0392b\"></i>{}</span><span><i style=\"background:#b8bec7\"></i>"
      "{}</span></p>\n",
      escaped(tr("on time")), escaped(tr("late")), escaped(tr("missed")), escaped(tr("pending")));
  out += "<section class=\"audit\">\n" + rows_svg(r) + figures(r) + "</section>\n";
  if (opts.list) {
    const std::vector<ListedLine> lines = audit_listed(r);
    if (!lines.empty()) {
      out += "<section class=\"listed\">\n<h2>" + escaped(tr("Late, missed and unplanned")) +
             "</h2>\n<table class=\"figures list\">\n<thead><tr>";
      for (const char* heading :
           {tr("status"), tr("planned"), tr("done"), tr("group"), tr("task"), tr("staff")}) {
        out += "<th>" + escaped(heading) + "</th>";
      }
      out += "</tr></thead>\n<tbody>\n";
      for (const ListedLine& l : lines) {
        out += fmt::format(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escaped(l.status), escaped(l.when), escaped(l.done), escaped(l.group),
            escaped(l.title.empty() ? l.task : l.title), escaped(l.staff));
      }
      out += "</tbody>\n</table>\n</section>\n";
    }
  }
  out += html::page_end();
  return out;
}

}  // namespace sopctl::render
