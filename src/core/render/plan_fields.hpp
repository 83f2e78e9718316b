#pragma once
// The display fields of one plan item, computed once so that the plan
// renderers (table, md, csv, json) agree on every value. Private to render/.

#include <sopctl/plan/plan.hpp>
#include <sopctl/text/strings.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::render {

struct StaffField {
  std::string id;
  std::string name;
};

struct ItemFields {
  std::string date;        // "2026-12-03"
  std::string time;        // "08:00"; empty for an all-day item
  std::string weekday;     // "thu"
  std::string weekday_cn;  // "周四"
  std::string group;       // group id; empty for a customer item
  std::string group_name;  // rendered
  bool is_customer = false;
  std::string customer;  // customer id of a customer item
  std::string customer_name;
  std::string sop;
  std::string task;
  std::string title;
  std::string type;
  std::string channel;
  std::optional<int> day;
  std::string phase;       // phase id; empty: none
  std::string phase_name;  // the phase's name, or its id when it has none
  std::vector<StaffField> staff;
  std::string script;  // rendered
  std::vector<std::string> assets;
  std::string key;  // PlanItem::key
};

ItemFields item_fields(const PlanItem& item);
// The same into `f`, reusing its strings' memory (a loop over many items).
void fill_item_fields(const PlanItem& item, ItemFields& f);
// Whether any item of the plan is a customer item (CSV adds two columns).
bool has_customer_items(const Plan& plan);
// The group's name, or the customer's: what table, md, html and ics show.
inline const std::string& shown_name(const ItemFields& f) {
  return f.is_customer ? f.customer_name : f.group_name;
}
// The group id, or the customer id.
inline const std::string& shown_id(const ItemFields& f) {
  return f.is_customer ? f.customer : f.group;
}

// "08:00", or "全天" for an all-day item.
std::string time_label(const ItemFields& f);
// "D1 正式期", "D-3 预热期", "D1" (no phase), "正式期" (no day) or "".
std::string day_phase_label(const ItemFields& f);
// "li:李顾问;wanzi:小丸子" (docs/spec.md §2.1 CSV form).
std::string staff_ids_names(const ItemFields& f);
// Staff names joined by `sep`.
std::string staff_names(const ItemFields& f, std::string_view sep);
// "2026-12-03 周四", the per-day heading of table and md.
std::string date_heading(Date d);

using text::join;

}  // namespace sopctl::render
