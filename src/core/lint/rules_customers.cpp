// Rules of customer SOPs (docs/spec.md §5.2): the customer mass-send quota,
// and, with the customers file and event log, targets and `until` events
// that match nothing.

#include "lint_parts.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/text/did_you_mean.hpp>

#include <fmt/format.h>

#include <map>
#include <set>

namespace sopctl::lint::detail {

void customer_mass_quota(const Sop& sop, const Calendar& calendar, Reporter& out) {
  if (sop.kind != SopKind::customer) {
    return;
  }
  // A customer added on a Monday stands for every customer: the days are
  // the same, only on_holiday can move them.
  Group probe;
  probe.id.value = "(example customer)";
  probe.open = Located<Date>{Date::from_ymd(2026, 1, 5)};
  const auto span = group_span(sop, probe);
  if (!span || !calendar.covers(span->first, span->second)) {
    return;
  }
  std::map<std::int32_t, std::vector<const Task*>> by_day;
  for (const Occurrence& o :
       group_occurrences(sop, probe, calendar, span->first - 31, span->second + 31)) {
    if (o.task->channel.value == "mass") {
      by_day[o.date.days].push_back(o.task);
    }
  }
  const int max = sop.limits.customer_mass_sends;
  std::set<const Task*> reported;
  for (const auto& [days, tasks] : by_day) {
    if (static_cast<int>(tasks.size()) <= max) {
      continue;
    }
    const Task* over = tasks[static_cast<std::size_t>(max)];
    if (!reported.insert(over).second) {
      continue;
    }
    const int diff = Date{days} - probe.open->value;
    const int day = diff >= 0 ? diff + 1 : diff;
    out.add("customer-mass-quota", task_loc(*over),
            trf("{} mass-sends to each customer on day {}, the {} mass send that day; "
                "WeCom allows {} a day per customer (limits.customer_mass_sends)",
                task_name(sop, *over), day,
                tasks.size() == 2 ? std::string(tr("second")) : trf("{}th", tasks.size()), max));
  }
}

void customer_targets(const std::vector<Sop>& sops, const Customers& customers, Reporter& out) {
  std::set<std::string> carried;
  for (const Customer& c : customers.customers) {
    carried.insert(c.tags.begin(), c.tags.end());
  }
  const std::vector<std::string> known(carried.begin(), carried.end());
  for (const Sop& sop : sops) {
    if (sop.kind != SopKind::customer) {
      continue;
    }
    for (const auto* list : {&sop.target.tags_any, &sop.target.tags_all}) {
      for (const Located<std::string>& tag : *list) {
        if (carried.count(tag.value) > 0) {
          continue;
        }
        const std::string guess = text::closest_match(tag.value, known);
        out.add("target-tag-unused", tag.loc,
                trf("no customer of {} carries tag '{}'{}", customers.path, tag.value,
                    guess.empty() ? "" : trf(" (did you mean '{}'?)", guess)));
      }
    }
  }
}

void until_events_seen(const std::vector<Sop>& sops, const CustomerEvents& events, Reporter& out) {
  std::set<std::string> seen;
  for (const auto& [customer, firsts] : events.first) {
    for (const auto& [event, time] : firsts) {
      seen.insert(event);
    }
  }
  for (const Sop& sop : sops) {
    for (const Located<std::string>& u : sop.until) {
      if (seen.count(u.value) == 0) {
        out.add("until-event-unseen", u.loc,
                trf("no row of the event log has event '{}': SOP '{}' would never end "
                    "for a customer who did it",
                    u.value, sop.id.value));
      }
    }
  }
}

}  // namespace sopctl::lint::detail
