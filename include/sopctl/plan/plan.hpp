#pragma once
// The plan engine: SOPs and a roster expanded into dated, per-group items.

#include <sopctl/model/calendar.hpp>
#include <sopctl/model/customers.hpp>
#include <sopctl/model/placeholders.hpp>
#include <sopctl/model/roster.hpp>
#include <sopctl/model/sop.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sopctl {

// One thing to do: a task of a group's SOP on one date.
struct PlanItem {
  Date date;
  int time = -1;  // minutes since midnight; -1: no `at` (an all-day item)
  int duration_minutes = 0;
  const Group* group = nullptr;        // null for a customer item
  const Customer* customer = nullptr;  // set for a customer item (kind: customer)
  const Sop* sop = nullptr;
  const Task* task = nullptr;
  std::optional<int> day;  // group day of `date` (never 0); none without an open date
  const Phase* phase = nullptr;
  std::vector<const Staff*> staff;
  const Staff* group_owner = nullptr;  // for {owner}; null when not in the roster
  std::string group_name;              // rendered
  std::string script;                  // rendered
  // Set when on_holiday moved the occurrence; the date it was scheduled on.
  std::optional<Date> moved_from;
  // Stable id (docs/spec.md §5.4): 16 hex digits of SOP, group, task and the
  // date the SOP scheduled it on (so a holiday move keeps it), "-2", "-3"
  // for a task listed twice that day. The ICS UID is key + "@sopctl".
  std::string key;
};

struct PlanRequest {
  std::optional<Date> from;  // both or neither; neither: the whole plan
  std::optional<Date> to;
  std::vector<std::string> groups;  // empty: all (customers only when empty)
  std::string staff;                // empty: all
  // Customer SOPs (docs/spec.md §5.2): the customers, and when each first
  // did the SOPs' `until` events (optional). Must outlive the Plan.
  const Customers* customers = nullptr;
  const CustomerEvents* customer_events = nullptr;
};

struct Plan {
  Date from;
  Date to;
  std::vector<PlanItem> items;  // sorted by date, time, group id, task id
};

// Expands every group of `roster` with its SOP over the requested range,
// and every targeted customer of `request.customers` with each customer SOP
// (day 1 is the customer's anchor date).
// The objects in `sops` and `roster` must outlive the Plan (items point into
// them). Throws Error when the plan cannot be computed: calendar does not
// cover the range, no range given for an SOP without bounds, unknown
// --group or --staff, a customer SOP without customers or anchored on a
// column that holds no dates.
Plan expand_plan(const std::vector<Sop>& sops, const Roster& roster, const Calendar& calendar,
                 const PlanRequest& request);

// One occurrence of a task for a group: the light form of a PlanItem, for
// lint rules that look at thousands of groups (no staff, no rendering).
struct Occurrence {
  Date date;
  const Task* task = nullptr;
  std::optional<Date> moved_from;  // set when on_holiday moved it
};

// A group's life (docs/spec.md §5.1): from its first planned day (open
// plus the earliest relative day of its relative SOPs) to `close`, or to the
// last relative day. An unset end is unbounded on that side.
struct GroupLife {
  std::optional<Date> first;
  std::optional<Date> last;
  bool contains(Date d) const { return (!first || d >= *first) && (!last || d <= *last); }
};

// Whether a task's dates are absolute (date:, dates:, or an `every` not
// bounded by day-numbered phases or from/to): such a task reaches a group
// only on days of the group's life.
bool is_dated_task(const Sop& sop, const Task& task);

// The loaded SOPs `group` runs, in its order; ids not among `sops` are left out.
std::vector<const Sop*> sops_run_by(const Group& group, const std::vector<Sop>& sops);

// The life of `group`, given the SOPs it runs.
GroupLife group_life(const std::vector<const Sop*>& sops, const Group& group);
// The same from the SOPs' relative_days(), for callers that look at
// thousands of groups running the same SOPs (computed once per SOP).
GroupLife group_life(const std::vector<std::optional<std::pair<int, int>>>& relative_days,
                     const Group& group);

// How far (days) an on_holiday move may carry an occurrence: a task's dates
// are looked for this far outside the asked span, and a plan of a whole
// group checks the calendar this much wider.
constexpr int k_move_margin_days = 31;

// Every occurrence of `sop`'s tasks for `group` that lands in [from, to]
// after on_holiday, in task order then date order; with `life`, dated tasks
// only on days of it; never on the group's `skip` dates. Never throws: a
// caller checks the calendar's coverage first (Calendar::require_covers).
std::vector<Occurrence> group_occurrences(const Sop& sop, const Group& group,
                                          const Calendar& calendar, Date from, Date to,
                                          const GroupLife* life = nullptr);

// The inclusive date span of one group's whole plan (its phases and dated or
// day-numbered tasks), or nullopt when some task is unbounded.
std::optional<std::pair<Date, Date>> group_span(const Sop& sop, const Group& group);
// The part of group_span() known without the unbounded `every` tasks: the
// dates the phases, day and date selectors and bounds pin down (lint looks
// at an unbounded SOP over these); nullopt when they pin none.
std::optional<std::pair<Date, Date>> pinned_span(const Sop& sop, const Group& group);

// Renders a script or setup text for one item: {day} {date} {weekday} {group}
// {group_name} {owner} {phase} {phase_name} {countdown} {letter}; "{{" and
// "}}" are literal braces; %NICKNAME% is left alone.
std::string render_placeholders(const std::string& text, const PlanItem& item);

// The group's name, or the customer's for a customer item.
const std::string& display_name(const PlanItem& item);
// The group's id, or the customer's.
const std::string& target_id(const PlanItem& item);

// Sets each item's key (PlanItem::key), in item order; expand_plan() calls it.
void assign_keys(std::vector<PlanItem>& items);

// Who does a task whose owner is `who` in `group`: `owner`/`assistant` are
// the group's own people; a staff id names one person; any other role is
// looked up among the group's people first, then the whole roster.
std::vector<const Staff*> resolve_staff(const std::string& who, const Group& group,
                                        const Roster& roster);

// A group's display name: its roster name, else the SOP's setup.group_name
// rendered for it ("小丸子美妆研讨所{letter}"), else its id. `fallback` is the
// date {date} takes in the pattern when the group has no open date.
std::string render_group_name(const Sop& sop, const Group& g, const Staff* owner, Date fallback);

}  // namespace sopctl
