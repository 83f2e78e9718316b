#include <sopctl/text/csv_reader.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/text/csv.hpp>
#include <sopctl/text/strings.hpp>
#include <sopctl/text/utf8.hpp>

namespace sopctl::text {

namespace {

// 1-based line of byte `offset`; LF, CRLF and a lone CR each end a line.
int line_at(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
    }
  }
  return line;
}

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& path) {
  text = strip_bom(text);
  std::size_t bad = 0;
  if (!is_valid_utf8(text, &bad)) {
    throw Error(csv::invalid_utf8_message(), SourceLoc{path, line_at(text, bad), 0});
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    throw Error(tr("NUL byte (saved as UTF-16, or not a text file?): save it as CSV UTF-8"),
                SourceLoc{path, line_at(text, nul), 0});
  }
  // The event logs' streaming reader, with owned fields: one set of quoting
  // rules for every CSV sopctl reads.
  csv::Reader reader(text, path);
  reader.set_validate_utf8(false);  // checked above, with this file's own hint
  csv::Record rec;
  std::vector<CsvRow> rows;
  while (reader.next(rec)) {
    if (rec.fields.size() == 1 && trim(rec.fields[0]).empty()) {
      continue;  // a line of spaces
    }
    CsvRow& row = rows.emplace_back();
    row.line = static_cast<int>(rec.line);
    row.fields.assign(rec.fields.begin(), rec.fields.end());
  }
  return rows;
}

}  // namespace sopctl::text
