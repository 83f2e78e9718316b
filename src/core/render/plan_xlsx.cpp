// `plan --format xlsx`: the CSV's columns on a first sheet holding every
// item, then one sheet per staff member with that person's items.

#include "plan_fields.hpp"
#include "xlsx_book.hpp"

#include <sopctl/render/plan_render.hpp>

#include <map>

namespace sopctl::render {

namespace {

const std::vector<std::pair<std::string_view, xlsx::Kind>>& plan_kinds() {
  static const std::vector<std::pair<std::string_view, xlsx::Kind>> kinds = {
      {"date", xlsx::Kind::date}, {"time", xlsx::Kind::time}, {"day", xlsx::Kind::integer}};
  return kinds;
}

}  // namespace

std::string plan_xlsx(const Plan& plan) {
  std::vector<xlsx::Sheet> sheets;
  sheets.push_back(xlsx::sheet_from_csv("plan", plan_csv(plan, ','), plan_kinds()));
  // Staff by id, with the name the items give and the items they have.
  struct Person {
    std::string name;
    std::vector<std::size_t> items;
  };
  std::map<std::string, Person> staff;
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    for (const auto& s : item_fields(plan.items[i]).staff) {
      Person& p = staff[s.id];
      p.name = s.name;
      if (p.items.empty() || p.items.back() != i) {
        p.items.push_back(i);
      }
    }
  }
  for (const auto& [id, person] : staff) {
    Plan theirs{plan.from, plan.to, {}};
    for (const std::size_t i : person.items) {
      theirs.items.push_back(plan.items[i]);
    }
    const std::string& name = person.name;
    const std::string title = name.empty() || name == id ? id : name + " (" + id + ")";
    sheets.push_back(xlsx::sheet_from_csv(title, plan_csv(theirs, ','), plan_kinds()));
  }
  return xlsx::workbook(sheets);
}

}  // namespace sopctl::render
