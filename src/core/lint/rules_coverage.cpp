// calendar-coverage: check and plan agree (docs/spec.md §5.1). The span
// is the plan engine's own: each SOP's group_span, cut to the group's life.

#include "lint_parts.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/plan/plan.hpp>

#include <fmt/format.h>

namespace sopctl::lint::detail {

void calendar_coverage(const std::vector<Sop>& sops, const Roster& roster, const Calendar& calendar,
                       Reporter& out) {
  if (calendar.covers_all_years()) {
    return;
  }
  DaysMemo days_of;
  for (const Group& g : roster.groups) {
    const std::vector<const Sop*> run = sops_run_by(g, sops);
    if (run.empty()) {
      continue;
    }
    const GroupLife life = group_life(days_of(run), g);
    for (const Sop* sop : run) {
      const auto span = group_span(*sop, g);
      if (!span) {
        continue;  // an unbounded plan: `plan` asks for a range, nothing to measure
      }
      const Date a = life.first ? std::max(span->first, *life.first) : span->first;
      const Date b = life.last ? std::min(span->second, *life.last) : span->second;
      if (a > b || calendar.covers(a, b)) {
        continue;
      }
      const Date reaches = calendar.covers(a, a) ? b : a;
      out.add("calendar-coverage", g.loc,
              trf("group '{}' ({}) is planned {} to {}, but calendar '{}' does not "
                  "cover {}: give a calendar file for that year",
                  g.id.value, sop->id.value, format_date(a), format_date(b), calendar.name(),
                  reaches.year()));
      break;
    }
  }
}

}  // namespace sopctl::lint::detail
