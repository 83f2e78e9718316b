// Reading ClickHouse's TabSeparatedWithNames answers (tsv_answer.hpp).

#include "tsv_answer.hpp"

#include <sopctl/base/error.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace sopctl::sql::detail {

namespace {

// TabSeparated's escapes: \t \n \\ \' \0 \b \f \r, and \N for NULL.
Field unescape(std::string_view raw) {
  Field f;
  if (raw == "\\N") {
    f.null = true;
    return f;
  }
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      f.text += raw[i];
      continue;
    }
    const char c = raw[++i];
    switch (c) {
      case 't':
        f.text += '\t';
        break;
      case 'n':
        f.text += '\n';
        break;
      case 'r':
        f.text += '\r';
        break;
      case 'b':
        f.text += '\b';
        break;
      case 'f':
        f.text += '\f';
        break;
      case '0':
        f.text += '\0';
        break;
      default:
        f.text += c;
        break;
    }
  }
  return f;
}

Row split_row(std::string_view line) {
  Row row;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    row.push_back(unescape(line.substr(start, tab - start)));
    if (tab == std::string_view::npos) {
      return row;
    }
    start = tab + 1;
  }
}

}  // namespace

Answer::Answer(std::string_view text, std::string where, std::string query)
    : m_where(std::move(where)), m_query(std::move(query)) {
  std::size_t line_no = 0;
  bool after_blank = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end;
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (line_no == 1) {
      const Row names = split_row(line);
      for (std::size_t i = 0; i < names.size(); ++i) {
        m_column[names[i].text] = i;
      }
      m_width = names.size();
      continue;
    }
    if (line.empty()) {
      if (after_blank) {
        fail(fmt::format("line {}: a second empty line", line_no));
      }
      after_blank = true;
      continue;
    }
    Row row = split_row(line);
    if (row.size() != m_width) {
      fail(fmt::format("line {}: {} fields where the header has {}", line_no, row.size(), m_width));
    }
    (after_blank ? m_totals : m_rows).push_back(std::move(row));
  }
  if (line_no == 0) {
    fail("an empty answer");
  }
}

std::size_t Answer::column(const std::string& name) const {
  const auto it = m_column.find(name);
  if (it == m_column.end()) {
    fail("no column '" + name + "' (is this the answer to sopctl's own query?)");
  }
  return it->second;
}

std::uint64_t Answer::count(const Row& row, const std::string& name) const {
  const Field& f = row[column(name)];
  std::uint64_t v = 0;
  const char* end = f.text.data() + f.text.size();
  const auto [ptr, ec] = std::from_chars(f.text.data(), end, v);
  if (f.null || f.text.empty() || ec != std::errc() || ptr != end) {
    fail(fmt::format("column '{}' holds '{}', not a count", name, f.text));
  }
  return v;
}

std::int64_t Answer::integer(const Row& row, const std::string& name) const {
  const Field& f = row[column(name)];
  std::int64_t v = 0;
  const char* end = f.text.data() + f.text.size();
  const auto [ptr, ec] = std::from_chars(f.text.data(), end, v);
  if (f.null || f.text.empty() || ec != std::errc() || ptr != end) {
    fail(fmt::format("column '{}' holds '{}', not an integer", name, f.text));
  }
  return v;
}

std::optional<double> Answer::number(const Row& row, const std::string& name) const {
  const Field& f = row[column(name)];
  if (f.null || f.text == "nan") {
    return std::nullopt;
  }
  // from_chars, not strtod: the locale (LC_NUMERIC under gettext) must not matter.
  double v = 0;
  const char* end = f.text.data() + f.text.size();
  const auto [ptr, ec] = std::from_chars(f.text.data(), end, v);
  if (f.text.empty() || ec != std::errc() || ptr != end || !std::isfinite(v)) {
    fail(fmt::format("column '{}' holds '{}', not a number", name, f.text));
  }
  return v;
}

void Answer::fail(const std::string& what) const {
  throw Error(fmt::format("{}: the answer is not the {} query's: {}", m_where, m_query, what));
}

}  // namespace sopctl::sql::detail
