#pragma once
// What the fuzz targets share: fixed companions for the fuzzed input (a
// roster for a fuzzed SOP, an SOP for a fuzzed roster) and a run of the plan
// and its renderers, as `sopctl plan` and `sopctl check` would do.

#include <sopctl/base/diagnostic.hpp>
#include <sopctl/lint/lint.hpp>
#include <sopctl/load/loader.hpp>
#include <sopctl/model/calendar.hpp>
#include <sopctl/plan/plan.hpp>
#include <sopctl/render/check_render.hpp>
#include <sopctl/render/plan_render.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Stops the fuzzer with a report when an invariant does not hold.
inline void require(bool ok, const char* what) {
  if (!ok) {
    __builtin_printf("invariant failed: %s\n", what);
    std::abort();
  }
}

inline constexpr std::string_view k_roster_yaml = R"(staff:
  - {id: wanzi, name: 小丸子, roles: [owner]}
  - {id: li, name: 李顾问, roles: [assistant]}
groups:
  - {id: A, name: 研讨所A, sop: camp-7d, open: 2026-12-03, owner: wanzi, assistants: [li], size: 180}
  - {id: B, sop: camp-7d, open: 2026-12-10, owner: wanzi, assistants: [li], letter: b}
)";

inline constexpr std::string_view k_sop_yaml = R"(sop: camp-7d
title: 7天训练营
phases:
  - {id: warmup, name: 预热期, from: -3, to: -1}
  - {id: camp, name: 正式期, from: 1, to: 7}
setup:
  group_name: "研讨所{letter}"
  announcement: 公告
  welcome: "欢迎 %NICKNAME%"
  rules: [不发广告]
limits: {quiet_hours: "22:00-08:00", max_posts_per_group_per_day: 3}
tasks:
  - {id: intro, title: 开营, type: education, channel: group, owner: owner, at: "20:00", day: 1, script: "第{day}天 {group_name}"}
  - {id: read, title: 早读, type: retention, channel: group, owner: assistant, at: "08:00", every: workday, phase: camp, on_holiday: next-workday, script: "{date} {weekday} {phase_name} {countdown}"}
  - {id: sell, title: 下单, type: conversion, channel: mass, owner: wanzi, at: "21:00", days: "5..7", script: "{owner} {letter}"}
)";

// The plan of `sops` and `roster` from 2026-11-25 to 2026-12-20 (inside the
// built-in calendar), rendered in every format. Errors are the input's.
inline void plan_and_render(const std::vector<Sop>& sops, const Roster& roster,
                            const Calendar& calendar) {
  PlanRequest request;
  request.from = parse_date("2026-11-25");
  request.to = parse_date("2026-12-20");
  const Plan plan = expand_plan(sops, roster, calendar, request);
  render::PlanRenderOptions opts;
  opts.dtstamp = 1764547200;
  (void)render::plan_table(plan, opts);
  (void)render::plan_markdown(plan, opts);
  (void)render::plan_csv(plan, ',');
  (void)render::plan_json(plan);
  (void)render::plan_ics(plan, opts);
  (void)render::plan_html(plan, opts);
}

// `sopctl check` on the loaded files: rules, suppressions, every format.
inline void check_and_render(const std::vector<Sop>& sops, const Roster& roster,
                             const Calendar& calendar, Diagnostics& diags,
                             const std::map<std::string, std::string>& texts) {
  lint::Input input;
  input.sops = &sops;
  input.roster = &roster;
  input.calendar = &calendar;
  lint::run_rules(input, diags);
  lint::apply_suppressions(diags, texts);
  sort_diagnostics(diags);
  (void)render::check_text(diags, false);
  (void)render::check_json(diags);
  (void)render::check_github(diags);
  (void)render::check_sarif(diags, lint::all_rules(), {"0", "https://example.invalid"});
}

}  // namespace sopctl::fuzz
