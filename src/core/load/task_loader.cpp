// The `tasks:` list of an SOP file.

#include "sop_parts.hpp"
#include "values.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/limits.hpp>
#include <sopctl/load/loader.hpp>
#include <sopctl/text/did_you_mean.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::load {
namespace {

const std::vector<std::string> k_types = {"fission",   "conversion", "activity", "retention",
                                          "education", "setup",      "review"};
const std::vector<std::string> k_channels = {"group",   "mass",         "private",
                                             "moments", "announcement", "live"};
const std::vector<std::string> k_on_holiday = {"keep", "skip", "next-workday", "prev-workday"};
const std::vector<std::string> k_selector_keys = {"day", "days", "date", "dates", "every"};

bool is_selector_key(const std::string& key) {
  return std::find(k_selector_keys.begin(), k_selector_keys.end(), key) != k_selector_keys.end();
}

// "'day' and 'every'", "'day', 'days' and 'every'".
std::string and_list(const std::vector<std::string>& keys) {
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) {
      out += (i + 1 == keys.size()) ? " and " : ", ";
    }
    out += "'" + keys[i] + "'";
  }
  return out;
}

void read_selectors(Reader& r, const Fields& fields, const std::string& what, Task& task) {
  std::vector<const Field*> present;
  for (const auto& f : fields.all()) {
    if (is_selector_key(f.key)) {
      present.push_back(&f);
    }
  }
  if (present.empty()) {
    r.report(task.loc, "no-selector",
             trf("{} has no schedule: give one of day, days, date, dates or every", what));
    return;
  }
  if (present.size() > 1) {
    std::vector<std::string> keys;
    for (const Field* f : present) {
      keys.push_back(f->key);
    }
    r.report(present[1]->key_loc, "multiple-selectors",
             trf("{} has more than one schedule: {} (keep exactly one)", what, and_list(keys)));
  }
  // Every selector is read, so that all of their mistakes are reported; the
  // first usable one in the file is the task's.
  for (const Field* f : present) {
    auto sel = read_selector(r, *f);
    if (sel && !task.selector) {
      task.selector = std::move(sel);
    }
  }
}

void read_time_fields(Reader& r, const Fields& fields, Task& task) {
  if (const Field* at = fields.get("at")) {
    if (auto t = r.text(*at)) {
      if (auto minutes = parse_time_of_day(trim(t->value))) {
        task.at = Located<int>{*minutes, t->loc};
      } else {
        r.report(t->loc, "bad-time", trf("bad time '{}': use HH:MM from 00:00 to 23:59", t->value));
      }
    }
  }
  if (const Field* d = fields.get("duration")) {
    if (auto t = r.text(*d)) {
      constexpr std::int64_t k_max_duration = 24 * 3600 * 366;
      const auto seconds = parse_duration(trim(t->value));
      if (seconds && *seconds > 0 && *seconds <= k_max_duration) {
        // Rounded up: a 90s slot still occupies the minute it spills into.
        task.duration_minutes = static_cast<int>((*seconds + 59) / 60);
      } else if (seconds && *seconds > 0) {
        r.report(t->loc, "bad-duration",
                 trf("duration '{}' is longer than the limit of 366d (a task takes at "
                     "most a year)",
                     t->value));
      } else if (seconds) {
        r.report(t->loc, "bad-duration",
                 trf("duration '{}' is zero: a task takes at least 1m", t->value));
      } else {
        r.report(
            t->loc, "bad-duration",
            trf("bad duration '{}': use a number and a unit, like 30m, 1h or 1h30m", t->value));
      }
    }
  }
}

void read_bounds(Reader& r, const Fields& fields, const PhaseIds& phase_ids,
                 const std::string& what, Task& task) {
  if (const Field* p = fields.get("phase")) {
    if (auto t = r.text(*p); t && !t->value.empty()) {
      task.phase = *t;
      if (phase_ids.empty()) {
        r.report(t->loc, "unknown-phase",
                 trf("unknown phase '{}': the SOP defines no phases", t->value));
      } else if (std::find(phase_ids.begin(), phase_ids.end(), t->value) == phase_ids.end()) {
        const std::string match = text::closest_match(t->value, phase_ids);
        r.report(t->loc, "unknown-phase",
                 match.empty()
                     ? trf("unknown phase '{}': the SOP's phases are {}", t->value, join(phase_ids))
                     : trf("unknown phase '{}' (did you mean '{}'?)", t->value, match));
      }
    }
  }
  if (const Field* f = fields.get("from")) {
    task.from = read_day_ref(r, *f);
  }
  if (const Field* t = fields.get("to")) {
    task.to = read_day_ref(r, *t);
  }
  if (task.from && task.to) {
    check_bounds_order(r.diags(), *task.from, *task.to, what);
  }
}

