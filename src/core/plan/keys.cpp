// Plan item keys (docs/spec.md §5.4): stable ids a done log can refer to,
// and the ICS UID without its domain.

#include <sopctl/base/hash.hpp>
#include <sopctl/plan/plan.hpp>

#include <fmt/format.h>

#include <unordered_map>

namespace sopctl {

// Keys in item order. Two items of one SOP, group (or customer), task and
// scheduled date (a task listed twice for a day) get -2, -3, ...
void assign_keys(std::vector<PlanItem>& items) {
  std::unordered_map<std::uint64_t, int> seen;
  for (PlanItem& item : items) {
    Fnv1a h;
    h.add(item.sop != nullptr ? item.sop->id.value : "");
    h.add(item.customer != nullptr ? "customer:" + item.customer->id
          : item.group != nullptr  ? item.group->id.value
                                   : std::string());
    h.add(item.task != nullptr ? item.task->id.value : "");
    h.add(format_date(item.moved_from.value_or(item.date)));
    const int n = ++seen[h.value()];
    item.key = n == 1 ? fmt::format("{:016x}", h.value()) : fmt::format("{:016x}-{}", h.value(), n);
  }
}

}  // namespace sopctl
