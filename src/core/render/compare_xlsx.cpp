// `compare --format xlsx`: the CSV's table, rates and lifts as percentages.

#include "xlsx_book.hpp"

#include <sopctl/render/compare_render.hpp>

namespace sopctl::render {

std::string compare_xlsx(const compare::Comparison& c) {
  using xlsx::Kind;
  return xlsx::workbook({xlsx::sheet_from_csv("compare", compare_csv(c),
                                              {{"users", Kind::integer},
                                               {"converted", Kind::integer},
                                               {"conversion", Kind::percent},
                                               {"ci_low", Kind::percent},
                                               {"ci_high", Kind::percent},
                                               {"lift", Kind::percent},
                                               {"relative_lift", Kind::percent},
                                               {"p_value", Kind::number},
                                               {"clusters", Kind::integer}})});
}

}  // namespace sopctl::render
