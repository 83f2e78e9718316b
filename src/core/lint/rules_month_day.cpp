// month-day-missing: `every: {month_day: [29, 30, 31]}` and the months of the
// plan that have no such day (the engine skips them, docs/spec.md §1.2).

#include "lint_parts.hpp"

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <tuple>

namespace sopctl::lint::detail {
namespace {

// The dates an `every` task may run on in one context, before the selector.
std::optional<std::pair<Date, Date>> task_range(const Sop& sop, const Task& task,
                                                const Expansion& e) {
  std::optional<Date> from = e.from;
  std::optional<Date> to = e.to;
  const Phase* phase = task.phase.value.empty() ? nullptr : sop.find_phase(task.phase.value);
  if (phase) {
    from = resolve_ref(phase->from, e.ctx.open);
    to = resolve_ref(phase->to, e.ctx.open);
  } else if (task.from || task.to) {
    if (task.from) {
      from = resolve_ref(*task.from, e.ctx.open);
    }
    if (task.to) {
      to = resolve_ref(*task.to, e.ctx.open);
    }
  } else if (!sop.phases.empty()) {
    std::optional<Date> lo;
    std::optional<Date> hi;
    for (const Phase& p : sop.phases) {
      const auto a = resolve_ref(p.from, e.ctx.open);
      const auto b = resolve_ref(p.to, e.ctx.open);
      if (a && b) {
        lo = lo ? std::min({*lo, *a, *b}) : std::min(*a, *b);
        hi = hi ? std::max({*hi, *a, *b}) : std::max(*a, *b);
      }
    }
    from = lo;
    to = hi;
  }
  if (!from || !to) {
    return std::nullopt;
  }
  const Date a = std::max(*from, e.from);
  const Date b = std::min(*to, e.to);
  if (a > b) {
    return std::nullopt;
  }
  return std::make_pair(a, b);
}

std::string month_name(int year, int month) {
  return fmt::format("{:04}-{:02}", year, month);
}

std::string and_join(const std::vector<std::string>& items, std::size_t limit) {
  std::string out;
  const std::size_t shown = std::min(items.size(), limit);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) {
      out += (i + 1 == shown && shown == items.size()) ? " and " : ", ";
    }
    out += items[i];
  }
  if (shown < items.size()) {
    out += trf(" and {} more", items.size() - shown);
  }
  return out;
}

// Months in [a, b] that lack `day` although the range covers where it would be.
std::vector<std::string> months_lacking(int day, Date a, Date b) {
  std::vector<std::string> out;
  int y = a.year();
  int m = a.month();
  const auto lo = std::make_tuple(a.year(), a.month(), a.day());
  const auto hi = std::make_tuple(b.year(), b.month(), b.day());
  while (std::make_tuple(y, m) <= std::make_tuple(b.year(), b.month())) {
    const auto would_be = std::make_tuple(y, m, day);
    if (day > days_in_month(y, m) && would_be >= lo && would_be <= hi) {
      out.push_back(month_name(y, m));
    }
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return out;
}

}  // namespace

MonthDayRule::MonthDayRule(const Sop& sop, Reporter& out)
    : m_sop(sop), m_out(out), m_done(sop.tasks.size(), false) {
  for (std::size_t i = 0; i < sop.tasks.size(); ++i) {
    const Task& task = sop.tasks[i];
    if (task.selector && task.selector->kind == Selector::Kind::every &&
        task.selector->every == EveryKind::month_days &&
        std::any_of(task.selector->month_days.begin(), task.selector->month_days.end(),
                    [](int d) { return d >= 29 && d <= 31; })) {
      m_tasks.push_back(i);
    }
  }
}

void MonthDayRule::visit(const Expansion& e) {
  const Sop& sop = m_sop;
  for (std::size_t i : m_tasks) {
    const Task& task = sop.tasks[i];
    if (m_done[i]) {
      continue;
    }
    std::vector<int> days;
    for (int d : task.selector->month_days) {
      if (d >= 29 && d <= 31 && std::find(days.begin(), days.end(), d) == days.end()) {
        days.push_back(d);
      }
    }
    std::sort(days.begin(), days.end());
    const auto range = task_range(sop, task, e);
    if (!range) {
      continue;
    }
    std::vector<std::pair<int, std::vector<std::string>>> missing;
    for (int d : days) {
      auto months = months_lacking(d, range->first, range->second);
      if (!months.empty()) {
        missing.emplace_back(d, std::move(months));
      }
    }
    if (missing.empty()) {
      continue;
    }
    std::string message;
    if (missing.size() == 1) {
      const bool one = missing[0].second.size() == 1;
      message = trf("{} runs on month day {}, which {} {}: {} skip{} it", task_name(sop, task),
                    missing[0].first, and_join(missing[0].second, 6), one ? "lacks" : "lack",
                    one ? "that month" : "those months", one ? "s" : "");
    } else {
      // Per month, the days it lacks: "2026-02 (no 29, 30, 31), 2026-04 (no 31)".
      std::vector<std::pair<std::string, std::vector<int>>> by_month;
      for (const auto& [d, months] : missing) {
        for (const std::string& m : months) {
          auto it = std::find_if(by_month.begin(), by_month.end(),
                                 [&](const auto& entry) { return entry.first == m; });
          if (it == by_month.end()) {
            by_month.emplace_back(m, std::vector<int>{});
            it = by_month.end() - 1;
          }
          it->second.push_back(d);
        }
      }
      std::sort(by_month.begin(), by_month.end());
      std::vector<std::string> parts;
      for (const auto& [m, ds] : by_month) {
        parts.push_back(trf("{} (no {})", m, fmt::join(ds, ", ")));
      }
      std::vector<std::string> day_names;
      for (int d : days) {
        day_names.push_back(std::to_string(d));
      }
      message = trf("{} runs on month days {}, which some months lack and skip: {}",
                    task_name(sop, task), and_join(day_names, 3), and_join(parts, 6));
    }
    if (!e.ctx.date_only) {
      message += trf(" (plan of {})", e.ctx.who());
    }
    m_out.add("month-day-missing", task.selector->loc, std::move(message));
    m_done[i] = true;
  }
}

}  // namespace sopctl::lint::detail
