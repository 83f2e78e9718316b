#pragma once
// Plan renderers: pure functions from a Plan to the bytes of one format.

#include <sopctl/plan/plan.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sopctl::render {

struct PlanRenderOptions {
  bool color = false;  // ANSI colour (table only)
  // ICS DTSTAMP (seconds since the epoch): SOURCE_DATE_EPOCH when set, else now.
  std::int64_t dtstamp = 0;
  std::string title;  // calendar / page title; empty: derived from the plan
  // Whose plan this is (--staff: "李顾问"), for the derived HTML title.
  std::string staff;
  // ICS: a VALARM this many minutes before each event (--alarm 15m).
  std::optional<int> alarm_minutes;
};

std::string plan_table(const Plan& plan, const PlanRenderOptions& opts);  // render/plan_table.cpp
std::string plan_markdown(const Plan& plan, const PlanRenderOptions& opts);
std::string plan_csv(const Plan& plan, char separator);  // ',' for csv, '\t' for tsv
std::string plan_json(const Plan& plan);
std::string plan_ics(const Plan& plan, const PlanRenderOptions& opts);
std::string plan_html(const Plan& plan, const PlanRenderOptions& opts);
// The bytes of an .xlsx workbook: every item, then a sheet per staff member.
std::string plan_xlsx(const Plan& plan);

// `plan --summary`: counts instead of items, for plans of thousands of
// customers: one row per date, time, staff member and task with the number
// of items (customers or groups). Formats table, md, csv, tsv, json.
std::string plan_summary(const Plan& plan, const std::string& format);

}  // namespace sopctl::render
