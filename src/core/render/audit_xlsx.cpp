// `audit --format xlsx`: the counts per --by value (or, with --list, the
// listed lines), then a sheet of the late, missed and unplanned records.

#include "xlsx_book.hpp"

#include <sopctl/render/audit_render.hpp>

namespace sopctl::render {

std::string audit_xlsx(const audit::Report& r, const AuditRenderOptions& opts) {
  using xlsx::Kind;
  const std::vector<std::pair<std::string_view, Kind>> kinds = {
      {"planned", Kind::integer},     {"on_time", Kind::integer}, {"late", Kind::integer},
      {"missed", Kind::integer},      {"pending", Kind::integer}, {"unplanned", Kind::integer},
      {"on_time_rate", Kind::percent}};
  const std::vector<std::pair<std::string_view, Kind>> list_kinds = {{"planned", Kind::datetime},
                                                                     {"done", Kind::datetime}};
  AuditRenderOptions listed = opts;
  listed.list = true;
  std::vector<xlsx::Sheet> sheets;
  if (!opts.list) {
    sheets.push_back(xlsx::sheet_from_csv("audit", audit_csv(r, opts), kinds));
  }
  sheets.push_back(
      xlsx::sheet_from_csv("late, missed, unplanned", audit_csv(r, listed), list_kinds));
  return xlsx::workbook(sheets);
}

}  // namespace sopctl::render
