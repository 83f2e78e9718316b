#pragma once
// Number and cell formats every report renderer shares (funnel, aarrr,
// audit): one wording of a count, a rate, a duration. Private to render/.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::render {

// 231596 -> "231,596".
std::string format_count(std::uint64_t n);
// 0.37031 -> "37.0%"; null -> "-".
std::string format_percent(std::optional<double> rate);
// Seconds -> "45s", "12m 30s", "2h 03m", "3d 4h"; null -> "-".
std::string format_duration(std::optional<double> seconds);
// "7d", "36h", "90m", "none".
std::string format_window(std::int64_t seconds);
// Rows of cells as aligned text lines, columns apart by two spaces, widths by
// display width (CJK counts double); `right[c]` right-aligns column c
// (missing entries: left). Trailing spaces are dropped.
std::string align_columns(const std::vector<std::vector<std::string>>& rows,
                          const std::vector<bool>& right);

// A Markdown table cell: '|' escaped, line breaks as spaces (every md report).
std::string markdown_cell(std::string_view s);

}  // namespace sopctl::render
