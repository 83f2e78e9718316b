// `aarrr --format xlsx`: the CSV's stage,metric,segment,value rows (rates as
// percentages, counts and money as numbers), then the cohort triangle: one
// row per cohort, its users and the share retained in each period.

#include "xlsx_book.hpp"

#include <sopctl/render/aarrr_render.hpp>

#include <string_view>

namespace sopctl::render {

namespace {

bool is_rate(std::string_view metric) {
  static constexpr std::string_view k_rates[] = {
      "rate", "d1", "d7", "d30", "paying_rate", "repeat_rate", "invite_conversion", "roi"};
  for (const std::string_view r : k_rates) {
    if (metric == r) {
      return true;
    }
  }
  return metric.substr(0, 7) == "period_";
}

// The retention rows (cohort_users, period_N by cohort) as a grid.
xlsx::Sheet cohort_sheet(const xlsx::Sheet& rows) {
  xlsx::Sheet grid;
  grid.name = "cohorts";
  grid.header = {"cohort", "users"};
  grid.kinds = {xlsx::Kind::date, xlsx::Kind::integer};
  for (const std::vector<std::string>& row : rows.rows) {
    if (row.size() < 4 || row[0] != "retention") {
      continue;
    }
    if (row[1] == "cohort_users") {
      grid.rows.push_back({row[2], row[3]});
    } else if (row[1].rfind("period_", 0) == 0 && !grid.rows.empty() &&
               grid.rows.back()[0] == row[2]) {
      grid.rows.back().push_back(row[3]);
      if (grid.rows.back().size() > grid.header.size()) {
        grid.header.push_back(row[1]);
        grid.kinds.push_back(xlsx::Kind::percent);
      }
    }
  }
  return grid;
}

}  // namespace

std::string aarrr_xlsx(const aarrr::Result& r, const AarrrRenderOptions& opts) {
  xlsx::Sheet all = xlsx::sheet_from_csv("aarrr", aarrr_csv(r, opts), {});
  for (std::size_t i = 0; i < all.rows.size(); ++i) {
    if (all.rows[i].size() >= 4) {
      all.cell_kinds.push_back(
          {{i, 3}, is_rate(all.rows[i][1]) ? xlsx::Kind::percent : xlsx::Kind::number});
    }
  }
  std::vector<xlsx::Sheet> sheets = {all};
  xlsx::Sheet cohorts = cohort_sheet(all);
  if (!cohorts.rows.empty()) {
    sheets.push_back(std::move(cohorts));
  }
  return xlsx::workbook(sheets);
}

}  // namespace sopctl::render
