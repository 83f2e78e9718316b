#pragma once
// Whole-file CSV for roster and customer files: the rows of csv::Reader
// (csv.hpp, the one set of RFC 4180 rules) with fields copied out.

#include <string>
#include <string_view>
#include <vector>

namespace sopctl::text {

struct CsvRow {
  int line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Parses the whole text; throws Error naming `path` and the line on an
// unterminated quote or invalid UTF-8. Blank (or spaces-only) lines are
// skipped; a lone CR also ends a line; line breaks inside quotes become "\n".
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& path);

}  // namespace sopctl::text
