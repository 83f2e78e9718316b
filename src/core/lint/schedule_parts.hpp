#pragma once
// Private to the lint schedule expansion (schedule.cpp, span.cpp): what an
// SOP's tasks depend on, and the span of dates a group's plan is looked at.

#include "lint_parts.hpp"

#include <optional>
#include <utility>
#include <vector>

namespace sopctl::lint::detail {

using Span = std::pair<Date, Date>;

struct Traits {
  bool has_day_items = false;
  bool has_date_items = false;
  bool has_month_days = false;
  bool unbounded = false;       // some `every` has no end
  bool moves = false;           // some task has on_holiday next-/prev-workday
  std::vector<Date> dates;      // every absolute date the SOP names
  std::vector<bool> invariant;  // per task: shift-invariant (see schedule.cpp)
  bool all_invariant = true;
};

Traits traits_of(const Sop& sop);

// The span of one context's plan: group_span(), or, when some `every` task
// is unbounded, a guess (the SOP's own dates, or a year from the open date);
// `guessed` says which.
std::optional<Span> plan_span(const Sop& sop, const Traits& traits, const Context& ctx,
                              bool& guessed);
// The span if the calendar covers it; a guessed span is cut to the years the
// calendar covers instead; nullopt when the calendar does not cover it.
std::optional<Span> covered(Span span, bool guessed, const Calendar& calendar);

// The window to expand `span` over: wider when tasks move (on_holiday may
// move an occurrence past the end of the plan, where it still lands) and the
// calendar covers the extra days.
Span window(Span span, bool moves, const Calendar& calendar);

}  // namespace sopctl::lint::detail
