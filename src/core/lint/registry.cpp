// The rule registry: every rule `sopctl check` can report, with its category,
// default severity and documentation (docs/rules.md is generated from it).

#include <sopctl/lint/lint.hpp>

#include <sopctl/base/i18n.hpp>

#include <algorithm>
#include <tuple>

namespace sopctl::lint {
namespace {

RuleInfo structure(std::string id, std::string summary, std::string doc) {
  return {std::move(id), Category::structure, Severity::error, std::move(summary), std::move(doc)};
}
RuleInfo platform(std::string id, std::string summary, std::string doc) {
  return {std::move(id), Category::platform, Severity::error, std::move(summary), std::move(doc)};
}
RuleInfo craft(std::string id, std::string summary, std::string doc) {
  return {std::move(id), Category::craft, Severity::warning, std::move(summary), std::move(doc)};
}

std::vector<RuleInfo> make_rules() {
  std::vector<RuleInfo> rules = {
      // Structure: reported by the loaders while they read the files.
      structure("unknown-key", N_("a key the format does not know (usually a typo)"),
                "A key that SOP, roster and calendar files do not define, such as `evry: day`. "
                "It would be ignored silently, so the task would not run as written. The message "
                "suggests the closest known key; fix the spelling or remove the key."),
      structure("duplicate-key", N_("the same key twice in one mapping"),
                "YAML keeps only one of two equal keys in a mapping, so one of the values is lost "
                "without a word. Keep one of them; the message names the line of the first."),
      structure("wrong-type", N_("a value of the wrong kind (text, number, list, mapping)"),
                "A value whose YAML kind does not fit the key: a list where text is expected, a "
                "mapping where a list is expected, text where a number is expected. The message "
                "says what the key takes."),
      structure("bad-value", N_("a value outside the allowed set or range"),
                "A value that has the right type but is not allowed: a channel or task type that "
                "does not exist, an `on_holiday` value other than keep, skip, next-workday and "
                "prev-workday, a range that ends before it starts, a limit below 1. The message "
                "lists the allowed values and suggests the closest one."),
      structure("bad-id", N_("an id that is not a plain slug"),
                "SOP, task and phase ids must match `[a-z0-9][a-z0-9_-]*` so that they are stable "
                "in file names, calendar UIDs and scripts; group and staff ids must be non-empty "
                "and without spaces. Rename the id (and the places that refer to it)."),
      structure("missing-key", N_("a required key is absent"),
                "A required key is missing: `sop` and `tasks` at the top of an SOP file, `id` of "
                "a task, `id`, `from` and `to` of a phase, `match` and `reply` of a keyword, the "
                "id of a group or staff member. Add it."),
      structure("bad-time", N_("a time of day that is not HH:MM"),
                "`at:` and `quiet_hours` take 24-hour local times `HH:MM` from 00:00 to 23:59, "
                "e.g. `at: \"08:00\"`. Quote them: YAML reads an unquoted 08:00 as text, but "
                "some editors and tools turn it into a number."),
      structure("bad-date", N_("a date that is not a real YYYY-MM-DD day"),
                "Dates are written `YYYY-MM-DD` and must exist: 2026-02-30 is rejected with the "
                "number of days that month has. Ranges are written `2026-10-01..2026-10-07`."),
      structure("bad-duration", N_("a duration that is not like 30m, 1h or 1h30m"),
                "`duration:` takes a number and a unit (s, m, h, d), or several of them: `30m`, "
                "`1h`, `1h30m`. A duration of zero or over a year is rejected."),
      structure("day-zero", N_("day 0 does not exist"),
                "Group days count from 1 on the open date; the day before is -1. There is no day "
                "0, so `day: 0` (or a range ending in 0) is a mistake: use 1 for the open date or "
                "-1 for the eve."),
      structure("duplicate-id", N_("two SOPs, tasks, phases, groups or staff share an id"),
                "Ids must be unique: tasks and phases within their SOP, SOPs across the files "
                "checked together, groups and staff across the roster files. Plans, calendar "
                "UIDs and reports key on them. The message names the line of the first one."),
      structure("no-selector", N_("a task without a schedule"),
                "Every task needs exactly one schedule selector: `day`, `days`, `date`, `dates` "
                "or `every`. Without one the task never appears in a plan."),
      structure("multiple-selectors", N_("a task with two schedule selectors"),
                "A task has exactly one schedule selector. With two (say `day: 3` and "
                "`every: day`) it is unclear which is meant; the first usable one is used and "
                "the others are reported. Keep one, or split the task in two."),
      structure("unknown-phase", N_("a task names a phase the SOP does not define"),
                "A task's `phase:` must be the id of one of the SOP's `phases:`. The message "
                "lists the phases and suggests the closest id."),
      structure("undefined-placeholder", N_("a {placeholder} the renderer does not know"),
                "Scripts and set-up texts may use {day}, {date}, {weekday}, {group}, "
                "{group_name}, {owner}, {phase}, {phase_name}, {countdown} and {letter}; "
                "%NICKNAME% is left for WeCom. Any other `{name}` would be sent literally to the "
                "group. Fix the name, or write `{{` and `}}` for literal braces."),
      structure("bad-timezone", N_("a time zone that is not an IANA name"),
                "`timezone:` takes an IANA zone name such as Asia/Shanghai (the default). "
                "Abbreviations such as CST are ambiguous and rejected."),
      structure("unknown-sop", N_("a group uses an SOP that is not loaded"),
                "A roster group's `sop:` must be the id of one of the SOP files given on the "
                "command line. Check the spelling, or pass the SOP file too."),
      structure("unknown-staff", N_("a staff id that is not in the roster"),
                "A group's owner or assistant, or a task's `owner:` written as a staff id, must "
                "be the id of someone in the roster's `staff:` list (CSV rosters take their "
                "staff from a YAML roster given beside them)."),
      structure("unknown-role", N_("a task owner that is neither a role nor a staff id"),
                "A task's `owner:` is a role (owner, assistant, or any role given to staff in "
                "the roster) or a staff id. With a roster, a name that is neither would leave "
                "the task without anyone to do it."),
      structure("no-open-date", N_("a group without an open date uses a day-numbered SOP"),
                "Day numbers count from each group's open date, so a group whose SOP uses "
                "`day:`, `days:` or day-numbered phases needs `open: YYYY-MM-DD` in the roster. "
                "Without it the group has no plan."),

      structure("calendar-coverage",
                N_("a group's plan reaches a year the calendar does not cover"),
                "`plan` refuses to guess which days are holidays in a year its calendar does not "
                "cover, so `check` reports it too: give a calendar file for that year (see "
                "`sopctl calendar`), or plan a range inside the covered years. The group's "
                "schedule rules are not run over the uncovered days."),

      // Platform: WeCom would reject or throttle what the SOP asks for.
      platform("message-too-long", N_("a message over WeCom's 4000-byte limit"),
               "WeCom rejects a text message longer than 4000 bytes of UTF-8 (about 1333 "
               "Chinese characters). Checked on task scripts (except Moments, see "
               "moments-too-long), the group announcement and keyword replies, as sent: with "
               "a roster, each group's rendered text ({group_name}, {owner}, group variables "
               "filled in; the message names the group); without one, as written. Split the "
               "message or move the long part into an "
               "image or a link."),
      platform("welcome-too-long", N_("a welcome message over WeCom's 3000-byte limit"),
               "WeCom's group welcome message (入群欢迎语, `setup.welcome`) takes at most 3000 "
               "bytes of UTF-8, about 1000 Chinese characters; with a roster it is measured as "
               "each group "
               "gets it. Shorten it and put the details "
               "into the announcement."),
      platform("moments-too-long", N_("a Moments post over 2000 characters"),
               "A post to customers' Moments (客户朋友圈, `channel: moments`) takes at most 2000 "
               "characters of text; WeCom refuses longer ones. Counted in characters, not "
               "bytes, and on the rendered text when a roster is given. Shorten the script or put "
               "the text into an image."),
      platform("too-many-assets", N_("more than 9 attachments in one task"),
               "WeCom sends at most 9 images or attachments with one message or Moments post. "
               "Split the task in two, or combine the posters into fewer images."),
      platform("mass-send-quota", N_("more mass sends to one group than the WeCom quota"),
               "WeCom limits how often a company may mass-send (企业群发, `channel: mass`) to "
               "one customer group: by default once a day, counted per month (as many sends as "
               "the month has days). `limits.mass_sends: {per: day|week|month, max: N}` sets the "
               "quota the SOP must respect. The plan of every group is expanded (with the "
               "calendar and on_holiday) and the sends of each day, week (Monday to Sunday) or "
               "month are counted; the first group and period over the quota are named, at the "
               "SOP's first mass task. Send less often, or move some messages to `channel: "
               "group`."),
      platform("customer-mass-quota",
               N_("more mass sends to one customer in a day than WeCom allows"),
               "A customer receives at most a limited number of a company's mass messages "
               "(客户群发, `channel: mass` in a customer SOP) a day: WeCom's rule has been one a "
               "day, and WeCom changes it, so `limits.customer_mass_sends: N` sets it (default "
               "1). The customer SOP's days are expanded for a customer added on a Monday (with "
               "the calendar and on_holiday); the first day over the quota is named. Send one of "
               "the messages as `channel: private`, or on another day."),

      // Craft: the SOP will work, but it is likely to hurt the group.
      craft("quiet-hours", N_("a task scheduled in quiet hours"),
            "Nothing should be sent at night: members mute or leave groups that wake them up. "
            "A task whose `at:` lies in `limits.quiet_hours` (default 22:00-08:00; a range whose "
            "start is after its end wraps midnight) is reported at its time. Move it, or change "
            "the quiet hours in the SOP's `limits:` or the project's .sopctl.yaml."),
      craft("too-many-posts", N_("more posts to one group in one day than the limit"),
            "Flooding a group makes people leave. Posts are occurrences of tasks on the group, "
            "announcement, mass and live channels (private messages and Moments do not count). "
            "When a day of some group's plan has more than "
            "`limits.max_posts_per_group_per_day` (default 6), the task whose post, in time "
            "order, goes over the limit is reported, once per task, with the day and the count."),
      craft("same-minute", N_("two posts to one group at the same minute"),
            "Two tasks that post to the same group at the same minute of the same day arrive "
            "as one burst, and the second one is likely to be overlooked or to be a copy of the "
            "first. The later task in the file is reported, naming the first one and its line. "
            "Spread them out."),
      craft("sell-before-trust", N_("a conversion task before any education task"),
            "Selling before members trust the group is the classic mistake (LGERR: education "
            "before revenue). A conversion task is reported when its first occurrence comes "
            "before the first occurrence of any education task (by group day for day-numbered "
            "SOPs, by date and time otherwise), or when the SOP has no education task at all. "
            "Add education content first, or schedule the offer later."),
      craft("missing-setup", N_("no announcement, welcome message or group rules"),
            "A group needs its set-up (群周边) ready before it opens: `setup.announcement` "
            "(群公告), `setup.welcome` (入群欢迎语) and `setup.rules` (群规则). Each missing "
            "one is reported at the `setup:` key, or at `sop:` when there is no set-up at all."),
      craft("outside-phase", N_("a task day that lies in no phase"),
            "When an SOP has phases, every `day`, `days`, `date` or `dates` of a task should "
            "fall inside one of them; a day outside all phases usually means a typo or a phase "
            "that is too short. `every` tasks take their bounds from `phase` or `from`/`to`, "
            "and one without bounds runs over the phases, so they are not checked."),
      craft("phase-overlap", N_("two phases that share days"),
            "Phases are the stages of a campaign (预热期, 正式期, 收尾期); a day in two of them "
            "gives `{phase}` two meanings and usually hides a typo. Phases are sorted by start; "
            "a phase that starts before an earlier one has ended is reported."),
      craft("phase-gap", N_("days between two phases that belong to none"),
            "Phases are sorted by their start and should follow each other without a hole: "
            "days between the end of one phase and the start of the next belong to no phase, "
            "and `every` tasks bound to phases do not run on them. Day numbers skip day 0, so "
            "a phase ending on day -1 and one starting on day 1 are contiguous."),
      craft("sensitive-word", N_("a sensitive word inside the SOP's own texts"),
            "`setup.sensitive_words` lists words that get members removed from the group (ad "
            "monitoring). When one of them appears in the SOP's own scripts, announcement, "
            "welcome message, rules or keyword replies, the group's own staff would trip the "
            "monitor. Reword the text (ASCII letters are compared ignoring case)."),
      craft("fixed-scarcity-claim", N_("a script states a count or share as a fixed fact"),
            "\"仅剩 3 个名额\", \"预约人数破 200 啦\", \"名额已经抢走一大半\": written once in the "
            "SOP, "
            "such a sentence is sent to every group on every run, and is false whenever the "
            "numbers differ, which members notice. Let the operator fill the number in on the "
            "day (a group variable such as {places}), or say it without a number."),
      craft("staff-double-booked", N_("one person busy in two groups at once"),
            "With a roster: a staff member due in two groups at overlapping times, where the "
            "task takes the person's time: a live stream (`channel: live`) or any task with a "
            "`duration` (ten live streams at 20:00 across groups for one teacher). Posting the "
            "same message in several groups at one minute is not flagged (it is one copy and "
            "paste). Checked across every SOP of the run, per group's own plan; once per task. "
            "Give one of them to another person (a role, or `assistants`) or move it."),
      craft("task-never-fires", N_("a task that happens nowhere in the plan"),
            "A task with a schedule that yields no item in any group's plan (or the example "
            "group's, without a roster): `every: weekend` bounded to three weekdays, a "
            "`month_day: [31]` in a phase that spans February, days all removed by "
            "`on_holiday: skip`. A dated task that reaches no group is "
            "dated-task-reaches-no-group instead. Fix its bounds or remove it."),
      craft("target-tag-unused", N_("a customer SOP targets a tag no customer carries"),
            "With --customers, a tag in a customer SOP's `target` (tags_any, tags_all) that no "
            "customer of the file carries: the SOP reaches fewer customers than meant, or none "
            "(a typo, or a tag renamed in the SCRM). The message suggests the closest tag in "
            "the file."),
      craft("until-event-unseen", N_("a customer SOP ends on an event the log never has"),
            "With --events, an event of a customer SOP's `until` that no row of the event log "
            "has: customers' items would never be dropped when they convert, and they would "
            "keep getting sales messages after buying. Check the spelling against the log "
            "(`order`, `paid`, ...)."),
      craft("dated-task-reaches-no-group", N_("a dated task falls outside every group's life"),
            "A dated task (`date:`, `dates:`, a dated `every`) reaches a group only on days of "
            "the group's life: from its first planned day (open date plus the earliest "
            "relative day) to its `close` date or last relative day. A task whose dates fall "
            "outside the life of every group running the SOP is never sent: move it, or give "
            "the groups a `close` date that covers it."),
      craft("keyword-conflict", N_("one keyword with two different replies"),
            "A keyword auto-reply (`setup.keywords`) can answer a keyword in one way only; "
            "with two entries for the same `match` and different replies, only one is sent. "
            "Reported at the second entry, naming the line of the first. Merge the replies."),
      craft("month-day-missing", N_("a month day that some month of the plan lacks"),
            "`every: {month_day: [29, 30, 31]}` skips months that have no such day (February, "
            "April, ...): a monthly task on the 31st runs only seven times a year. The message "
            "names the months of the plan that skip it. Use a day that every month has, or add "
            "a separate task for the short months."),
      craft("holiday-collision", N_("on_holiday moves an occurrence onto another of the same task"),
            "`on_holiday: next-workday` or `prev-workday` moves an occurrence off a day off. "
            "When it lands on a day on which the same task already runs for the group (an "
            "`every: day` task moved from Saturday to Monday), the group gets it twice. Use "
            "`on_holiday: skip`, or schedule the task on workdays only."),
  };
  std::sort(rules.begin(), rules.end(), [](const RuleInfo& a, const RuleInfo& b) {
    return std::tie(a.category, a.id) < std::tie(b.category, b.id);
  });
  return rules;
}

}  // namespace

const char* category_name(Category c) {
  switch (c) {
    case Category::structure:
      return "structure";
    case Category::platform:
      return "platform";
    case Category::craft:
      return "craft";
  }
  return "structure";
}

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> rules = make_rules();
  return rules;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo& r : all_rules()) {
    if (r.id == id) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace sopctl::lint
