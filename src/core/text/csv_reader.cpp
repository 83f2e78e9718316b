#include <sopctl/text/csv_reader.hpp>

#include <sopctl/error.hpp>
#include <sopctl/text/width.hpp>

namespace sopctl::text {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

bool is_line_break(char c) {
  return c == '\n' || c == '\r';
}

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

// Walks valid UTF-8 text byte by byte, keeping line and column (in characters).
class Parser {
public:
  Parser(std::string_view text, const std::string& path) : m_text(text), m_path(path) {}

  std::vector<CsvRow> parse() {
    std::vector<CsvRow> rows;
    while (!at_end()) {
      if (skip_blank_line()) {
        continue;
      }
      rows.push_back(read_row());
    }
    return rows;
  }

private:
  bool at_end() const { return m_pos >= m_text.size(); }
  char peek() const { return m_text[m_pos]; }

  void take() {
    // Continuation bytes belong to the character already counted.
    if ((static_cast<unsigned char>(m_text[m_pos]) & 0xC0) != 0x80) {
      ++m_column;
    }
    ++m_pos;
  }

  void take_line_break() {
    if (peek() == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') {
      ++m_pos;
    }
    ++m_pos;
    ++m_line;
    m_column = 1;
  }

  // Skips a line holding nothing but spaces and tabs.
  bool skip_blank_line() {
    std::size_t end = m_pos;
    while (end < m_text.size() && (m_text[end] == ' ' || m_text[end] == '\t')) {
      ++end;
    }
    if (end < m_text.size() && !is_line_break(m_text[end])) {
      return false;
    }
    m_pos = end;
    if (!at_end()) {
      take_line_break();
    }
    return true;
  }

  CsvRow read_row() {
    CsvRow row;
    row.line = m_line;
    while (true) {
      row.fields.push_back(read_field());
      if (at_end()) {
        break;
      }
      if (peek() == ',') {
        take();
        continue;
      }
      take_line_break();
      break;
    }
    return row;
  }

  std::string read_field() {
    std::string field;
    if (!at_end() && peek() == '"') {
      read_quoted(field);
    }
    // Unquoted text, or text after a closing quote: kept literally, quotes too.
    while (!at_end() && peek() != ',' && !is_line_break(peek())) {
      field += peek();
      take();
    }
    return field;
  }

  void read_quoted(std::string& field) {
    const SourceLoc opened{m_path, m_line, m_column};
    take();
    while (true) {
      if (at_end()) {
        throw Error("unterminated quoted field (a '\"' opened here is never closed)", opened);
      }
      const char c = peek();
      if (c == '"') {
        take();
        if (at_end() || peek() != '"') {
          return;
        }
        field += '"';
        take();
      } else if (is_line_break(c)) {
        field += '\n';  // the same value whether the file was saved with LF or CRLF
        take_line_break();
      } else {
        field += c;
        take();
      }
    }
  }

  std::string_view m_text;
  const std::string& m_path;
  std::size_t m_pos = 0;
  int m_line = 1;
  int m_column = 1;
};

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& path) {
  if (text.starts_with(k_bom)) {
    text.remove_prefix(k_bom.size());
  }
  std::size_t bad = 0;
  if (!is_valid_utf8(text, &bad)) {
    throw Error(
        "invalid UTF-8 (if this file was saved by Excel in GBK, convert it with: "
        "iconv -f GBK -t UTF-8)",
        SourceLoc{path, line_at(text, bad), 0});
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    throw Error("NUL byte (saved as UTF-16, or not a text file?): save it as CSV UTF-8",
                SourceLoc{path, line_at(text, nul), 0});
  }
  return Parser(text, path).parse();
}

}  // namespace sopctl::text
