// Phase rules: overlapping and gapped phases, and task days outside every
// phase. Day-numbered phases are compared by day (skipping day 0), dated ones
// by date; a day-numbered task against dated phases is placed with the first
// group's open date.

#include "lint_parts.hpp"

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace sopctl::lint::detail {
namespace {

// A phase's inclusive range on one axis: day indexes (day_index) or Date::days.
struct PhaseSpan {
  int lo = 0;
  int hi = 0;
  const Phase* phase = nullptr;
  std::size_t order = 0;
};

int axis_value(const DayRef& ref) {
  return ref.kind == DayRef::Kind::day ? day_index(ref.day) : ref.date.days;
}

std::string axis_range(bool days, int lo, int hi) {
  if (days) {
    return lo == hi ? trf("day {}", day_from_index(lo))
                    : trf("days {}..{}", day_from_index(lo), day_from_index(hi));
  }
  return lo == hi ? format_date(Date{lo}) : format_date(Date{lo}) + ".." + format_date(Date{hi});
}

std::string phase_range(const Phase& p) {
  const bool days = p.from.kind == DayRef::Kind::day;
  const int a = axis_value(p.from);
  const int b = axis_value(p.to);
  return axis_range(days, std::min(a, b), std::max(a, b));
}

void check_axis(std::vector<PhaseSpan> spans, bool days, Reporter& out) {
  std::stable_sort(spans.begin(), spans.end(), [](const PhaseSpan& a, const PhaseSpan& b) {
    return std::tie(a.lo, a.hi) < std::tie(b.lo, b.hi);
  });
  const PhaseSpan* reach = nullptr;  // the phase that ends last so far
  for (const PhaseSpan& s : spans) {
    if (reach) {
      const Phase& p = *s.phase;
      const Phase& q = *reach->phase;
      if (s.lo <= reach->hi) {
        out.add("phase-overlap", p.loc,
                trf("phase '{}' ({}) overlaps phase '{}' ({})", p.id.value, phase_range(p),
                    q.id.value, phase_range(q)));
      } else if (s.lo > reach->hi + 1) {
        const int n = s.lo - reach->hi - 1;
        out.add(
            "phase-gap", p.loc,
            trf("{} {} in no phase: phase '{}' ends on {} and phase '{}' starts on {}",
                axis_range(days, reach->hi + 1, s.lo - 1), n == 1 ? "lies" : "lie", q.id.value,
                axis_range(days, reach->hi, reach->hi), p.id.value, axis_range(days, s.lo, s.lo)));
      }
    }
    if (!reach || s.hi > reach->hi) {
      reach = &s;
    }
  }
}

bool inside(const Phase& p, const DayRef& value, std::optional<Date> open) {
  if (p.from.kind == value.kind && p.to.kind == value.kind) {
    const int v = axis_value(value);
    const int a = axis_value(p.from);
    const int b = axis_value(p.to);
    return v >= std::min(a, b) && v <= std::max(a, b);
  }
  const auto v = resolve_ref(value, open);
  const auto a = resolve_ref(p.from, open);
  const auto b = resolve_ref(p.to, open);
  if (!v || !a || !b) {
    return true;  // cannot be placed: give it the benefit of the doubt
  }
  return *v >= std::min(*a, *b) && *v <= std::max(*a, *b);
}

std::string phases_list(const Sop& sop) {
  std::string out;
  std::size_t shown = 0;
  for (const Phase& p : sop.phases) {
    if (shown == 6) {
      out += ", ...";
      break;
    }
    out += fmt::format("{}{}: {}", shown == 0 ? "" : ", ", p.id.value, phase_range(p));
    ++shown;
  }
  return out;
}

}  // namespace

void phase_rules(const Sop& sop, Reporter& out) {
  std::vector<PhaseSpan> day_spans;
  std::vector<PhaseSpan> date_spans;
  for (std::size_t i = 0; i < sop.phases.size(); ++i) {
    const Phase& p = sop.phases[i];
    if (p.from.kind != p.to.kind) {
      continue;  // a mixed phase has no fixed length; nothing to compare
    }
    const int a = axis_value(p.from);
    const int b = axis_value(p.to);
    PhaseSpan s{std::min(a, b), std::max(a, b), &p, i};
    (p.from.kind == DayRef::Kind::day ? day_spans : date_spans).push_back(s);
  }
  check_axis(std::move(day_spans), true, out);
  check_axis(std::move(date_spans), false, out);
}

void outside_phase(const SopSchedule& schedule, Reporter& out) {
  const Sop& sop = *schedule.sop;
  if (sop.phases.empty()) {
    return;
  }
  const std::optional<Date> open =
      schedule.reps.empty() ? std::nullopt : schedule.reps.front().open;
  for (const Task& task : sop.tasks) {
    if (!task.selector || task.selector->kind == Selector::Kind::every) {
      continue;
    }
    const Selector& sel = *task.selector;
    std::vector<DayRef> values;
    for (int d : sel.days) {
      values.push_back(DayRef{DayRef::Kind::day, d, Date{}, {}});
    }
    for (Date d : sel.dates) {
      values.push_back(DayRef{DayRef::Kind::date, 0, d, {}});
    }
    std::vector<std::string> outside;
    for (const DayRef& v : values) {
      const bool in_some = std::any_of(sop.phases.begin(), sop.phases.end(),
                                       [&](const Phase& p) { return inside(p, v, open); });
      if (!in_some) {
        outside.push_back(v.kind == DayRef::Kind::day ? std::to_string(v.day)
                                                      : format_date(v.date));
      }
    }
    if (outside.empty()) {
      continue;
    }
    const bool days = values.front().kind == DayRef::Kind::day;
    std::string list;
    for (std::size_t i = 0; i < outside.size() && i < 5; ++i) {
      list += (i == 0 ? "" : ", ") + outside[i];
    }
    if (outside.size() > 5) {
      list += trf(" and {} more", outside.size() - 5);
    }
    const char* noun = days ? (outside.size() == 1 ? "day " : "days ") : "";
    out.add("outside-phase", sel.loc,
            trf("{} runs on {}{}, outside every phase ({})", task_name(sop, task), noun, list,
                phases_list(sop)));
  }
}

}  // namespace sopctl::lint::detail
