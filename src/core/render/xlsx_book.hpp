#pragma once
// Excel workbooks (docs/spec.md §5.7) with libxlsxwriter: sheets of typed
// cells, a bold frozen header, an autofilter and column widths by display
// width. The renderers build sheets from their own CSV tables, so a sheet's
// header and values are those of --format csv (private to render/).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sopctl::render::xlsx {

enum class Kind {
  text,      // as it is
  integer,   // a number shown without decimals
  number,    // a number shown with up to two decimals
  percent,   // a fraction shown as 12.5%
  date,      // 2026-12-01
  time,      // 09:30
  datetime,  // 2026-12-01 09:30 (or with a T)
};

struct Sheet {
  std::string name;  // made valid and unique by workbook()
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<Kind> kinds;  // per column; missing: text
  // Cells that override their column's kind: (row, column, kind).
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, Kind>> cell_kinds;
};

// A sheet from CSV text sopctl wrote (header first); columns get their kind
// by header name from `kinds` (others: text).
Sheet sheet_from_csv(std::string name, std::string_view csv,
                     const std::vector<std::pair<std::string_view, Kind>>& kinds);

// The bytes of an .xlsx file holding the sheets in order. A value that does
// not read as its kind is written as text, so nothing is lost. Same sheets,
// same bytes: the document date is SOURCE_DATE_EPOCH, else 1980-01-01.
std::string workbook(const std::vector<Sheet>& sheets);

// A valid sheet name: at most 31 characters, none of []:*?/\ (replaced by
// a space), not empty.
std::string sheet_name(std::string_view wanted);

}  // namespace sopctl::render::xlsx
