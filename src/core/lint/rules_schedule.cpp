// Craft rules on the expanded plan: too many posts in a day, two posts in
// the same minute, selling before educating, on_holiday collisions. Each
// finding is reported once per task, naming the first group it shows in.

#include "lint_parts.hpp"

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace sopctl::lint::detail {
namespace {

// True the first time it is called for task `i` (once-per-task findings).
bool first_time(std::vector<bool>& done, std::size_t i) {
  if (done[i]) {
    return false;
  }
  done[i] = true;
  return true;
}

const char* ordinal_suffix(int n) {
  if (n % 100 >= 11 && n % 100 <= 13) {
    return "th";
  }
  switch (n % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

void too_many_posts(const Sop& sop, const Expansion& e, int max, std::vector<bool>& once,
                    Reporter& out) {
  for (std::size_t i = 0; i < e.posts.size();) {
    std::size_t j = i;
    while (j < e.posts.size() && e.posts[j].date == e.posts[i].date) {
      ++j;
    }
    const std::size_t n = j - i;
    if (n > static_cast<std::size_t>(max)) {
      const Task& task = sop.tasks[e.posts[i + static_cast<std::size_t>(max)].task];
      if (first_time(once, task_index(sop, &task))) {
        out.add("too-many-posts", task_loc(task),
                trf("{} gets {} posts on {}, over the limit of {} per day ({} is the {}{})",
                    e.ctx.who(), n, e.ctx.when(Date{e.posts[i].date}), max, task_name(sop, task),
                    max + 1, ordinal_suffix(max + 1)));
      }
    }
    i = j;
  }
}

void same_minute(const Sop& sop, const Expansion& e, std::vector<bool>& once, Reporter& out) {
  for (std::size_t i = 0; i < e.posts.size();) {
    std::size_t j = i;
    while (j < e.posts.size() && e.posts[j].date == e.posts[i].date &&
           e.posts[j].minute == e.posts[i].minute) {
      ++j;
    }
    if (e.posts[i].minute != k_no_time) {
      const Task& first = sop.tasks[e.posts[i].task];
      for (std::size_t k = i + 1; k < j; ++k) {
        if (e.posts[k].task == e.posts[i].task) {
          continue;  // the same task twice is holiday-collision's business
        }
        const Task& task = sop.tasks[e.posts[k].task];
        if (first_time(once, e.posts[k].task)) {
          out.add(
              "same-minute", task.at->loc,
              trf("{} posts to {} at {} on {}, the same minute as {} (line {})",
                  task_name(sop, task), e.ctx.who(), format_time_of_day(e.posts[k].minute),
                  e.ctx.when(Date{e.posts[k].date}), task_name(sop, first), task_loc(first).line));
        }
      }
    }
    i = j;
  }
}

struct First {
  Date date;
  int minute = -1;  // -1 without `at`
  bool set = false;
};

void sell_before_trust(const Sop& sop, const std::vector<std::uint8_t>& flags, const Expansion& e,
                       std::vector<bool>& once, Reporter& out) {
  std::vector<First> first(sop.tasks.size());
  for (const Occurrence& o : e.occs) {
    const std::size_t i = task_index(sop, o.task);
    if (!(flags[i] & (k_education | k_conversion))) {
      continue;
    }
    First& f = first[i];
    const int minute = o.task->at ? o.task->at->value : -1;
    if (!f.set || std::tie(o.date, minute) < std::tie(f.date, f.minute)) {
      f = First{o.date, minute, true};
    }
  }
  const First* edu = nullptr;
  const Task* edu_task = nullptr;
  for (std::size_t i = 0; i < sop.tasks.size(); ++i) {
    if ((flags[i] & k_education) && first[i].set &&
        (!edu || std::tie(first[i].date, first[i].minute) < std::tie(edu->date, edu->minute))) {
      edu = &first[i];
      edu_task = &sop.tasks[i];
    }
  }
  const std::string in_group = e.ctx.synthetic ? std::string() : " in " + e.ctx.who();
  const auto when = [&](const First& f) {
    return f.minute >= 0 ? e.ctx.when(f.date) + " at " + format_time_of_day(f.minute)
                         : e.ctx.when(f.date);
  };
  for (std::size_t i = 0; i < sop.tasks.size(); ++i) {
    const Task& task = sop.tasks[i];
    const First& f = first[i];
    if (!(flags[i] & k_conversion) || !f.set) {
      continue;
    }
    if (edu) {
      const bool before = f.date < edu->date || (f.date == edu->date && f.minute >= 0 &&
                                                 edu->minute >= 0 && f.minute < edu->minute);
      if (before && first_time(once, i)) {
        out.add("sell-before-trust", task.type.loc,
                trf("conversion {} first runs on {}{}, before the first education task '{}' "
                    "on {}: build trust before selling",
                    task_name(sop, task), when(f), in_group, edu_task->id.value, when(*edu)));
      }
    } else if (first_time(once, i)) {
      out.add("sell-before-trust", task.type.loc,
              trf("conversion {} first runs on {}{}, and no education task runs in the plan: "
                  "build trust before selling",
                  task_name(sop, task), when(f), in_group));
    }
  }
}

// "twice", "3 times".
std::string times(std::size_t n) {
  return n == 2 ? std::string(tr("twice")) : trf("{} times", n);
}

const char* on_holiday_name(OnHoliday h) {
  switch (h) {
    case OnHoliday::keep:
      return "keep";
    case OnHoliday::skip:
      return "skip";
    case OnHoliday::next_workday:
      return "next-workday";
    case OnHoliday::prev_workday:
      return "prev-workday";
  }
  return "keep";
}

void holiday_collision(const Sop& sop, const Expansion& e, std::vector<bool>& once, Reporter& out) {
  // group_occurrences() lists a task's occurrences together, in task order.
  std::vector<std::pair<Date, const Occurrence*>> landed;
  for (std::size_t i = 0; i < e.occs.size();) {
    const Task* task = e.occs[i].task;
    std::size_t j = i;
    bool moved = false;
    while (j < e.occs.size() && e.occs[j].task == task) {
      moved = moved || e.occs[j].moved_from.has_value();
      ++j;
    }
    const std::size_t index = task_index(sop, task);
    if (moved && task->selector) {
      landed.clear();
      for (std::size_t k = i; k < j; ++k) {
        landed.emplace_back(e.occs[k].date, &e.occs[k]);
      }
      // Among equal dates, the moved occurrence comes last: it is the one to name.
      std::sort(landed.begin(), landed.end(), [](const auto& a, const auto& b) {
        return std::make_tuple(a.first, a.second->moved_from.has_value(), a.second) <
               std::make_tuple(b.first, b.second->moved_from.has_value(), b.second);
      });
      for (std::size_t k = 1; k < landed.size(); ++k) {
        const Occurrence& o = *landed[k].second;
        if (landed[k].first != landed[k - 1].first || !o.moved_from) {
          continue;
        }
        // Every occurrence that lands on this date, moved or not.
        std::size_t first = k;
        while (first > 0 && landed[first - 1].first == landed[k].first) {
          --first;
        }
        std::size_t last = k;
        while (last + 1 < landed.size() && landed[last + 1].first == landed[k].first) {
          ++last;
        }
        if (first_time(once, index)) {
          out.add("holiday-collision", task->selector->loc,
                  trf("{} moves its {} occurrence to {} (on_holiday: {}), which already has "
                      "an occurrence of it: {} gets it {} that day",
                      task_name(sop, *task), e.ctx.when(*o.moved_from), e.ctx.when(o.date),
                      on_holiday_name(task->on_holiday), e.ctx.who(), times(last - first + 1)));
        }
        break;
      }
    }
    i = j;
  }
}

void no_education_at_all(const Sop& sop, std::vector<bool>& once, Reporter& out) {
  for (std::size_t i = 0; i < sop.tasks.size(); ++i) {
    const Task& task = sop.tasks[i];
    if (task.type.value == "conversion" && task.selector && first_time(once, i)) {
      out.add("sell-before-trust", task.type.loc,
              trf("conversion {} sells, but the SOP has no education task to build trust "
                  "first",
                  task_name(sop, task)));
    }
  }
}

}  // namespace

ScheduleRules::ScheduleRules(const Sop& sop, const EffectiveLimits& limits, Reporter& out)
    : m_sop(sop),
      m_limits(limits),
      m_out(out),
      m_posts_done(sop.tasks.size(), false),
      m_minute_done(sop.tasks.size(), false),
      m_sell_done(sop.tasks.size(), false),
      m_holiday_done(sop.tasks.size(), false) {
  m_flags = task_flags(sop);
  m_has_education =
      std::any_of(m_flags.begin(), m_flags.end(), [](std::uint8_t f) { return f & k_education; });
  if (!m_has_education) {
    no_education_at_all(sop, m_sell_done, out);
  }
}

void ScheduleRules::visit(const Expansion& e) {
  too_many_posts(m_sop, e, m_limits.max_posts_per_group_per_day, m_posts_done, m_out);
  same_minute(m_sop, e, m_minute_done, m_out);
  if (m_has_education) {
    sell_before_trust(m_sop, m_flags, e, m_sell_done, m_out);
  }
  holiday_collision(m_sop, e, m_holiday_done, m_out);
}

}  // namespace sopctl::lint::detail
