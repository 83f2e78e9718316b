// `audit --format md`: the same table as Markdown, for weekly reports.

#include "audit_fields.hpp"

#include <fmt/format.h>

namespace sopctl::render {

std::string audit_markdown(const audit::Report& r, const AuditRenderOptions& opts) {
  std::string out = fmt::format("## Audit\n\n_{}_\n\n", audit_summary(r));
  out += fmt::format("| {} |", audit::by_name(r.options.by));
  for (const auto& n : audit_count_names()) {
    out += " " + n + " |";
  }
  out += "\n|---|";
  for (std::size_t i = 0; i < audit_count_names().size(); ++i) {
    out += "---:|";
  }
  out += "\n";
  const auto row = [&](const std::string& label, const audit::Counts& c) {
    out += "| " + markdown_cell(label) + " |";
    for (const auto& cell : audit_count_cells(c)) {
      out += " " + cell + " |";
    }
    out += "\n";
  };
  for (const audit::Row& r_ : r.rows) {
    row(r_.label.empty() ? r_.value : fmt::format("{} ({})", r_.label, r_.value), r_.counts);
  }
  row("**total**", r.totals);
  if (opts.list) {
    const auto listed = audit_listed(r);
    if (!listed.empty()) {
      out +=
          "\n| status | planned | done | group | task | title | staff |\n"
          "|---|---|---|---|---|---|---|\n";
      for (const ListedLine& l : listed) {
        out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", l.status,
                           l.status == "unplanned" ? "" : l.when, l.done, markdown_cell(l.group),
                           markdown_cell(l.task), markdown_cell(l.title), markdown_cell(l.staff));
      }
    }
  }
  return out;
}

}  // namespace sopctl::render
