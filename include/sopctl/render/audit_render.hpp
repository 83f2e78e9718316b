#pragma once
// Audit renderers (docs/spec.md §5.4): pure functions from an audit::Report
// to one format.

#include <sopctl/audit/audit.hpp>

#include <string>

namespace sopctl::render {

struct AuditRenderOptions {
  bool list = false;  // also list the late, missed and unplanned records
};

std::string audit_table(const audit::Report& r, const AuditRenderOptions& opts);
std::string audit_markdown(const audit::Report& r, const AuditRenderOptions& opts);
std::string audit_csv(const audit::Report& r, const AuditRenderOptions& opts);
std::string audit_json(const audit::Report& r, const AuditRenderOptions& opts);
// One self-contained page (docs/spec.md §5.7): per row a bar of on time,
// late, missed and pending, with the on-time rate; then the figures.
std::string audit_html(const audit::Report& r, const AuditRenderOptions& opts);
// The bytes of an .xlsx workbook: the counts (or --list lines), then the listed lines.
std::string audit_xlsx(const audit::Report& r, const AuditRenderOptions& opts);

}  // namespace sopctl::render
