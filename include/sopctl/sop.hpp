#pragma once
// An SOP file (SPEC 1.1) as plain data. Every value remembers where it was
// written so that lint rules can point at it. Fields that were absent or
// invalid in the file keep their defaults (and the loader reported why).

#include <sopctl/date.hpp>
#include <sopctl/source.hpp>

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

enum class EveryKind { day, workday, offday, weekend, weekdays, month_days };

// Exactly one schedule selector of SPEC 1.2.
struct Selector {
  enum class Kind { day, days, date, dates, every };
  Kind kind = Kind::day;
  std::vector<int> days;    // day/days, ranges expanded, never 0
  std::vector<Date> dates;  // date/dates
  EveryKind every = EveryKind::day;
  std::vector<int> weekdays;    // every: [mon, thu] -> 0..6
  std::vector<int> month_days;  // every: {month_day: [1, 15]}
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

struct Sop {
  std::string path;  // the file it was loaded from
  Located<std::string> id;
  Located<std::string> title;
  Located<std::string> description;  // optional one-line purpose (extension)
  Located<std::string> timezone{"Asia/Shanghai"};
  std::optional<Goal> goal;
  std::vector<Phase> phases;
  Setup setup;
  Limits limits;
  std::vector<Located<std::string>> funnel;
  Metrics metrics;
  std::vector<Task> tasks;

  const Phase* find_phase(const std::string& id) const;
};

}  // namespace sopctl
