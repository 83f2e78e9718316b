#pragma once
// Funnel renderers: pure functions from a funnel::Result to one format.

#include <sopctl/funnel/funnel.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sopctl::render {

struct FunnelRenderOptions {
  bool color = false;  // ANSI colour (table only)
  std::string input;   // the input's path ("-": stdin)
  std::optional<funnel::GoalCheck> goal;
};

std::string funnel_table(const funnel::Result& r, const FunnelRenderOptions& opts);
std::string funnel_markdown(const funnel::Result& r, const FunnelRenderOptions& opts);
std::string funnel_csv(const funnel::Result& r, const FunnelRenderOptions& opts);
std::string funnel_json(const funnel::Result& r, const FunnelRenderOptions& opts);
// One self-contained page (docs/spec.md §5.7): the funnel as bars with the
// drop-off between steps, the time to convert, each --by value or period.
std::string funnel_html(const funnel::Result& r, const FunnelRenderOptions& opts);
// The bytes of an .xlsx workbook: the CSV table with typed cells.
std::string funnel_xlsx(const funnel::Result& r, const FunnelRenderOptions& opts);

}  // namespace sopctl::render
