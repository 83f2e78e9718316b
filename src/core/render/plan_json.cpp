// `plan --format json`: exactly the shape of docs/spec.md §2.1.

#include "plan_fields.hpp"

#include <sopctl/render/plan_render.hpp>
#include <sopctl/text/json_writer.hpp>

namespace sopctl::render {

namespace {

void write_item(text::JsonWriter& w, const ItemFields& f) {
  w.begin_object();
  w.key("date").value(f.date);
  w.key("time");
  if (f.time.empty()) {
    w.null();
  } else {
    w.value(f.time);
  }
  w.key("weekday").value(f.weekday);
  if (f.is_customer) {
    // A customer item (docs/spec.md §5.2): no group, the customer instead.
    w.key("group").null();
    w.key("group_name").null();
    w.key("customer").value(f.customer);
    w.key("customer_name").value(f.customer_name);
  } else {
    w.key("group").value(f.group);
    w.key("group_name").value(f.group_name);
  }
  w.key("sop").value(f.sop);
  w.key("task").value(f.task);
  w.key("title").value(f.title);
  w.key("type").value(f.type);
  w.key("channel").value(f.channel);
  w.key("day");
  if (f.day) {
    w.value(*f.day);
  } else {
    w.null();
  }
  w.key("phase");
  if (f.phase.empty()) {
    w.null();
  } else {
    w.value(f.phase);
  }
  w.key("staff").begin_array();
  for (const auto& s : f.staff) {
    w.begin_object();
    w.key("id").value(s.id);
    w.key("name").value(s.name);
    w.end_object();
  }
  w.end_array();
  w.key("script").value(f.script);
  w.key("assets").begin_array();
  for (const auto& asset : f.assets) {
    w.value(asset);
  }
  w.end_array();
  w.key("key").value(f.key);
  w.end_object();
}

}  // namespace

std::string plan_json(const Plan& plan) {
  text::JsonWriter w(2);
  w.reserve(256 + plan.items.size() * 720);  // a typical item, pretty-printed
  w.begin_object();
  w.key("from").value(format_date(plan.from));
  w.key("to").value(format_date(plan.to));
  w.key("items").begin_array();
  ItemFields fields;
  for (const PlanItem& item : plan.items) {
    fill_item_fields(item, fields);
    write_item(w, fields);
  }
  w.end_array();
  w.end_object();
  return w.take_line();
}

}  // namespace sopctl::render
