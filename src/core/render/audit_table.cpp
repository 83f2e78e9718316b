// `audit --format table` (the default): one line per --by value and the
// totals, columns aligned by display width; with --list the late, missed and
// unplanned lines follow.

#include "audit_fields.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::render {
namespace {

// Columns from `right_from` on are right-aligned.
std::string layout(const std::vector<std::vector<std::string>>& rows, std::size_t right_from) {
  std::vector<bool> right;
  for (std::size_t c = 0; !rows.empty() && c < rows.front().size(); ++c) {
    right.push_back(c >= right_from);
  }
  return align_columns(rows, right);
}

std::string label_of(const audit::Row& row) {
  return row.label.empty() || row.label == row.value ? row.value
                                                     : fmt::format("{} ({})", row.label, row.value);
}

}  // namespace

std::string audit_table(const audit::Report& r, const AuditRenderOptions& opts) {
  std::string out = trf("Audit {}\n\n", audit_summary(r));
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = {audit::by_name(r.options.by)};
  for (const auto& n : audit_count_names()) {
    head.push_back(n);
  }
  rows.push_back(head);
  for (const audit::Row& row : r.rows) {
    std::vector<std::string> cells = {label_of(row)};
    for (auto& c : audit_count_cells(row.counts)) {
      cells.push_back(std::move(c));
    }
    rows.push_back(std::move(cells));
  }
  std::vector<std::string> total = {tr("total")};
  for (auto& c : audit_count_cells(r.totals)) {
    total.push_back(std::move(c));
  }
  rows.push_back(std::move(total));
  out += layout(rows, 1);
  if (r.duplicates > 0 || r.out_of_range > 0) {
    out += "\n";
    if (r.duplicates > 0) {
      out += trf("{} duplicate record{} not counted twice.\n", r.duplicates,
                 r.duplicates == 1 ? " was" : "s were");
    }
    if (r.out_of_range > 0) {
      out += trf("{} record{} outside the audited range not counted.\n", r.out_of_range,
                 r.out_of_range == 1 ? "" : "s");
    }
  }
  if (opts.list) {
    const auto listed = audit_listed(r);
    out += "\n";
    if (listed.empty()) {
      out += tr("Nothing late, missed or unplanned.\n");
    } else {
      std::vector<std::vector<std::string>> lines = {{tr("status"), tr("planned"), tr("done"),
                                                      tr("group"), tr("task"), tr("title"),
                                                      tr("staff")}};
      for (const ListedLine& l : listed) {
        lines.push_back({l.status, l.status == "unplanned" ? "-" : l.when,
                         l.done.empty() ? "-" : l.done, l.group, l.task,
                         l.title.empty() ? "-" : l.title, l.staff.empty() ? "-" : l.staff});
      }
      out += layout(lines, lines.front().size());
    }
  }
  return out;
}

}  // namespace sopctl::render
