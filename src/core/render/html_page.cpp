#include "html_page.hpp"

#include <sopctl/base/version.hpp>
#include <sopctl/text/json_writer.hpp>
#include <sopctl/text/utf8.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sopctl::render::html {

namespace {

// Type, tables and the colours of the pictures; print keeps the colours.
constexpr std::string_view k_base_style = R"(
:root { --line: #d0d4da; --muted: #6b7280; --grey: #f1f2f4; --accent: #1f7a4d;
  --late: #d98e04; --missed: #c0392b; --pending: #b8bec7; }
* { box-sizing: border-box; }
body { margin: 1.5rem; max-width: 64rem; font: 14px/1.45 -apple-system, "PingFang SC",
  "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  color: #1d2129; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
p.meta { color: var(--muted); margin: 0 0 1rem; }
p.summary { margin: .4rem 0; }
table.figures { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
table.figures th, table.figures td { padding: .25rem .6rem; border-bottom: 1px solid var(--line);
  text-align: right; }
table.figures th:first-child, table.figures td:first-child { text-align: left; }
table.figures th { background: var(--grey); font-weight: 600; }
svg { display: block; margin: .3rem 0 1rem; max-width: 100%; height: auto; }
svg text { font: 12px sans-serif; fill: #1d2129; }
svg text.muted { fill: var(--muted); }
svg text.drop { fill: var(--missed); }
svg text.small { font-size: 10px; }
svg .bar { fill: var(--accent); }
svg .track { fill: var(--grey); }
svg .on_time { fill: var(--accent); }
svg .late { fill: var(--late); }
svg .missed { fill: var(--missed); }
svg .pending { fill: var(--pending); }
svg .axis { stroke: var(--line); stroke-width: 1; }
svg .whisker { stroke: #1d2129; stroke-width: 2; }
svg .point { fill: var(--accent); }
svg .point.control { fill: #1d2129; }
.legend span { display: inline-block; margin-right: 1rem; color: var(--muted); }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem;
  vertical-align: -1px; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  section { break-inside: avoid; page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

}  // namespace

void append_escaped(std::string& out, std::string_view s) {
  while (!s.empty()) {
    std::size_t bad = s.size();
    const bool valid = text::is_valid_utf8(s, &bad);
    for (const char c : s.substr(0, valid ? s.size() : bad)) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        default:
          out += c;
          break;
      }
    }
    if (valid) {
      break;
    }
    out += "\xEF\xBF\xBD";
    s.remove_prefix(bad + 1);
  }
}

std::string escaped(std::string_view s) {
  std::string out;
  append_escaped(out, s);
  return out;
}

std::string page_begin(std::string_view title, std::string_view style, bool report_style) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"sopctl " + std::string(version()) + "\">\n";
  out += "<title>" + escaped(title) + "</title>\n<style>";
  if (report_style) {
    out += k_base_style;
  }
  out += style;
  out += "</style>\n</head>\n<body>\n<h1>" + escaped(title) + "</h1>\n";
  return out;
}

std::string page_end() {
  return "</body>\n</html>\n";
}

std::string coord(double v) {
  const double r = std::round(v * 10) / 10;
  return fmt::format("{:.1f}", r == 0 ? 0.0 : r);  // never "-0.0"
}

std::string number(double v) {
  return text::json_number(v);
}

std::string svg_begin(double width, double height, std::string_view label) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-label=\"{}\">\n",
      coord(width), coord(height), coord(width), coord(height), escaped(label));
}

std::string svg_text(double x, double y, std::string_view anchor, std::string_view cls,
                     std::string_view content) {
  std::string out = fmt::format("<text x=\"{}\" y=\"{}\"", coord(x), coord(y));
  if (anchor != "start") {
    out += fmt::format(" text-anchor=\"{}\"", anchor);
  }
  if (!cls.empty()) {
    out += fmt::format(" class=\"{}\"", cls);
  }
  out += ">" + escaped(content) + "</text>\n";
  return out;
}

std::string heat_fill(double fraction) {
  const double f = std::clamp(fraction, 0.0, 1.0);
  // White to the accent #1f7a4d, lighter steps first so that small rates show.
  const double t = std::sqrt(f);
  auto mix = [t](int to) { return static_cast<int>(std::lround(255 + (to - 255) * t)); };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(0x1f), mix(0x7a), mix(0x4d));
}

}  // namespace sopctl::render::html
