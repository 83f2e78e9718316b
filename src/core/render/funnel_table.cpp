// `funnel --format table` (the default): one line per step with a
// horizontal bar, columns aligned by display width (CJK step names line up),
// then the largest drop, the conversion and the goal in sentences.

#include "funnel_fields.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/funnel_render.hpp>
#include <sopctl/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <vector>

namespace sopctl::render {

namespace {

constexpr std::size_t k_bar_width = 30;  // cells for 100%
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_cyan = "\x1b[36m";
constexpr std::string_view k_red = "\x1b[31m";
constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::size_t k_columns = 7;  // the bar follows, unpadded

std::string paint(std::string_view text, std::string_view style, bool color) {
  if (!color || text.empty()) {
    return std::string(text);
  }
  return fmt::format("{}{}{}", style, text, k_reset);
}

// A bar of `rate` (0..1) in eighths of a cell.
std::string bar(std::optional<double> rate) {
  if (!rate) {
    return "";
  }
  static constexpr std::array<std::string_view, 8> k_eighths = {"",  "▏", "▎", "▍",
                                                                "▌", "▋", "▊", "▉"};
  const double r = std::clamp(*rate, 0.0, 1.0);
  const auto eighths = static_cast<std::size_t>(std::lround(r * k_bar_width * 8));
  std::string out;
  for (std::size_t i = 0; i < eighths / 8; ++i) {
    out += "█";
  }
  out += k_eighths[eighths % 8];
  if (out.empty() && r > 0) {
    out = "▏";  // a step with users never looks empty
  }
  return out;
}

// A cell on one terminal line: control characters (which could move the
// cursor) become "?".
std::string one_line(std::string_view s) {
  std::string out;
  for (const char c : s) {
    out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  }
  return out;
}

std::string render_funnel(const funnel::Funnel& f, bool times, bool color) {
  std::vector<std::array<std::string, k_columns>> rows;
  rows.push_back({tr("step"), tr("users"), tr("from prev"), tr("from first"), tr("lost"),
                  tr("drop-off"), times ? tr("median from prev") : ""});
  for (std::size_t k = 0; k < f.steps.size(); ++k) {
    const funnel::Step& s = f.steps[k];
    const bool first = k == 0;
    rows.push_back({one_line(s.name), format_count(s.users),
                    first ? "" : format_percent(s.from_previous), format_percent(s.from_first),
                    first ? ""
                          : (s.lost < 0 ? "+" + format_count(static_cast<std::uint64_t>(-s.lost))
                                        : format_count(static_cast<std::uint64_t>(s.lost))),
                    first ? "" : format_percent(s.drop_off),
                    times && !first ? format_duration(s.median_seconds) : ""});
  }
  std::array<std::size_t, k_columns> width{};
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < k_columns; ++c) {
      width[c] = std::max(width[c], text::display_width(row[c]));
    }
  }
  std::string out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string line;
    for (std::size_t c = 0; c < k_columns; ++c) {
      if (width[c] == 0) {
        continue;
      }
      const std::string& cell = rows[i][c];
      const std::size_t pad = width[c] - text::display_width(cell);
      if (c > 0) {
        line += "  ";
      }
      if (c == 0) {
        line += cell + std::string(pad, ' ');
      } else {
        line += std::string(pad, ' ') + cell;  // numbers align right
      }
    }
    if (i == 0) {
      while (!line.empty() && line.back() == ' ') {
        line.pop_back();
      }
      out += paint(line, k_bold, color) + "\n";
      continue;
    }
    const funnel::Step& s = f.steps[i - 1];
    const std::string b = bar(s.from_first);
    if (!b.empty()) {
      line += "  " + paint(b, f.largest_drop && *f.largest_drop == i - 1 ? k_red : k_cyan, color);
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += line + "\n";
  }
  out += "\n";
  out += summary_sentences(f);
  return out;
}

}  // namespace

// "Time to convert: median 2h 03m, p90 1d 4h, mean 9h 12m (231 users)" and a
// row of text bars, one per histogram bin.
std::string time_to_convert(const funnel::Funnel& f) {
  if (!f.time_to_convert || f.time_to_convert->users == 0) {
    return "";
  }
  const funnel::TimeToConvert& c = *f.time_to_convert;
  std::string out =
      trf("Time to convert: median {}, p90 {}, mean {} ({} user{})\n",
          format_duration(c.p50_seconds), format_duration(c.p90_seconds),
          format_duration(c.mean_seconds), format_count(c.users), c.users == 1 ? "" : "s");
  static constexpr std::array<std::string_view, 9> k_labels = {
      "<1m", "1-5m", "5-15m", "15m-1h", "1-6h", "6h-1d", "1-3d", "3-7d", "7d+"};
  static constexpr std::array<std::string_view, 9> k_levels = {" ", "▁", "▂", "▃", "▄",
                                                               "▅", "▆", "▇", "█"};
  const std::uint64_t most = *std::max_element(c.histogram.begin(), c.histogram.end());
  // The bins from the first to the last with users.
  std::size_t first = 0;
  std::size_t last = c.histogram.size();
  while (first < last && c.histogram[first] == 0) {
    ++first;
  }
  while (last > first && c.histogram[last - 1] == 0) {
    --last;
  }
  std::string bars = " ";
  for (std::size_t i = first; i < last && i < k_labels.size(); ++i) {
    const std::size_t level =
        c.histogram[i] == 0
            ? 0
            : 1 + static_cast<std::size_t>(c.histogram[i] * 7 / std::max<std::uint64_t>(most, 1));
    bars += fmt::format(" {} {}", k_labels[i], k_levels[std::min<std::size_t>(level, 8)]);
  }
  return out + bars + "\n";
}

// --trend: one line per period with the users at each step and the conversion.
std::string trend_rows(const funnel::Result& r) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = {r.by_column};
  for (const funnel::Step& s : r.total.steps) {
    head.push_back(one_line(s.name));
  }
  head.push_back(tr("conversion"));
  rows.push_back(head);
  for (const funnel::Segment& seg : r.segments) {
    std::vector<std::string> row = {seg.value};
    for (const funnel::Step& s : seg.funnel.steps) {
      row.push_back(format_count(s.users));
    }
    row.push_back(format_percent(seg.funnel.conversion));
    rows.push_back(std::move(row));
  }
  std::vector<bool> right(head.size(), true);
  right.front() = false;
  return align_columns(rows, right);
}

std::string funnel_table(const funnel::Result& r, const FunnelRenderOptions& opts) {
  std::string out = paint(step_chain(r.total), k_bold, opts.color);
  out += fmt::format(" ({})\n\n", input_summary(r));
  out += render_funnel(r.total, r.from_events, opts.color);
  out += time_to_convert(r.total);
  if (opts.goal) {
    out += goal_sentence(*opts.goal, r.total) + "\n";
  }
  if (r.trend) {
    return out + "\n" + trend_rows(r);
  }
  for (const funnel::Segment& seg : r.segments) {
    out += '\n';
    out += paint(fmt::format("{} = {}", one_line(r.by_column),
                             seg.value.empty() ? tr("(empty)") : one_line(seg.value)),
                 k_bold, opts.color);
    out += '\n';
    out += render_funnel(seg.funnel, r.from_events, opts.color);
  }
  return out;
}

}  // namespace sopctl::render
