#include "report_format.hpp"

#include <fmt/format.h>

#include <sopctl/text/width.hpp>

#include <algorithm>
#include <cmath>

namespace sopctl::render {

std::string format_count(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

std::string format_percent(std::optional<double> rate) {
  if (!rate) {
    return "-";
  }
  return fmt::format("{:.1f}%", *rate * 100.0);
}

std::string format_duration(std::optional<double> seconds) {
  if (!seconds) {
    return "-";
  }
  const auto s = static_cast<std::int64_t>(std::llround(*seconds));
  if (s < 60) {
    return fmt::format("{}s", s);
  }
  if (s < 3600) {
    return s % 60 == 0 ? fmt::format("{}m", s / 60) : fmt::format("{}m {:02}s", s / 60, s % 60);
  }
  if (s < 86400) {
    return fmt::format("{}h {:02}m", s / 3600, s / 60 % 60);
  }
  return fmt::format("{}d {}h", s / 86400, s / 3600 % 24);
}

std::string format_window(std::int64_t seconds) {
  if (seconds < 0) {
    return "none";
  }
  if (seconds % 86400 == 0) {
    return fmt::format("{}d", seconds / 86400);
  }
  if (seconds % 3600 == 0) {
    return fmt::format("{}h", seconds / 3600);
  }
  if (seconds % 60 == 0) {
    return fmt::format("{}m", seconds / 60);
  }
  return fmt::format("{}s", seconds);
}

std::string markdown_cell(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string align_columns(const std::vector<std::vector<std::string>>& rows,
                          const std::vector<bool>& right) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], text::display_width(row[c]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) {
        line += "  ";
      }
      const std::string pad(widths[c] - text::display_width(row[c]), ' ');
      line += c < right.size() && right[c] ? pad + row[c] : row[c] + pad;
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace sopctl::render
