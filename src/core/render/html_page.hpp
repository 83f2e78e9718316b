#pragma once
// What the HTML renderers share: escaping, the page around a report (one
// self-contained file: inline CSS and SVG, no script, nothing fetched), and
// the SVG pieces the report pictures are drawn with. Numbers in the SVG's
// data-* attributes are the JSON's, so that a test can hold one against the
// other.

#include <string>
#include <string_view>

namespace sopctl::render::html {

// Escapes the five HTML special characters; bytes that are not valid UTF-8
// become U+FFFD so that the page is valid UTF-8.
void append_escaped(std::string& out, std::string_view s);
std::string escaped(std::string_view s);

// "<!DOCTYPE html>...<body>\n<h1>TITLE</h1>\n": the reports' style (unless
// `report_style` is false: the plan's month view has its own), then `style`.
std::string page_begin(std::string_view title, std::string_view style, bool report_style = true);
std::string page_end();

// An SVG length or coordinate: one decimal ("12.5", "0.0").
std::string coord(double v);
// A fraction as the JSON writes it (shortest round trip), for data-* attributes.
std::string number(double v);
// <svg ...> sized width x height with a role and a label for screen readers.
std::string svg_begin(double width, double height, std::string_view label);
// <text> at (x, y): `anchor` start, middle or end; `cls` its CSS class.
std::string svg_text(double x, double y, std::string_view anchor, std::string_view cls,
                     std::string_view content);
// The fill between 0 (white) and 1 (the accent) of a heat-map cell, as #rrggbb.
std::string heat_fill(double fraction);

}  // namespace sopctl::render::html
