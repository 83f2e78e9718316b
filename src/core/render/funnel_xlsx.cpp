// `funnel --format xlsx`: the CSV's table (with --by or --trend, its first
// column) with counts, rates as percentages and medians in seconds.

#include "xlsx_book.hpp"

#include <sopctl/render/funnel_render.hpp>

namespace sopctl::render {

std::string funnel_xlsx(const funnel::Result& r, const FunnelRenderOptions& opts) {
  using xlsx::Kind;
  return xlsx::workbook({xlsx::sheet_from_csv("funnel", funnel_csv(r, opts),
                                              {{"users", Kind::integer},
                                               {"from_previous", Kind::percent},
                                               {"from_first", Kind::percent},
                                               {"lost", Kind::integer},
                                               {"drop_off", Kind::percent},
                                               {"median_seconds_from_previous", Kind::number}})});
}

}  // namespace sopctl::render
