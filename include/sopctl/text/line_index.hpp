#pragma once
// Byte offsets in a text to the 1-based line and character column that every
// diagnostic shows (columns count characters, not bytes), and back.

#include <sopctl/base/source.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::text {

// Locating offsets in increasing order along one long line costs the
// characters between them, not the whole line again (a 3 MB one-line script
// with 300,000 placeholders is located in linear time). The index remembers
// its last answer, so one index is not for concurrent use.
class LineIndex {
public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  // Location of byte `offset` of `text` (the text the index was built on).
  SourceLoc loc(std::string_view text, std::size_t offset, const std::string& path) const;
  // Byte offset of a 1-based line and character column; 0 when out of range.
  std::size_t offset_of(std::string_view text, int line, int column) const;
  // Byte offset where a 0-based line starts (the text's size past the end).
  std::size_t line_start(std::string_view text, int zero_based_line) const;

private:
  std::vector<std::size_t> m_starts{0};
  // The last location computed: its line (0-based), offset and column.
  mutable std::size_t m_last_line = 0;
  mutable std::size_t m_last_offset = 0;
  mutable int m_last_column = 1;
};

// One-off location of a byte offset (builds no index: for error paths).
SourceLoc locate(std::string_view text, std::size_t offset, const std::string& path);

}  // namespace sopctl::text
