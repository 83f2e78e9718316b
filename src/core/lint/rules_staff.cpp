// staff-double-booked: one person on two things at once in different groups
// (live streams, anything with a duration); task-never-fires: a task with no
// occurrence in any group's plan. Both fed one expansion at a time.

#include "lint_parts.hpp"

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace sopctl::lint::detail {
namespace {

// Intervals kept at most (a thousand groups of a month of live streams fit).
constexpr std::size_t k_max_intervals = 500'000;
// Intervals kept per person and day: more than anyone can do, and a bound on
// the scan of each new one.
constexpr std::size_t k_max_per_day = 64;

// Busy: it takes the person's time (a live stream, or any task with a duration).
bool occupies(const Task& t) {
  return t.at && (t.duration_minutes > 0 || t.channel.value == "live");
}

}  // namespace

FiringRule::FiringRule(const Sop& sop, Reporter& out)
    : m_sop(sop), m_out(out), m_fired(sop.tasks.size(), false) {}

void FiringRule::visit(const Expansion& e) {
  for (const Occurrence& o : e.occs) {
    m_fired[task_index(m_sop, o.task)] = true;
  }
}

void FiringRule::finish(const SopSchedule& schedule, bool with_roster) {
  if (schedule.refs.empty()) {
    return;  // nothing could be expanded (the calendar, no open dates): other rules say why
  }
  for (std::size_t i = 0; i < m_sop.tasks.size(); ++i) {
    const Task& task = m_sop.tasks[i];
    if (m_fired[i] || !task.selector || (with_roster && is_dated_task(m_sop, task))) {
      continue;  // a dated task reaching no group is dated-task-reaches-no-group's
    }
    m_out.add(
        "task-never-fires", task.selector->loc,
        trf("{} never happens in {}'s plan: its days fall outside its bounds or "
            "phase, or on_holiday: skip and skip: dates remove every one",
            task_name(m_sop, task),
            with_roster ? std::string(tr("any group")) : std::string(tr("the example group"))));
  }
}

StaffCalendar::StaffCalendar(const Roster* roster, Reporter& out) : m_roster(roster), m_out(out) {}

void StaffCalendar::begin_sop(const Sop& sop) {
  m_sop = &sop;
  m_busy.clear();
  m_owners.clear();
  m_reported.assign(sop.tasks.size(), false);
}

void StaffCalendar::visit(const Expansion& e) {
  std::vector<Busy> busy;
  if (m_roster != nullptr) {
    for (const Occurrence& o : e.occs) {
      if (occupies(*o.task)) {
        const std::string& owner = o.task->owner.value;
        auto it = std::find_if(m_owners.begin(), m_owners.end(),
                               [&](const std::string* known) { return *known == owner; });
        if (it == m_owners.end()) {
          it = m_owners.insert(it, &owner);
        }
        busy.push_back(Busy{o.date.days, o.task->at->value, std::max(o.task->duration_minutes, 1),
                            o.task, static_cast<std::uint32_t>(it - m_owners.begin())});
      }
    }
  }
  m_busy.push_back(std::move(busy));
}

void StaffCalendar::end_sop(const SopSchedule& schedule) {
  if (m_roster == nullptr || schedule.refs.empty()) {
    return;
  }
  // Which expansion (and shift) stands for each open date.
  std::map<std::optional<std::int32_t>, const ContextRef*> by_open;
  for (const ContextRef& r : schedule.refs) {
    by_open.emplace(r.ctx.open ? std::optional<std::int32_t>(r.ctx.open->days) : std::nullopt, &r);
  }
  const bool date_only = schedule.refs.front().ctx.date_only;
  std::vector<std::optional<std::vector<const Staff*>>> people;
  for (const Group& g : m_roster->groups) {
    if (!g.runs(m_sop->id.value)) {
      continue;
    }
    const ContextRef* ref = nullptr;
    if (date_only) {
      ref = &schedule.refs.front();
    } else if (g.open) {
      const auto it = by_open.find(g.open->value.days);
      ref = it == by_open.end() ? nullptr : it->second;
    }
    if (ref == nullptr || ref->expansion >= m_busy.size()) {
      continue;
    }
    const int delta = date_only ? 0 : g.open->value - *ref->ctx.open + ref->delta;
    // A group's people per owner role, looked up once: most busy tasks
    // share a handful of roles, and a group has many busy days.
    people.assign(m_owners.size(), std::nullopt);
    for (const Busy& b : m_busy[ref->expansion]) {
      if (!people[b.owner]) {
        people[b.owner] = resolve_staff(*m_owners[b.owner], g, *m_roster);
      }
      for (const Staff* s : *people[b.owner]) {
        add(*s, g, b.date + delta, b.minute, b.minutes, *b.task);
      }
    }
  }
}

StaffCalendar::Day& StaffCalendar::day_of(std::uint64_t key) {
  constexpr std::uint64_t k_free = ~std::uint64_t{0};  // no staff index is 2^32 - 1
  if (2 * (m_days_used + 1) > m_days.size()) {
    std::vector<Day> old = std::move(m_days);
    m_days_bits = std::max(m_days_bits + 1, 10);
    m_days.assign(std::size_t{1} << m_days_bits, Day{k_free, k_none, k_none, 0});
    m_days_used = 0;
    for (const Day& d : old) {
      if (d.key != k_free) {
        day_of(d.key) = d;
      }
    }
  }
  const std::size_t mask = m_days.size() - 1;
  for (std::size_t i = (key * 0x9E3779B97F4A7C15ULL) >> (64 - m_days_bits);; i = (i + 1) & mask) {
    Day& d = m_days[i];
    if (d.key == key) {
      return d;
    }
    if (d.key == k_free) {
      d.key = key;
      ++m_days_used;
      return d;
    }
  }
}

void StaffCalendar::add(const Staff& s, const Group& g, std::int32_t date, int minute, int minutes,
                        const Task& task) {
  const auto who = static_cast<std::uint64_t>(&s - m_roster->staff.data());
  Day& day = day_of((who << 32) | static_cast<std::uint32_t>(date));
  const std::size_t t = task_index(*m_sop, &task);
  for (std::uint32_t i = m_reported[t] ? k_none : day.first; i != k_none; i = m_intervals[i].next) {
    const Interval& other = m_intervals[i];
    if (other.group == &g ||
        !(minute < other.minute + other.minutes && other.minute < minute + minutes)) {
      continue;
    }
    m_reported[t] = true;
    m_out.add("staff-double-booked", task.at->loc,
              trf("{} is due in group {} at {} on {} while on {} in group {} ({}{}): "
                  "{} cannot be in both; give one of them to someone else or move it",
                  task_name(*m_sop, task), g.id.value, format_time_of_day(minute),
                  format_date(Date{date}), task_name(*other.sop, *other.task),
                  other.group->id.value, format_time_of_day(other.minute),
                  other.minutes > 1 ? "-" + format_time_of_day(
                                                std::min(other.minute + other.minutes, 24 * 60 - 1))
                                    : std::string(),
                  s.name.value.empty() ? s.id.value : s.name.value));
    break;
  }
  if (m_intervals.size() < k_max_intervals && day.count < k_max_per_day) {
    const auto at = static_cast<std::uint32_t>(m_intervals.size());
    m_intervals.push_back(Interval{minute, minutes, &g, m_sop, &task, k_none});
    (day.count == 0 ? day.first : m_intervals[day.last].next) = at;
    day.last = at;
    ++day.count;
  }
}

}  // namespace sopctl::lint::detail
