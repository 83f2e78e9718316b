#pragma once
// Private to the linter: what the rule files share. Rules add findings
// through a Reporter (severity from the registry), read the effective limits
// (SOP over config over built-in defaults), and the schedule-aware ones get
// each SOP expanded once per distinct group context (schedule.cpp).

#include <sopctl/lint/lint.hpp>
#include <sopctl/plan/plan.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sopctl::lint::detail {

// Appends findings with the rule's default severity.
class Reporter {
public:
  explicit Reporter(Diagnostics& diags) : m_diags(diags) {}
  void add(std::string_view rule, const SourceLoc& loc, std::string message);

private:
  Diagnostics& m_diags;
};

// The limits a rule applies to one SOP.
struct EffectiveLimits {
  int quiet_start = 22 * 60;
  int quiet_end = 8 * 60;
  int max_posts_per_group_per_day = 6;
};
EffectiveLimits effective_limits(const Sop& sop, const Config* config);

// True when `minute` falls in the quiet hours [start, end), wrapping midnight
// when start > end; start == end means no quiet hours.
bool in_quiet_hours(int minute, int start, int end);

// "22:00-08:00".
std::string format_quiet_hours(int start, int end);

// Where a finding about a whole task goes: its id, else the list item.
const SourceLoc& task_loc(const Task& task);
// Where a finding about a whole SOP goes: its `sop:` line, else line 1.
SourceLoc sop_loc(const Sop& sop);

// "task 'x'" or "task #3" when the id is missing.
std::string task_name(const Sop& sop, const Task& task);

// Channels whose messages land in the group chat (posts), as opposed to
// private chats and Moments.
bool posts_to_group(const Task& task);

// What the schedule rules need to know of each task, computed once per SOP
// (string comparisons per occurrence add up over a thousand groups).
enum TaskFlag : std::uint8_t {
  k_posts = 1,       // posts_to_group()
  k_mass = 2,        // channel: mass
  k_education = 4,   // type: education
  k_conversion = 8,  // type: conversion
};
std::vector<std::uint8_t> task_flags(const Sop& sop);

// relative_days() of SOPs, computed once per SOP for one rule's run over
// thousands of groups (it walks every task).
class DaysMemo {
public:
  std::vector<std::optional<std::pair<int, int>>> operator()(const std::vector<const Sop*>& sops);

private:
  std::map<const Sop*, std::optional<std::pair<int, int>>> m_days;
};

// Day arithmetic without day 0: -1 is followed by 1.
inline int day_index(int day) {
  return day > 0 ? day - 1 : day;
}
inline int day_from_index(int index) {
  return index >= 0 ? index + 1 : index;
}
// A DayRef as a date for a group opening on `open` (nullopt: day without open date).
std::optional<Date> resolve_ref(const DayRef& ref, std::optional<Date> open);
// "day 3" / "day -1" or "2026-12-03" for a bound.
std::string describe_ref(const DayRef& ref);

// One group (or the synthetic example group) whose plan a rule looks at.
struct Context {
  const Group* group = nullptr;
  bool synthetic = false;  // the "(example group)" of a check without roster
  bool date_only = false;  // the SOP has no day numbers: the plan is the same for every group
  std::optional<Date> open;

  // "group A", "group (example group)", or "each group" for date-only SOPs
  // checked without a roster.
  std::string who() const;
  // "day 3 (2026-01-07)" when the group has an open date and the SOP uses
  // day numbers, else "2026-01-07".
  std::string when(Date d) const;
};

// A post to the group chat: one occurrence of a task on a posting channel.
struct Post {
  std::int32_t date;    // Date::days
  std::int32_t minute;  // k_no_time without `at`
  std::uint32_t task;   // index in sop.tasks
  auto operator<=>(const Post&) const = default;
};
inline constexpr std::int32_t k_no_time = 24 * 60;  // all-day items sort after timed ones

// One context's plan: its occurrences over its span.
struct Expansion {
  Context ctx;
  Date from;
  Date to;
  std::vector<Occurrence> occs;  // tasks point into the SOP being linted
  std::vector<Post> posts;       // sorted
};

// A context whose plan is a distinct expansion's shifted by `delta` days
// (delta 0: the expansion itself).
struct ContextRef {
  Context ctx;
  std::size_t expansion = 0;
  int delta = 0;
};

// How one SOP was expanded for the schedule-aware rules.
struct SopSchedule {
  const Sop* sop = nullptr;
  std::vector<Context> reps;                  // one per distinct open date, roster order
  std::vector<ContextRef> refs;               // the reps that could be expanded, roster order
  std::vector<std::vector<Date>> mass_dates;  // per distinct expansion: its `mass` sends
};

// Builds the contexts of `sop` (roster groups using it, else the example
// group) and hands each distinct expansion to `visit`, in roster order, one
// at a time. Contexts whose span the calendar does not cover are left out
// (calendar_coverage() reports them).
//
// Groups usually share few open dates, and most tasks (day numbers, `every:
// day` within day-numbered bounds, no on_holiday moves) fall on the same
// group days whatever the open date: those are expanded once and shifted.
// The calendar-dependent rest is expanded per open date, and open dates whose
// calendar looks the same over the plan share one expansion.
SopSchedule expand_sop(const Sop& sop, const Roster* roster, const Calendar& calendar,
                       const Group& example, const std::function<void(const Expansion&)>& visit);

