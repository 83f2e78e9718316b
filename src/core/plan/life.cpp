// A group's life and which tasks it bounds (docs/spec.md §5.1).

#include <sopctl/plan/plan.hpp>

#include "occurrences.hpp"

#include <algorithm>

namespace sopctl {

bool is_dated_task(const Sop& sop, const Task& task) {
  if (!task.selector) {
    return false;
  }
  switch (task.selector->kind) {
    case Selector::Kind::day:
    case Selector::Kind::days:
      return false;
    case Selector::Kind::date:
    case Selector::Kind::dates:
      return true;
    case Selector::Kind::every:
      break;
  }
  auto dated = [](const DayRef& r) { return r.kind == DayRef::Kind::date; };
  if (!task.phase.value.empty()) {
    const Phase* p = sop.find_phase(task.phase.value);
    return p == nullptr || dated(p->from) || dated(p->to);
  }
  if (task.from || task.to) {
    return (task.from && dated(*task.from)) || (task.to && dated(*task.to)) ||
           !(task.from && task.to);
  }
  // Unbounded: over the SOP's phases when it has any, else over the plan.
  return sop.phases.empty() ||
         std::any_of(sop.phases.begin(), sop.phases.end(),
                     [&](const Phase& p) { return dated(p.from) || dated(p.to); });
}

std::vector<const Sop*> sops_run_by(const Group& group, const std::vector<Sop>& sops) {
  std::vector<const Sop*> out;
  for (const auto& id : group.sop_ids()) {
    const auto it = std::find_if(sops.begin(), sops.end(),
                                 [&](const Sop& s) { return s.id.value == id.value; });
    if (it != sops.end()) {
      out.push_back(&*it);
    }
  }
  return out;
}

GroupLife group_life(const std::vector<const Sop*>& sops, const Group& group) {
  std::vector<std::optional<std::pair<int, int>>> days;
  for (const Sop* sop : sops) {
    days.push_back(sop->relative_days());
  }
  return group_life(days, group);
}

GroupLife group_life(const std::vector<std::optional<std::pair<int, int>>>& relative_days,
                     const Group& group) {
  GroupLife life;
  std::optional<std::pair<int, int>> days;
  for (const auto& d : relative_days) {
    if (d) {
      days =
          days ? std::pair{std::min(days->first, d->first), std::max(days->second, d->second)} : *d;
    }
  }
  if (group.open) {
    const Date open = group.open->value;
    life.first = days ? plan_detail::date_of_day(open, days->first) : open;
    if (days) {
      life.last = plan_detail::date_of_day(open, days->second);
    }
  }
  if (group.close) {
    life.last = group.close->value;
  }
  return life;
}

}  // namespace sopctl
