#pragma once
// AARRR renderers: pure functions from an aarrr::Result to one format.

#include <sopctl/aarrr/aarrr.hpp>

#include <string>

namespace sopctl::render {

struct AarrrRenderOptions {
  bool color = false;  // ANSI colour (table only)
  std::string input;   // the input's path ("-": stdin)
  std::string zone;    // the time zone of calendar days
};

// One block per stage, the cohort table as a triangle (display-width aligned).
std::string aarrr_table(const aarrr::Result& r, const AarrrRenderOptions& opts);
// A Markdown section per stage.
std::string aarrr_markdown(const aarrr::Result& r, const AarrrRenderOptions& opts);
// One row per figure: stage,metric,segment,value (full precision; empty for null).
std::string aarrr_csv(const aarrr::Result& r, const AarrrRenderOptions& opts);
// docs/spec.md §2.4's shape and key order, full precision, null where a denominator is 0.
std::string aarrr_json(const aarrr::Result& r, const AarrrRenderOptions& opts);
// One self-contained page (docs/spec.md §5.7): the stages as bars, the
// cohort triangle as a heat map with incomplete cells hatched.
std::string aarrr_html(const aarrr::Result& r, const AarrrRenderOptions& opts);
// The bytes of an .xlsx workbook: the CSV table, then the cohort triangle.
std::string aarrr_xlsx(const aarrr::Result& r, const AarrrRenderOptions& opts);

}  // namespace sopctl::render
