#pragma once
// Private to the plan engine: the dates on which one task of one group falls,
// before on_holiday is applied.

#include <sopctl/model/calendar.hpp>
#include <sopctl/model/roster.hpp>
#include <sopctl/model/sop.hpp>

#include <optional>
#include <vector>

namespace sopctl::plan_detail {

// The date of group day `day` (1 = open date, -1 = the day before).
inline Date date_of_day(Date open, int day) {
  return open + (day > 0 ? day - 1 : day);
}

// The group day of `date` (never 0).
inline int day_of_date(Date open, Date date) {
  const int diff = date - open;
  return diff >= 0 ? diff + 1 : diff;
}

// A DayRef as a date for `group`; nullopt when it is a day number and the
// group has no open date.
std::optional<Date> resolve(const DayRef& ref, const Group& group);

// Candidate dates of `task` for `group` within [lo, hi] (inclusive).
// `plan_from`/`plan_to` stand in for "the whole plan" when an `every` task has
// no bound and the SOP has no phases.
std::vector<Date> task_dates(const Sop& sop, const Task& task, const Group& group,
                             const Calendar& calendar, Date lo, Date hi);

// Applies on_holiday: the date the occurrence lands on, or nullopt (skip).
std::optional<Date> apply_on_holiday(OnHoliday rule, Date d, const Calendar& calendar);

// The inclusive span of the SOP's phases for `group`, if it has any.
std::optional<std::pair<Date, Date>> phases_span(const Sop& sop, const Group& group);

}  // namespace sopctl::plan_detail
