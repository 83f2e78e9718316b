// `plan --format csv|tsv`: the docs/spec.md §2.1 fields as columns, one row per item.

#include "plan_fields.hpp"

#include <sopctl/render/plan_render.hpp>
#include <sopctl/text/csv_writer.hpp>

namespace sopctl::render {

std::string plan_csv(const Plan& plan, char separator) {
  // With customer items, customer and customer_name come before key (the
  // last column stays key).
  const bool customers = has_customer_items(plan);
  std::vector<std::string> head = {"date", "time",  "weekday", "group",  "group_name",
                                   "sop",  "task",  "title",   "type",   "channel",
                                   "day",  "phase", "staff",   "script", "assets"};
  if (customers) {
    head.insert(head.end(), {"customer", "customer_name"});
  }
  head.push_back("key");
  std::string out = text::csv_row(head, separator);
  for (const PlanItem& item : plan.items) {
    const ItemFields f = item_fields(item);
    std::vector<std::string> row = {f.date,
                                    f.time,
                                    f.weekday,
                                    f.group,
                                    f.group_name,
                                    f.sop,
                                    f.task,
                                    f.title,
                                    f.type,
                                    f.channel,
                                    f.day ? std::to_string(*f.day) : "",
                                    f.phase,
                                    staff_ids_names(f),
                                    f.script,
                                    join(f.assets, ";")};
    if (customers) {
      row.insert(row.end(), {f.customer, f.customer_name});
    }
    row.push_back(f.key);
    out += text::csv_row(row, separator);
  }
  return out;
}

}  // namespace sopctl::render
