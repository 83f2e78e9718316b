// first_events(): each user's first time of each event, for the `until` of
// customer SOPs (docs/spec.md §5.2).

#include <sopctl/events/events.hpp>

#include <algorithm>

namespace sopctl::events {

CustomerEvents first_events(const EventLog& log) {
  CustomerEvents out;
  for (std::size_t u = 0; u < log.user_count(); ++u) {
    std::vector<std::pair<std::string, std::int64_t>> firsts;
    for (std::size_t i = log.user_begin[u]; i < log.user_begin[u + 1]; ++i) {
      const Event& e = log.events[i];
      const std::string name(log.names[e.name]);
      auto it = std::find_if(firsts.begin(), firsts.end(),
                             [&](const auto& p) { return p.first == name; });
      if (it == firsts.end()) {
        firsts.emplace_back(name, e.ts);
      } else if (e.ts < it->second) {
        it->second = e.ts;
      }
    }
    out.first.emplace(std::string(log.users[u]), std::move(firsts));
  }
  return out;
}

}  // namespace sopctl::events
