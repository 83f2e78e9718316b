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

namespace {

// Assigns, so that a reused ItemFields keeps its strings' capacity.
void assign(std::string& to, const std::string* from) {
  if (from != nullptr) {
    to = *from;
  } else {
    to.clear();
  }
}

}  // namespace

void fill_item_fields(const PlanItem& item, ItemFields& f) {
  f.date = format_date(item.date);
  if (item.time >= 0) {
    f.time = format_time_of_day(item.time);
  } else {
    f.time.clear();
  }
  f.weekday = weekday_short_name(item.date.weekday());
  f.weekday_cn = weekday_chinese_name(item.date.weekday());
  assign(f.group, item.group != nullptr ? &item.group->id.value : nullptr);
  f.group_name = item.group_name;
  f.is_customer = item.customer != nullptr;
  assign(f.customer, f.is_customer ? &item.customer->id : nullptr);
  assign(f.customer_name, f.is_customer ? &item.customer->name : nullptr);
  assign(f.sop, item.sop != nullptr ? &item.sop->id.value : nullptr);
  const Task* task = item.task;
  assign(f.task, task != nullptr ? &task->id.value : nullptr);
  assign(f.title, task != nullptr ? &task->title.value : nullptr);
  assign(f.type, task != nullptr ? &task->type.value : nullptr);
  assign(f.channel, task != nullptr ? &task->channel.value : nullptr);
  f.assets.resize(task != nullptr ? task->assets.size() : 0);
  for (std::size_t i = 0; i < f.assets.size(); ++i) {
    f.assets[i] = task->assets[i].value;
  }
  f.day = item.day;
  f.key = item.key;
  if (item.phase != nullptr) {
    f.phase = item.phase->id.value;
    f.phase_name = item.phase->name.value.empty() ? f.phase : item.phase->name.value;
  } else {
    f.phase.clear();
    f.phase_name.clear();
  }
  std::size_t n = 0;
  for (const Staff* s : item.staff) {
    if (s != nullptr) {
      if (n == f.staff.size()) {
        f.staff.emplace_back();
      }
      f.staff[n].id = s->id.value;
      f.staff[n].name = s->name.value;
      ++n;
    }
  }
  f.staff.resize(n);
  f.script = item.script;
}

ItemFields item_fields(const PlanItem& item) {
  ItemFields f;
  fill_item_fields(item, f);
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
