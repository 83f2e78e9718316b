#pragma once
// An SOP file (docs/spec.md §1.1) as plain data. Every value remembers where it was
// written so that lint rules can point at it. Fields that were absent or
// invalid in the file keep their defaults (and the loader reported why).

#include <sopctl/base/date.hpp>
#include <sopctl/base/source.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sopctl {

// A bound that is either a group day (1 = open date, -1 = the day before)
// or an absolute local date.
struct DayRef {
  enum class Kind { day, date };
  Kind kind = Kind::day;
  int day = 0;
  Date date;
  SourceLoc loc;
};

enum class EveryKind { day, workday, offday, weekend, weekdays, month_days, interval, nth_weekday };

// Exactly one schedule selector of docs/spec.md §1.2.
struct Selector {
  enum class Kind { day, days, date, dates, every };
  Kind kind = Kind::day;
  std::vector<int> days;    // day/days, ranges expanded, never 0
  std::vector<Date> dates;  // date/dates
  EveryKind every = EveryKind::day;
  std::vector<int> weekdays;    // every: [mon, thu] -> 0..6
  std::vector<int> month_days;  // every: {month_day: [1, 15, -1]}; -1 is the last day
  int interval = 0;             // every: {days: 3}: every 3rd day from the bound's start
  std::vector<int> nths;        // every: {weekday: mon, nth: [1, -1]} (weekdays holds mon)
  SourceLoc loc;                // the selector key
};

enum class OnHoliday { keep, skip, next_workday, prev_workday };

struct Task {
  Located<std::string> id;
  Located<std::string> title;
  Located<std::string>
      type;  // fission | conversion | activity | retention | education | setup | review
  Located<std::string> channel;    // group | mass | private | moments | announcement | live
  Located<std::string> owner;      // a role or a staff id
  std::optional<Located<int>> at;  // minutes since midnight
  int duration_minutes = 0;        // 0: not given
  std::optional<Selector> selector;
  Located<std::string> phase;  // empty: none
  std::optional<DayRef> from;
  std::optional<DayRef> to;
  OnHoliday on_holiday = OnHoliday::keep;
  Located<std::string> script;
  std::vector<Located<std::string>> assets;
  SourceLoc loc;  // the list item
};

struct Phase {
  Located<std::string> id;
  Located<std::string> name;
  DayRef from;
  DayRef to;
  SourceLoc loc;
};

struct Keyword {
  Located<std::string> match;
  Located<std::string> reply;
  SourceLoc loc;
};

struct Setup {
  bool present = false;
  Located<std::string> group_name;
  Located<std::string> announcement;
  Located<std::string> welcome;
  std::vector<Located<std::string>> rules;
  std::vector<Keyword> keywords;
  std::vector<Located<std::string>> sensitive_words;
  SourceLoc loc;
};

struct MassQuota {
  enum class Per { day, week, month };
  Per per = Per::month;
  int max = -1;  // -1: days_in_month (the default quota)
  SourceLoc loc;
};

struct Limits {
  int quiet_start = 22 * 60;  // minutes; quiet hours run from start to end,
  int quiet_end = 8 * 60;     // wrapping midnight when start > end
  int max_posts_per_group_per_day = 6;
  MassQuota mass_sends;
  // Customer SOPs: WeCom's customer mass sends (客户群发) per customer per day.
  int customer_mass_sends = 1;
  SourceLoc loc;
  // Whether the file set them (a project config's limits apply otherwise).
  bool quiet_hours_set = false;
  bool max_posts_set = false;
};

struct Goal {
  Located<std::string> metric;
  Located<double> target;
  SourceLoc loc;
};

// Event names per AARRR stage (`metrics:`), used by `sopctl aarrr --sop`.
struct Metrics {
  bool present = false;
  std::vector<Located<std::string>> acquisition;
  std::vector<Located<std::string>> activation;
  std::vector<Located<std::string>> retention;
  std::vector<Located<std::string>> revenue;
  std::vector<Located<std::string>> referral;
  SourceLoc loc;
};

// A `{name}` in a script whose name is not built in: a group variable if
// every group running the SOP defines it (checked once the roster is known).
struct PlaceholderUse {
  std::string name;
  SourceLoc loc;
};

// Which customers a customer SOP reaches (docs/spec.md §5.2): every tag of
// tags_all, at least one of tags_any (when given), none of tags_none; and,
// when `owner` is set, only that staff member's customers.
struct Target {
  std::vector<Located<std::string>> tags_any;
  std::vector<Located<std::string>> tags_all;
  std::vector<Located<std::string>> tags_none;
  Located<std::string> owner;
  SourceLoc loc;
  bool matches(const std::vector<std::string>& tags, const std::string& customer_owner) const;
};

// group: tasks for WeCom groups of the roster (1.1); customer: 1:1 tasks
// for each targeted customer, counted from a date of theirs (5.2).
enum class SopKind { group, customer };

struct Sop {
  std::string path;  // the file it was loaded from
  int version = 1;   // `version:`, the file format
  SopKind kind = SopKind::group;
  Located<std::string> id;
  Located<std::string> title;
  Located<std::string> description;  // optional one-line purpose (extension)
  Located<std::string> timezone{"Asia/Shanghai"};
  std::optional<Goal> goal;
  std::vector<Phase> phases;
  Setup setup;
  Limits limits;
  std::vector<Located<std::string>> funnel;
  // `funnel: {steps, window, mode}`: "" when not given (flags or defaults apply).
  Located<std::string> funnel_window;
  Located<std::string> funnel_mode;
  // Dated SOPs: the campaign's main day, which {countdown} counts to.
  std::optional<Located<Date>> anchor;
  // Customer SOPs: the customers-file date column that is day 1 ("added"),
  // who is targeted, and the events that end the SOP for a customer.
  Located<std::string> anchor_column{"added"};
  Target target;
  std::vector<Located<std::string>> until;
  std::vector<PlaceholderUse> deferred_placeholders;
  Metrics metrics;
  std::vector<Task> tasks;

  const Phase* find_phase(const std::string& id) const;
  // The earliest and latest relative day (day-numbered phases, task days and
  // bounds); nullopt for an SOP with only dated tasks (a dated SOP).
  std::optional<std::pair<int, int>> relative_days() const;
};

}  // namespace sopctl
