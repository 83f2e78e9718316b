// Plan item keys (docs/spec.md §5.4): stable ids a done log can refer to,
// and the ICS UID without its domain.

#include <sopctl/base/hash.hpp>
#include <sopctl/plan/plan.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace sopctl {

// Keys in item order. Two items of one SOP, group (or customer), task and
// scheduled date (a task listed twice for a day) get -2, -3, ...
void assign_keys(std::vector<PlanItem>& items) {
  // (hash, item) sorted: equal hashes end up together in item order, which
  // gives their -2, -3 without a hash table of every item.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> hashes(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const PlanItem& item = items[i];
    Fnv1a h;
    h.add(item.sop != nullptr ? item.sop->id.value : "");
    h.add(item.customer != nullptr ? "customer:" + item.customer->id
          : item.group != nullptr  ? item.group->id.value
                                   : std::string());
    h.add(item.task != nullptr ? item.task->id.value : "");
    h.add(format_date(item.moved_from.value_or(item.date)));
    hashes[i] = {h.value(), static_cast<std::uint32_t>(i)};
  }
  std::sort(hashes.begin(), hashes.end());
  for (std::size_t i = 0; i < hashes.size(); ++i) {
    const auto [hash, index] = hashes[i];
    const bool repeat = i > 0 && hashes[i - 1].first == hash;
    int n = 1;
    if (repeat) {
      const std::string& before = items[hashes[i - 1].second].key;
      const std::size_t dash = before.find('-');
      n = dash == std::string::npos ? 2 : std::stoi(before.substr(dash + 1)) + 1;
    }
    items[index].key = n == 1 ? fmt::format("{:016x}", hash) : fmt::format("{:016x}-{}", hash, n);
  }
}

}  // namespace sopctl
