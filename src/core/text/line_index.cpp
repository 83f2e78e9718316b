#include <sopctl/text/line_index.hpp>

#include <algorithm>

namespace sopctl::text {

namespace {

bool starts_char(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

int column_of(std::string_view text, std::size_t line_start, std::size_t offset) {
  const auto chars = std::count_if(text.begin() + static_cast<std::ptrdiff_t>(line_start),
                                   text.begin() + static_cast<std::ptrdiff_t>(offset), starts_char);
  return static_cast<int>(chars) + 1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) {
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    m_starts.push_back(i + 1);
  }
}

SourceLoc LineIndex::loc(std::string_view text, std::size_t offset, const std::string& path) const {
  offset = std::min(offset, text.size());
  auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
  const auto line = static_cast<std::size_t>(it - m_starts.begin()) - 1;
  int column = 0;
  if (line == m_last_line && offset >= m_last_offset && m_last_offset >= m_starts[line]) {
    column = m_last_column + column_of(text, m_last_offset, offset) - 1;
  } else {
    column = column_of(text, m_starts[line], offset);
  }
  m_last_line = line;
  m_last_offset = offset;
  m_last_column = column;
  return {path, static_cast<int>(line) + 1, column};
}

std::size_t LineIndex::line_start(std::string_view text, int zero_based_line) const {
  if (zero_based_line < 0) {
    return 0;
  }
  const auto line = static_cast<std::size_t>(zero_based_line);
  return line < m_starts.size() ? m_starts[line] : text.size();
}

std::size_t LineIndex::offset_of(std::string_view text, int line, int column) const {
  if (line < 1 || static_cast<std::size_t>(line) > m_starts.size()) {
    return 0;
  }
  std::size_t offset = m_starts[static_cast<std::size_t>(line) - 1];
  for (int c = 1; c < column && offset < text.size(); ++c) {
    ++offset;
    while (offset < text.size() && !starts_char(text[offset])) {
      ++offset;
    }
  }
  return offset;
}

SourceLoc locate(std::string_view text, std::size_t offset, const std::string& path) {
  offset = std::min(offset, text.size());
  const std::size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  const std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
  const auto line =
      std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(start), '\n');
  return {path, static_cast<int>(line) + 1, column_of(text, start, offset)};
}

}  // namespace sopctl::text
