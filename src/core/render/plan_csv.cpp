// `plan --format csv|tsv`: the docs/spec.md §2.1 fields as columns, one row per item.

#include "plan_fields.hpp"

#include <sopctl/render/plan_render.hpp>
#include <sopctl/text/csv_writer.hpp>

namespace sopctl::render {

std::string plan_csv(const Plan& plan, char separator) {
  std::string out =
      text::csv_row({"date", "time", "weekday", "group", "group_name", "sop", "task", "title",
                     "type", "channel", "day", "phase", "staff", "script", "assets", "key"},
                    separator);
  for (const PlanItem& item : plan.items) {
    const ItemFields f = item_fields(item);
    out += text::csv_row({f.date, f.time, f.weekday, f.group, f.group_name, f.sop, f.task, f.title,
                          f.type, f.channel, f.day ? std::to_string(*f.day) : "", f.phase,
                          staff_ids_names(f), f.script, join(f.assets, ";"), f.key},
                         separator);
  }
  return out;
}

}  // namespace sopctl::render
