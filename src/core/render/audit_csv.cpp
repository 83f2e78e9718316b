// `audit --format csv`: one row per --by value, then a "(total)" row; with
// --list, the listed lines instead (one row per late, missed or unplanned).

#include "audit_fields.hpp"

#include <sopctl/text/csv_writer.hpp>
#include <sopctl/text/json_writer.hpp>

namespace sopctl::render {

std::string audit_csv(const audit::Report& r, const AuditRenderOptions& opts) {
  if (opts.list) {
    std::string out =
        text::csv_row({"status", "planned", "done", "group", "task", "title", "staff", "key"}, ',');
    for (const ListedLine& l : audit_listed(r)) {
      out += text::csv_row({l.status, l.status == "unplanned" ? "" : l.when, l.done, l.group,
                            l.task, l.title, l.staff, l.key},
                           ',');
    }
    return out;
  }
  std::vector<std::string> head = {audit::by_name(r.options.by), "name"};
  for (const auto& n : audit_count_names()) {
    head.push_back(n);
  }
  std::string out = text::csv_row(head, ',');
  const auto row = [&](const std::string& value, const std::string& name, const audit::Counts& c) {
    std::vector<std::string> cells = {value, name};
    for (auto cell : audit_count_cells(c)) {
      cells.push_back(cell == "-" ? "" : cell);
    }
    // The rate as a fraction, like JSON: 0.875, not 87.5%.
    const auto rate = c.on_time_rate();
    cells.back() = rate ? text::json_number(*rate) : "";
    out += text::csv_row(cells, ',');
  };
  for (const audit::Row& r_ : r.rows) {
    row(r_.value, r_.label, r_.counts);
  }
  row("(total)", "", r.totals);
  return out;
}

}  // namespace sopctl::render