// Index of an occurrence's task in sop.tasks.
inline std::size_t task_index(const Sop& sop, const Task* task) {
  return static_cast<std::size_t>(task - sop.tasks.data());
}

// Rule families (one file each).
// rules_platform.cpp: with a roster, texts are measured as each group gets them.
void platform_text_rules(const Sop& sop, const Roster* roster, Reporter& out);
void mass_send_quota(const SopSchedule& schedule,
                     Reporter& out);  // rules_mass.cpp, after expansion
void craft_static_rules(const Sop& sop, const EffectiveLimits& limits,
                        Reporter& out);                          // rules_craft.cpp
void phase_rules(const Sop& sop, Reporter& out);                 // rules_phases.cpp
void outside_phase(const SopSchedule& schedule, Reporter& out);  // rules_phases.cpp
// calendar-coverage (rules_coverage.cpp): a group's plan reaching a year the
// calendar lacks, measured as `plan` measures it (group_span, group life).
void calendar_coverage(const std::vector<Sop>& sops, const Roster& roster, const Calendar& calendar,
                       Reporter& out);
// fixed-scarcity-claim, dated-task-reaches-no-group (rules_claims.cpp).
void fixed_scarcity_claims(const Sop& sop, Reporter& out);
void dated_tasks_reach_groups(const std::vector<Sop>& sops, const Roster& roster, Reporter& out);

// Customer SOPs (rules_customers.cpp): customer-mass-quota, and with the
// customers file and event log, target-tag-unused and until-event-unseen.
void customer_mass_quota(const Sop& sop, const Calendar& calendar, Reporter& out);
void customer_targets(const std::vector<Sop>& sops, const Customers& customers, Reporter& out);
void until_events_seen(const std::vector<Sop>& sops, const CustomerEvents& events, Reporter& out);

// too-many-posts, same-minute, sell-before-trust, holiday-collision
// (rules_schedule.cpp): fed one expansion at a time, each finding once per task.
class ScheduleRules {
public:
  ScheduleRules(const Sop& sop, const EffectiveLimits& limits, Reporter& out);
  void visit(const Expansion& e);

private:
  const Sop& m_sop;
  EffectiveLimits m_limits;
  Reporter& m_out;
  std::vector<std::uint8_t> m_flags;
  bool m_has_education = false;
  std::vector<bool> m_posts_done;
  std::vector<bool> m_minute_done;
  std::vector<bool> m_sell_done;
  std::vector<bool> m_holiday_done;
};

// task-never-fires (rules_staff.cpp): tasks with no occurrence in any
// expansion of their SOP.
class FiringRule {
public:
  FiringRule(const Sop& sop, Reporter& out);
  void visit(const Expansion& e);
  void finish(const SopSchedule& schedule, bool with_roster);

private:
  const Sop& m_sop;
  Reporter& m_out;
  std::vector<bool> m_fired;
};

// staff-double-booked (rules_staff.cpp): one person busy (a live stream, a
// task with a duration) in two groups at overlapping times, across SOPs.
class StaffCalendar {
public:
  StaffCalendar(const Roster* roster, Reporter& out);
  void begin_sop(const Sop& sop);
  void visit(const Expansion& e);
  void end_sop(const SopSchedule& schedule);

private:
  struct Busy {
    std::int32_t date;
    int minute;
    int minutes;
    const Task* task;
    std::uint32_t owner;  // index into m_owners
  };
  static constexpr std::uint32_t k_none = 0xFFFFFFFF;
  struct Interval {
    int minute;
    int minutes;
    const Group* group;
    const Sop* sop;
    const Task* task;
    std::uint32_t next;  // the person's next interval that day, k_none after the last
  };
  // One person's day: (staff index, date) and its intervals, in the order
  // they were added (the first overlap found is the one reported).
  struct Day {
    std::uint64_t key;
    std::uint32_t first;
    std::uint32_t last;
    std::uint32_t count;
  };
  void add(const Staff& s, const Group& g, std::int32_t date, int minute, int minutes,
           const Task& task);
  Day& day_of(std::uint64_t key);

  const Roster* m_roster;
  Reporter& m_out;
  const Sop* m_sop = nullptr;
  std::vector<std::vector<Busy>> m_busy;     // per expansion of the current SOP, in visit order
  std::vector<const std::string*> m_owners;  // the owner roles of its busy tasks, each once
  // The days, open addressing with linear probing (a std::unordered_map of
  // vectors cost an allocation per person and day and a third of check's
  // time); a power of two in size, at most half full.
  std::vector<Day> m_days;
  std::size_t m_days_used = 0;
  int m_days_bits = 0;
  std::vector<Interval> m_intervals;
  std::vector<bool> m_reported;  // per task of the current SOP: reported once
};

// month-day-missing (rules_month_day.cpp), fed one expansion at a time.
class MonthDayRule {
public:
  MonthDayRule(const Sop& sop, Reporter& out);
  void visit(const Expansion& e);

private:
  const Sop& m_sop;
  Reporter& m_out;
  std::vector<std::size_t> m_tasks;  // those with month days 29..31
  std::vector<bool> m_done;
};

}  // namespace sopctl::lint::detail