void read_texts(Reader& r, const Fields& fields, Task& task) {
  const std::pair<const char*, Located<std::string>*> texts[] = {
      {"title", &task.title}, {"owner", &task.owner}, {"script", &task.script}};
  for (const auto& [key, target] : texts) {
    if (const Field* tf = fields.get(key)) {
      if (auto t = r.text(*tf)) {
        *target = *t;
      }
    }
  }
  check_placeholders(r, task.script);
  if (const Field* a = fields.get("assets")) {
    task.assets = r.text_list(*a);
  }
}

void read_enums(Reader& r, const Fields& fields, Task& task) {
  if (const Field* t = fields.get("type")) {
    if (auto v = r.text(*t); v && !v->value.empty() && r.one_of(*v, "type", k_types)) {
      task.type = *v;
    }
  }
  if (const Field* c = fields.get("channel")) {
    if (auto v = r.text(*c); v && !v->value.empty() && r.one_of(*v, "channel", k_channels)) {
      task.channel = *v;
    }
  }
  if (const Field* h = fields.get("on_holiday")) {
    if (auto v = r.text(*h);
        v && !v->value.empty() && r.one_of(*v, tr("on_holiday value"), k_on_holiday)) {
      const auto i =
          std::find(k_on_holiday.begin(), k_on_holiday.end(), v->value) - k_on_holiday.begin();
      const OnHoliday values[] = {OnHoliday::keep, OnHoliday::skip, OnHoliday::next_workday,
                                  OnHoliday::prev_workday};
      task.on_holiday = values[i];
    }
  }
}

Task read_task(Reader& r, const YamlNode& item, const SourceLoc& item_loc,
               const PhaseIds& phase_ids, IdRegistry& ids) {
  Task task;
  task.loc = item_loc;
  task.channel = Located<std::string>{"group", item_loc};
  const auto fields = r.fields(
      item, {"id", "title", "type", "channel", "owner", "at", "duration", "day", "days", "date",
             "dates", "every", "phase", "from", "to", "on_holiday", "script", "assets"});
  if (const Field* id = fields.get("id")) {
    if (auto t = r.text(*id)) {
      task.id = *t;
      check_slug_id(r.diags(), task.id, tr("task"));
      ids.add(r.diags(), task.id);
    }
  } else {
    r.report(item_loc, "missing-key", tr("missing key 'id' in task"));
  }
  const std::string what =
      task.id.value.empty() ? std::string(tr("task")) : trf("task '{}'", task.id.value);
  read_texts(r, fields, task);
  read_enums(r, fields, task);
  read_time_fields(r, fields, task);
  read_selectors(r, fields, what, task);
  read_bounds(r, fields, phase_ids, what, task);
  return task;
}

}  // namespace

void load_tasks(Reader& r, const Field& tasks, const PhaseIds& phase_ids, Sop& sop) {
  if (!r.expect_list(tasks, tr("a list of tasks")) || tasks.is_null()) {
    return;
  }
  // Past the limit before reading any task, so that a huge file fails fast.
  if (tasks.value.size() > limits::k_max_tasks) {
    throw Error(trf("more than {} tasks in one SOP (the limit); split it into several "
                    "SOP files",
                    limits::k_max_tasks),
                r.loc(tasks.value[limits::k_max_tasks], tasks.value_loc));
  }
  IdRegistry ids(tr("task"));
  for (const YamlNode item : tasks.value.items()) {
    const SourceLoc item_loc = r.loc(item, tasks.value_loc);
    if (!item.is_map()) {
      r.report(item_loc, "wrong-type",
               tr("each task must be a mapping of keys such as id, title, at and day"));
      continue;
    }
    sop.tasks.push_back(read_task(r, item, item_loc, phase_ids, ids));
  }
}

}  // namespace sopctl::load
