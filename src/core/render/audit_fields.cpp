#include "audit_fields.hpp"
#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

namespace sopctl::render {

std::string format_local_minute(std::int64_t local) {
  const std::int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  const auto minutes = static_cast<int>((local - days * 86400) / 60);
  return format_date(Date{static_cast<std::int32_t>(days)}) + " " + format_time_of_day(minutes);
}

std::string audit_summary(const audit::Report& r) {
  return trf("{}..{}, as of {}, grace {}", format_date(r.options.from), format_date(r.options.to),
             format_local_minute(r.as_of),
             format_duration(static_cast<double>(r.options.grace_seconds)));
}

std::vector<std::string> audit_count_cells(const audit::Counts& c) {
  return {std::to_string(c.planned),       std::to_string(c.on_time), std::to_string(c.late),
          std::to_string(c.missed),        std::to_string(c.pending), std::to_string(c.unplanned),
          format_percent(c.on_time_rate())};
}

std::vector<ListedLine> audit_listed(const audit::Report& r) {
  std::vector<ListedLine> out;
  for (const audit::AuditedItem& a : r.items) {
    if (a.status != audit::Status::late && a.status != audit::Status::missed) {
      continue;
    }
    const PlanItem& item = *a.item;
    ListedLine l;
    l.status = audit::status_name(a.status);
    l.when = item.time >= 0 ? format_local_minute(audit::item_start(item)) : format_date(item.date);
    l.done = a.done_at ? format_local_minute(*a.done_at) : "";
    l.group = target_id(item);
    l.task = item.task->id.value;
    l.title = item.task->title.value;
    for (const Staff* s : item.staff) {
      l.staff += (l.staff.empty() ? "" : ", ") + s->name.value;
    }
    l.key = item.key;
    out.push_back(std::move(l));
  }
  for (const audit::Unplanned& u : r.unplanned) {
    ListedLine l;
    l.status = "unplanned";
    l.when = format_local_minute(u.record.done_at);
    l.done = l.when;
    l.group = u.group.rfind("customer:", 0) == 0 ? u.group.substr(9) : u.group;
    l.task = u.task.empty() ? u.record.key : u.task;
    l.staff = u.record.staff;
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace sopctl::render
