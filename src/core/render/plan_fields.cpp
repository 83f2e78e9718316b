#include "plan_fields.hpp"

#include <sopctl/base/date.hpp>

namespace sopctl::render {

bool has_customer_items(const Plan& plan) {
  for (const PlanItem& item : plan.items) {
    if (item.customer != nullptr) {
      return true;
    }
  }
  return false;
}

ItemFields item_fields(const PlanItem& item) {
  ItemFields f;
  f.date = format_date(item.date);
  if (item.time >= 0) {
    f.time = format_time_of_day(item.time);
  }
  f.weekday = weekday_short_name(item.date.weekday());
  f.weekday_cn = weekday_chinese_name(item.date.weekday());
  if (item.group != nullptr) {
    f.group = item.group->id.value;
  }
  f.group_name = item.group_name;
  if (item.customer != nullptr) {
    f.is_customer = true;
    f.customer = item.customer->id;
    f.customer_name = item.customer->name;
  }
  if (item.sop != nullptr) {
    f.sop = item.sop->id.value;
  }
  if (item.task != nullptr) {
    f.task = item.task->id.value;
    f.title = item.task->title.value;
    f.type = item.task->type.value;
    f.channel = item.task->channel.value;
    for (const auto& asset : item.task->assets) {
      f.assets.push_back(asset.value);
    }
  }
  f.day = item.day;
  f.key = item.key;
  if (item.phase != nullptr) {
    f.phase = item.phase->id.value;
    f.phase_name = item.phase->name.value.empty() ? f.phase : item.phase->name.value;
  }
  for (const Staff* s : item.staff) {
    if (s != nullptr) {
      f.staff.push_back({s->id.value, s->name.value});
    }
  }
  f.script = item.script;
  return f;
}

std::string time_label(const ItemFields& f) {
  return f.time.empty() ? std::string("全天") : f.time;
}

std::string day_phase_label(const ItemFields& f) {
  std::string out;
  if (f.day) {
    out = "D" + std::to_string(*f.day);
  }
  if (!f.phase_name.empty()) {
    if (!out.empty()) {
      out += ' ';
    }
    out += f.phase_name;
  }
  return out;
}

std::string staff_ids_names(const ItemFields& f) {
  std::vector<std::string> parts;
  for (const auto& s : f.staff) {
    parts.push_back(s.id + ":" + s.name);
  }
  return join(parts, ";");
}

std::string staff_names(const ItemFields& f, std::string_view sep) {
  std::vector<std::string> names;
  for (const auto& s : f.staff) {
    names.push_back(s.name.empty() ? s.id : s.name);
  }
  return join(names, sep);
}

std::string date_heading(Date d) {
  return format_date(d) + " " + weekday_chinese_name(d.weekday());
}

}  // namespace sopctl::render
