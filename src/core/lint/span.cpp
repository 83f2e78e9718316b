// The span of dates a group's plan is looked at, and what an SOP's tasks
// depend on (schedule_parts.hpp).

#include "schedule_parts.hpp"

#include <algorithm>

namespace sopctl::lint::detail {
namespace {

// A plan longer than this is cut: ten years, like the loader's day limit,
// so that a typo such as 2926-01-01 cannot make the linter run for minutes.
constexpr int k_max_span_days = 3660;
// An SOP with an unbounded `every` task is looked at for this many days.
constexpr int k_default_span_days = 365;

void note_ref(Traits& t, const DayRef& ref) {
  if (ref.kind == DayRef::Kind::day) {
    t.has_day_items = true;
  } else {
    t.has_date_items = true;
    t.dates.push_back(ref.date);
  }
}

bool day_kind(const DayRef& ref) {
  return ref.kind == DayRef::Kind::day;
}

// True when the task's occurrences, in group days, do not depend on the open
// date or the calendar. Mirrors the engine's bounds of `every` tasks.
bool shift_invariant(const Sop& sop, const Task& task) {
  if (!task.selector) {
    return true;
  }
  if (task.on_holiday != OnHoliday::keep) {
    return false;
  }
  const Selector& sel = *task.selector;
  switch (sel.kind) {
    case Selector::Kind::day:
    case Selector::Kind::days:
      return true;
    case Selector::Kind::date:
    case Selector::Kind::dates:
      return false;
    case Selector::Kind::every:
      break;
  }
  if (sel.every != EveryKind::day) {
    return false;
  }
  if (const Phase* p = task.phase.value.empty() ? nullptr : sop.find_phase(task.phase.value)) {
    return day_kind(p->from) && day_kind(p->to);
  }
  if (task.from || task.to) {
    return task.from && task.to && day_kind(*task.from) && day_kind(*task.to);
  }
  return !sop.phases.empty() &&
         std::all_of(sop.phases.begin(), sop.phases.end(),
                     [](const Phase& p) { return day_kind(p.from) && day_kind(p.to); });
}

void widen(std::optional<Span>& span, Date d) {
  if (!span) {
    span = {d, d};
  } else {
    span->first = std::min(span->first, d);
    span->second = std::max(span->second, d);
  }
}

}  // namespace

Traits traits_of(const Sop& sop) {
  Traits t;
  for (const Phase& p : sop.phases) {
    note_ref(t, p.from);
    note_ref(t, p.to);
  }
  for (const Task& task : sop.tasks) {
    t.invariant.push_back(shift_invariant(sop, task));
    t.moves = t.moves || task.on_holiday == OnHoliday::next_workday ||
              task.on_holiday == OnHoliday::prev_workday;
    t.all_invariant = t.all_invariant && t.invariant.back();
    if (task.from) {
      note_ref(t, *task.from);
    }
    if (task.to) {
      note_ref(t, *task.to);
    }
    if (!task.selector) {
      continue;
    }
    const Selector& sel = *task.selector;
    switch (sel.kind) {
      case Selector::Kind::day:
      case Selector::Kind::days:
        t.has_day_items = t.has_day_items || !sel.days.empty();
        break;
      case Selector::Kind::date:
      case Selector::Kind::dates:
        t.has_date_items = t.has_date_items || !sel.dates.empty();
        t.dates.insert(t.dates.end(), sel.dates.begin(), sel.dates.end());
        break;
      case Selector::Kind::every: {
        t.has_month_days = t.has_month_days || sel.every == EveryKind::month_days ||
                           sel.every == EveryKind::nth_weekday;
        const bool bounded_by_phase = !task.phase.value.empty() && sop.find_phase(task.phase.value);
        const bool bounded_by_phases = !task.from && !task.to && !sop.phases.empty();
        if (!bounded_by_phase && !bounded_by_phases && (!task.from || !task.to)) {
          t.unbounded = true;
        }
        break;
      }
    }
  }
  std::sort(t.dates.begin(), t.dates.end());
  t.dates.erase(std::unique(t.dates.begin(), t.dates.end()), t.dates.end());
  return t;
}

// The span of one group's plan: group_span(), or, when some `every` task is
// unbounded, the SOP's own dates when it names a range of them, else a year
// from the open date (or the first date). `guessed` says which.
std::optional<Span> plan_span(const Sop& sop, const Traits& traits, const Context& ctx,
                              bool& guessed) {
  guessed = false;
  std::optional<Span> span;
  if (!traits.unbounded && ctx.group) {
    span = group_span(sop, *ctx.group);
  }
  if (!span) {
    guessed = true;
    Group probe = ctx.group ? *ctx.group : Group{};
    probe.open.reset();
    if (ctx.open) {
      probe.open = Located<Date>{*ctx.open};
    }
    span = pinned_span(sop, probe);
    if (traits.dates.size() < 2) {
      std::optional<Date> start;
      if (ctx.open && !ctx.date_only) {
        start = *ctx.open;
      } else if (!traits.dates.empty()) {
        start = traits.dates.front();
      } else if (ctx.open) {
        start = *ctx.open;
      }
      if (start) {
        widen(span, *start);
        widen(span, *start + (k_default_span_days - 1));
      }
    }
  }
  if (span && span->second - span->first >= k_max_span_days) {
    span->second = span->first + (k_max_span_days - 1);
  }
  return span;
}

// The span cut to the years the calendar covers, for spans that were
// guessed; nullopt when the calendar does not cover it.
std::optional<Span> covered(Span span, bool guessed, const Calendar& calendar) {
  if (calendar.covers(span.first, span.second)) {
    return span;
  }
  if (!guessed) {
    return std::nullopt;
  }
  while (span.second.year() > span.first.year() && !calendar.covers(span.first, span.second)) {
    span.second = Date::from_ymd(span.second.year() - 1, 12, 31);
  }
  if (!calendar.covers(span.first, span.second)) {
    return std::nullopt;
  }
  return span;
}

Span window(Span span, bool moves, const Calendar& calendar) {
  if (!moves) {
    return span;
  }
  const Span wide{span.first - k_move_margin_days, span.second + k_move_margin_days};
  return calendar.covers(wide.first, wide.second) ? wide : span;
}

}  // namespace sopctl::lint::detail
