// run_rules(): every platform and craft rule over the loaded SOPs.

#include "lint_parts.hpp"

namespace sopctl::lint {

void run_rules(const Input& input, Diagnostics& diags) {
  if (!input.sops) {
    return;
  }
  const Calendar default_calendar;
  const Calendar& calendar = input.calendar ? *input.calendar : default_calendar;
  // Without a roster, day-numbered SOPs are looked at through one example
  // group opening on a Monday.
  Group example;
  example.id = Located<std::string>{"(example group)"};
  example.open = Located<Date>{Date::from_ymd(2026, 1, 5)};

  detail::Reporter out(diags);
  detail::StaffCalendar staff(input.roster, out);
  for (const Sop& sop : *input.sops) {
    const detail::EffectiveLimits limits = detail::effective_limits(sop, input.config);
    detail::platform_text_rules(sop, input.roster, out);
    detail::craft_static_rules(sop, limits, out);
    detail::fixed_scarcity_claims(sop, out);
    detail::customer_mass_quota(sop, calendar, out);
    detail::phase_rules(sop, out);

    detail::ScheduleRules schedule_rules(sop, limits, out);
    detail::MonthDayRule month_day(sop, out);
    detail::FiringRule firing(sop, out);
    staff.begin_sop(sop);
    const detail::SopSchedule schedule =
        detail::expand_sop(sop, input.roster, calendar, example, [&](const detail::Expansion& e) {
          schedule_rules.visit(e);
          month_day.visit(e);
          firing.visit(e);
          staff.visit(e);
        });
    firing.finish(schedule, input.roster != nullptr);
    staff.end_sop(schedule);
    detail::outside_phase(schedule, out);
    if (sop.kind == SopKind::group) {
      detail::mass_send_quota(schedule, out);  // customers: customer_mass_quota
    }
  }
  if (input.customers != nullptr) {
    detail::customer_targets(*input.sops, *input.customers, out);
  }
  if (input.customer_events != nullptr) {
    detail::until_events_seen(*input.sops, *input.customer_events, out);
  }
  if (input.roster != nullptr) {
    detail::calendar_coverage(*input.sops, *input.roster, calendar, out);
    detail::dated_tasks_reach_groups(*input.sops, *input.roster, out);
  }
}

}  // namespace sopctl::lint
