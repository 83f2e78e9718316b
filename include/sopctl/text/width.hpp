#pragma once
// Display width of UTF-8 text in a terminal, by grapheme cluster (utf8proc).

#include <cstddef>
#include <string>
#include <string_view>

namespace sopctl::text {

// Columns `s` occupies: CJK and emoji count 2, combining marks 0.
// Invalid UTF-8 bytes count 1 each.
std::size_t display_width(std::string_view s);

// `s` padded with spaces on the right to `width` columns (never truncated).
std::string pad_right(std::string_view s, std::size_t width);

// Number of Unicode code points (characters); invalid bytes count 1 each.
std::size_t count_chars(std::string_view s);

}  // namespace sopctl::text
