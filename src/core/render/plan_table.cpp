// `plan --format table` (the default): a heading per date, then one line per
// item with columns aligned by display width across the whole plan, so that
// CJK text lines up in a terminal.

#include "plan_fields.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/plan_render.hpp>
#include <sopctl/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace sopctl::render {

namespace {

constexpr std::string_view k_gap = "  ";
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_dim = "\x1b[2m";
constexpr std::string_view k_cyan = "\x1b[36m";
constexpr std::string_view k_reset = "\x1b[0m";

// time, group, group name, day+phase, title, channel, staff; the script
// follows unpadded.
constexpr std::size_t k_padded = 7;

struct PlanRow {
  Date date;
  bool all_day = false;
  std::array<std::string, k_padded> cells;
  std::string script;
};

// A cell on one terminal line: line breaks become " ⏎ ", tabs a space, other
// control characters (which could move the cursor or colour the screen) "?".
std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
        ++i;
      }
      out += " ⏎ ";
    } else if (c == '\t') {
      out += ' ';
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += '?';
    } else {
      out += c;
    }
  }
  return out;
}

PlanRow make_row(const PlanItem& item) {
  const ItemFields f = item_fields(item);
  PlanRow row;
  row.date = item.date;
  row.all_day = f.time.empty();
  row.cells = {time_label(f), shown_id(f), shown_name(f),       day_phase_label(f),
               f.title,       f.channel,   staff_names(f, "、")};
  for (auto& cell : row.cells) {
    cell = one_line(cell);
  }
  row.script = one_line(f.script);
  return row;
}

std::string paint(std::string_view text, std::string_view style, bool color) {
  if (!color) {
    return std::string(text);
  }
  return fmt::format("{}{}{}", style, text, k_reset);
}

void strip_trailing_spaces(std::string& line) {
  while (!line.empty() && line.back() == ' ') {
    line.pop_back();
  }
}

std::string format_row(const PlanRow& row, const std::array<std::size_t, k_padded>& widths,
                       bool color) {
  std::string line;
  bool first = true;
  for (std::size_t c = 0; c < k_padded; ++c) {
    if (widths[c] == 0) {
      continue;  // a column empty throughout the plan takes no room
    }
    if (!first) {
      line += k_gap;
    }
    first = false;
    const std::string& cell = row.cells[c];
    line += c == 0 ? paint(cell, row.all_day ? k_dim : k_cyan, color) : cell;
    line.append(widths[c] - text::display_width(cell), ' ');
  }
  if (!row.script.empty()) {
    line += k_gap;
    line += row.script;
  }
  strip_trailing_spaces(line);
  return line + "\n";
}

}  // namespace

std::string plan_table(const Plan& plan, const PlanRenderOptions& opts) {
  if (plan.items.empty()) {
    return trf("no items from {} to {}\n", format_date(plan.from), format_date(plan.to));
  }
  std::vector<PlanRow> rows;
  rows.reserve(plan.items.size());
  std::array<std::size_t, k_padded> widths{};
  for (const PlanItem& item : plan.items) {
    rows.push_back(make_row(item));
    for (std::size_t c = 0; c < k_padded; ++c) {
      widths[c] = std::max(widths[c], text::display_width(rows.back().cells[c]));
    }
  }
  std::string out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == 0 || rows[i].date != rows[i - 1].date) {
      if (i > 0) {
        out += '\n';
      }
      out += paint(date_heading(rows[i].date), k_bold, opts.color);
      out += '\n';
    }
    out += format_row(rows[i], widths, opts.color);
  }
  return out;
}

}  // namespace sopctl::render
