#include "occurrences.hpp"

#include <algorithm>

namespace sopctl::plan_detail {

std::optional<Date> resolve(const DayRef& ref, const Group& group) {
  if (ref.kind == DayRef::Kind::date) {
    return ref.date;
  }
  if (!group.open || ref.day == 0) {
    return std::nullopt;
  }
  return date_of_day(group.open->value, ref.day);
}

std::optional<std::pair<Date, Date>> phases_span(const Sop& sop, const Group& group) {
  std::optional<std::pair<Date, Date>> span;
  for (const Phase& p : sop.phases) {
    const auto a = resolve(p.from, group);
    const auto b = resolve(p.to, group);
    if (!a || !b) {
      continue;
    }
    const Date lo = std::min(*a, *b);
    const Date hi = std::max(*a, *b);
    if (!span) {
      span = {lo, hi};
    } else {
      span->first = std::min(span->first, lo);
      span->second = std::max(span->second, hi);
    }
  }
  return span;
}

namespace {

bool every_matches(const Selector& sel, Date d, const Calendar& calendar) {
  switch (sel.every) {
    case EveryKind::day:
      return true;
    case EveryKind::workday:
      return calendar.is_workday(d);
    case EveryKind::offday:
      return calendar.is_day_off(d);
    case EveryKind::weekend:
      return calendar.is_weekend(d);
    case EveryKind::weekdays:
      return std::find(sel.weekdays.begin(), sel.weekdays.end(), d.weekday()) != sel.weekdays.end();
    case EveryKind::month_days: {
      // A day missing from a month (31 in April) is skipped, not moved; -1 is
      // the last day of each month, -2 the one before.
      const int from_end = d.day() - days_in_month(d.year(), d.month()) - 1;
      return std::any_of(sel.month_days.begin(), sel.month_days.end(),
                         [&](int md) { return md == d.day() || md == from_end; });
    }
    case EveryKind::nth_weekday: {
      if (std::find(sel.weekdays.begin(), sel.weekdays.end(), d.weekday()) == sel.weekdays.end()) {
        return false;
      }
      const int nth = (d.day() - 1) / 7 + 1;
      const int nth_from_end = -((days_in_month(d.year(), d.month()) - d.day()) / 7 + 1);
      return std::any_of(sel.nths.begin(), sel.nths.end(),
                         [&](int n) { return n == nth || n == nth_from_end; });
    }
    case EveryKind::interval:
      return true;  // the step is taken in task_dates()
  }
  return false;
}

// The bounds of an `every` task for one group, before clipping to [lo, hi].
std::pair<std::optional<Date>, std::optional<Date>> every_bounds(const Sop& sop, const Task& task,
                                                                 const Group& group) {
  if (!task.phase.value.empty()) {
    if (const Phase* p = sop.find_phase(task.phase.value)) {
      return {resolve(p->from, group), resolve(p->to, group)};
    }
  }
  std::optional<Date> from = task.from ? resolve(*task.from, group) : std::nullopt;
  std::optional<Date> to = task.to ? resolve(*task.to, group) : std::nullopt;
  if (!task.from && !task.to) {
    // "Every day of the whole plan": the SOP's phases when it has any (a
    // camp's daily task should not run before the group exists), else the
    // requested range.
    if (auto span = phases_span(sop, group)) {
      return {span->first, span->second};
    }
  }
  return {from, to};
}

}  // namespace

std::vector<Date> task_dates(const Sop& sop, const Task& task, const Group& group,
                             const Calendar& calendar, Date lo, Date hi) {
  std::vector<Date> out;
  if (!task.selector) {
    return out;
  }
  const Selector& sel = *task.selector;
  auto keep = [&](Date d) {
    if (d >= lo && d <= hi) {
      out.push_back(d);
    }
  };
  switch (sel.kind) {
    case Selector::Kind::day:
    case Selector::Kind::days:
      if (group.open) {
        for (int day : sel.days) {
          if (day != 0) {
            keep(date_of_day(group.open->value, day));
          }
        }
      }
      break;
    case Selector::Kind::date:
    case Selector::Kind::dates:
      for (Date d : sel.dates) {
        keep(d);
      }
      break;
    case Selector::Kind::every: {
      const auto [from, to] = every_bounds(sop, task, group);
      Date a = from ? std::max(*from, lo) : lo;
      const Date b = to ? std::min(*to, hi) : hi;
      int step = 1;
      if (sel.every == EveryKind::interval && sel.interval > 0) {
        // Every Nth day counted from the start of the bound, or the open date.
        const Date start = from ? *from : group.open ? group.open->value : lo;
        step = sel.interval;
        if (a < start) {
          a = start;
        } else {
          const int off = (a - start) % step;
          a = off == 0 ? a : a + (step - off);
        }
      }
      for (Date d = a; d <= b; d = d + step) {
        if (every_matches(sel, d, calendar)) {
          out.push_back(d);
        }
      }
      break;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<Date> apply_on_holiday(OnHoliday rule, Date d, const Calendar& calendar) {
  // Only listed holidays move an occurrence: an ordinary weekend is no holiday.
  if (rule == OnHoliday::keep || !calendar.is_holiday(d)) {
    return d;
  }
  if (rule == OnHoliday::skip) {
    return std::nullopt;
  }
  const int step = rule == OnHoliday::next_workday ? 1 : -1;
  // The longest run of days off in any real calendar is well under a month.
  for (int i = 1; i <= 366; ++i) {
    const Date c = d + step * i;
    if (!calendar.is_day_off(c)) {
      return c;
    }
  }
  return std::nullopt;
}

}  // namespace sopctl::plan_detail
