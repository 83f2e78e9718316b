#include <sopctl/plan/plan.hpp>
#include <sopctl/text/did_you_mean.hpp>
#include <sopctl/text/strings.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/hash.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/limits.hpp>

#include <fmt/format.h>

#include "customer_parts.hpp"
#include "occurrences.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace sopctl {

using plan_detail::resolve;

namespace {

void include_date(std::optional<std::pair<Date, Date>>& span, Date d) {
  if (!span) {
    span = {d, d};
  } else {
    span->first = std::min(span->first, d);
    span->second = std::max(span->second, d);
  }
}

const Phase* phase_of(const Sop& sop, const Task& task, const Group& group, Date d) {
  for (const Phase& p : sop.phases) {
    const auto a = resolve(p.from, group);
    const auto b = resolve(p.to, group);
    if (a && b && d >= *a && d <= *b) {
      return &p;
    }
  }
  return task.phase.value.empty() ? nullptr : sop.find_phase(task.phase.value);
}

void check_request(const Roster& roster, const PlanRequest& request) {
  std::vector<std::string> group_ids;
  for (const Group& g : roster.groups) {
    group_ids.push_back(g.id.value);
  }
  for (const std::string& id : request.groups) {
    if (!roster.find_group(id)) {
      throw Error("--group " + id +
                  trf(": no such group in the roster{}", text::did_you_mean_suffix(id, group_ids)));
    }
  }
  if (!request.staff.empty() && !roster.find_staff(request.staff)) {
    throw Error("--staff " + request.staff +
                trf(": no such staff member in the roster{}", roster.staff_hint(request.staff)));
  }
}

}  // namespace

// Who does the task in this group: `owner`/`assistant` are the group's own
// people; a staff id names one person; any other role is looked up among the
// group's people first, then the whole roster.
std::vector<const Staff*> resolve_staff(const std::string& who, const Group& group,
                                        const Roster& roster) {
  std::vector<const Staff*> out;
  auto add = [&](const std::string& id) {
    if (const Staff* s = roster.find_staff(id)) {
      if (std::find(out.begin(), out.end(), s) == out.end()) {
        out.push_back(s);
      }
    }
  };
  if (who.empty()) {
    return out;
  }
  if (who == "owner") {
    add(group.owner.value);
    return out;
  }
  if (who == "assistant" || who == "assistants") {
    for (const auto& a : group.assistants) {
      add(a.value);
    }
    return out;
  }
  if (roster.find_staff(who)) {
    add(who);
    return out;
  }
  std::vector<std::string> people;
  people.push_back(group.owner.value);
  for (const auto& a : group.assistants) {
    people.push_back(a.value);
  }
  for (const auto& id : people) {
    const Staff* s = roster.find_staff(id);
    if (s && s->has_role(who)) {
      add(id);
    }
  }
  if (out.empty()) {
    for (const Staff& s : roster.staff) {
      if (s.has_role(who)) {
        add(s.id.value);
      }
    }
  }
  return out;
}

// The group's display name: its roster name, else the SOP's group_name
// pattern ("小丸子美妆研讨所{letter}"), else its id.
std::string render_group_name(const Sop& sop, const Group& g, const Staff* owner, Date fallback) {
  if (!g.name.value.empty()) {
    return g.name.value;
  }
  if (!sop.setup.group_name.value.empty()) {
    PlanItem probe;
    probe.group = &g;
    probe.sop = &sop;
    probe.group_owner = owner;
    probe.date = g.open ? g.open->value : fallback;
    probe.group_name = g.id.value;
    return render_placeholders(sop.setup.group_name.value, probe);
  }
  return g.id.value;
}

std::vector<Occurrence> group_occurrences(const Sop& sop, const Group& group,
                                          const Calendar& calendar, Date from, Date to,
                                          const GroupLife* life) {
  std::vector<Occurrence> out;
  const Date lo = from - k_move_margin_days;
  const Date hi = to + k_move_margin_days;
  for (const Task& task : sop.tasks) {
    const bool bounded_by_life = life != nullptr && is_dated_task(sop, task);
    for (Date d : plan_detail::task_dates(sop, task, group, calendar, lo, hi)) {
      const std::optional<Date> landed =
          plan_detail::apply_on_holiday(task.on_holiday, d, calendar);
      if (!landed || *landed < from || *landed > to) {
        continue;
      }
      if ((bounded_by_life && !life->contains(*landed)) ||
          std::binary_search(group.skip.begin(), group.skip.end(), *landed)) {
        continue;
      }
      Occurrence occ;
      occ.date = *landed;
      occ.task = &task;
      if (*landed != d) {
        occ.moved_from = d;
      }
      out.push_back(occ);
    }
  }
  return out;
}

namespace {

// group_span() and pinned_span(): with `pinned_only`, an unbounded `every`
// task adds the bound it has (if any) instead of making the span unknown.
std::optional<std::pair<Date, Date>> span_of(const Sop& sop, const Group& group, bool pinned_only) {
  std::optional<std::pair<Date, Date>> span = plan_detail::phases_span(sop, group);
  const bool has_phases = span.has_value();
  for (const Task& task : sop.tasks) {
    if (!task.selector) {
      continue;
    }
    const Selector& sel = *task.selector;
    switch (sel.kind) {
      case Selector::Kind::day:
      case Selector::Kind::days:
        if (group.open) {
          for (int day : sel.days) {
            include_date(span, plan_detail::date_of_day(group.open->value, day));
          }
        }
        break;
      case Selector::Kind::date:
      case Selector::Kind::dates:
        for (Date d : sel.dates) {
          include_date(span, d);
        }
        break;
      case Selector::Kind::every: {
        const Phase* p = task.phase.value.empty() ? nullptr : sop.find_phase(task.phase.value);
        std::optional<Date> a;
        std::optional<Date> b;
        if (p) {
          a = resolve(p->from, group);
          b = resolve(p->to, group);
        } else {
          a = task.from ? resolve(*task.from, group) : std::nullopt;
          b = task.to ? resolve(*task.to, group) : std::nullopt;
          if (!task.from && !task.to && has_phases) {
            break;  // bounded by the phases, already in the span
          }
        }
        if ((!a || !b) && !pinned_only) {
          return std::nullopt;
        }
        for (const auto& d : {a, b}) {
          if (d) {
            include_date(span, *d);
          }
        }
        break;
      }
    }
  }
  return span;
}

}  // namespace

std::optional<std::pair<Date, Date>> group_span(const Sop& sop, const Group& group) {
  return span_of(sop, group, false);
}

std::optional<std::pair<Date, Date>> pinned_span(const Sop& sop, const Group& group) {
  return span_of(sop, group, true);
}

Plan expand_plan(const std::vector<Sop>& sops, const Roster& roster, const Calendar& calendar,
                 const PlanRequest& request) {
  check_request(roster, request);
  std::map<std::string, const Sop*> by_id;
  for (const Sop& s : sops) {
    by_id.emplace(s.id.value, &s);
  }

  std::vector<const Group*> groups;
  for (const Group& g : roster.groups) {
    if (request.groups.empty() || std::find(request.groups.begin(), request.groups.end(),
                                            g.id.value) != request.groups.end()) {
      groups.push_back(&g);
    }
  }
  // The SOPs and the life of each selected group, computed once.
  std::vector<std::pair<std::vector<const Sop*>, GroupLife>> runs;
  for (const Group* g : groups) {
    std::vector<const Sop*> group_sops = sops_run_by(*g, sops);
    for (const auto& id : g->sop_ids()) {
      if (by_id.count(id.value) == 0) {
        throw Error(
            "group '" + g->id.value +
                trf("' uses SOP '{}{}", id.value, tr("', which is not among the loaded SOP files")),
            id.loc);
      }
    }
    const GroupLife life = group_life(group_sops, *g);
    runs.emplace_back(std::move(group_sops), life);
  }

  // Customers are planned when no --group narrows the plan to groups.
  const std::vector<plan_detail::CustomerSop> customer_runs =
      request.groups.empty() ? plan_detail::customer_sops(sops, request.customers)
                             : std::vector<plan_detail::CustomerSop>{};

  Plan plan;
  const bool whole_plan = !(request.from && request.to);
  if (!whole_plan) {
    plan.from = *request.from;
    plan.to = *request.to;
  } else {
    std::optional<std::pair<Date, Date>> whole;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      const Group* g = groups[gi];
      const auto& [group_sops, life] = runs[gi];
      for (const Sop* sop : group_sops) {
        auto span = group_span(*sop, *g);
        if (!span) {
          throw Error("SOP '" + sop->id.value + "' (group '" + g->id.value +
                      tr("') has tasks without an end date (an `every` without phase or from/to); "
                         "give --month, --from/--to or --date"));
        }
        // A dated SOP reaches the group only during its life.
        const Date a = life.first ? std::max(span->first, *life.first) : span->first;
        const Date b = life.last ? std::min(span->second, *life.last) : span->second;
        if (a <= b) {
          const std::string who =
              "a task of group '" + g->id.value + "' (SOP '" + sop->id.value + "')";
          require_in_date_range(a, who);
          require_in_date_range(b, who);
          include_date(whole, a);
          include_date(whole, b);
        }
      }
    }
    if (!customer_runs.empty()) {
      plan_detail::include_customer_spans(customer_runs, *request.customers, whole);
    }
    if (!whole) {
      throw Error(
          trf("nothing to plan: no groups in the roster{}",
              (roster.paths.empty() ? std::string() : " (" + text::join(roster.paths) + ")")));
    }
    plan.from = whole->first;
    plan.to = whole->second;
  }
  require_in_date_range(plan.from, "the plan");
  require_in_date_range(plan.to, "the plan");
  if (plan.from > plan.to) {
    throw Error("--from " + format_date(plan.from) +
                trf(" is after --to {}", format_date(plan.to)));
  }
  if (plan.to - plan.from >= limits::k_max_plan_days) {
    throw Error(
        trf("the plan spans {} days ({} to {}), over the limit of {}; give a "
            "shorter --month or --from/--to",
            plan.to - plan.from + 1, format_date(plan.from), format_date(plan.to),
            limits::k_max_plan_days));
  }
  calendar.require_covers(plan.from, plan.to);
  // The whole plan includes occurrences that on_holiday moves past either
  // end of the groups' spans, so expand over a margin and then fit the range
  // to what was found.
  const Date expand_from = whole_plan ? plan.from - k_move_margin_days : plan.from;
  const Date expand_to = whole_plan ? plan.to + k_move_margin_days : plan.to;

  std::size_t text_bytes = 0;  // rendered scripts, for limits::k_max_plan_text_bytes
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    const Group* g = groups[gi];
    const auto& [group_sops, life] = runs[gi];
    const Staff* owner = roster.find_staff(g->owner.value);
    // The group's name comes from its first SOP's setup when the roster has none.
    const std::string group_name = render_group_name(*group_sops.front(), *g, owner, plan.from);
    for (const Sop* sop_ptr : group_sops) {
      const Sop& sop = *sop_ptr;
      const Task* staff_for = nullptr;
      std::vector<const Staff*> staff;
      for (const Occurrence& occ :
           group_occurrences(sop, *g, calendar, expand_from, expand_to, &life)) {
        const Task& task = *occ.task;
        if (staff_for != &task) {
          staff = resolve_staff(task.owner.value, *g, roster);
          staff_for = &task;
        }
        if (!request.staff.empty() && std::none_of(staff.begin(), staff.end(), [&](const Staff* s) {
              return s->id.value == request.staff;
            })) {
          continue;
        }
        PlanItem item;
        item.date = occ.date;
        item.moved_from = occ.moved_from;
        item.time = task.at ? task.at->value : -1;
        item.duration_minutes = task.duration_minutes;
        item.group = g;
        item.sop = &sop;
        item.task = &task;
        if (g->open) {
          item.day = plan_detail::day_of_date(g->open->value, item.date);
        }
        item.phase = phase_of(sop, task, *g, item.date);
        item.staff = staff;
        item.group_owner = owner;
        item.group_name = group_name;
        item.script = render_placeholders(task.script.value, item);
        text_bytes += item.script.size() + item.group_name.size();
        if (plan.items.size() >= limits::k_max_plan_items ||
            text_bytes > limits::k_max_plan_text_bytes) {
          throw Error(
              trf("the plan has more than {} items or {} MiB of scripts (the "
                  "limit); narrow it with --month, --from/--to, --group or --staff",
                  limits::k_max_plan_items, limits::k_max_plan_text_bytes >> 20));
        }
        plan.items.push_back(std::move(item));
      }
    }
  }
  if (!customer_runs.empty()) {
    plan_detail::expand_customers(customer_runs, *request.customers, request.customer_events,
                                  roster, calendar, expand_from, expand_to, request.staff,
                                  plan.items, text_bytes);
  }
  if (whole_plan && !plan.items.empty()) {
    for (const PlanItem& item : plan.items) {
      plan.from = std::min(plan.from, item.date);
      plan.to = std::max(plan.to, item.date);
    }
    require_in_date_range(plan.to, "a task moved off a holiday");
  }
  // Sorted through an index: items are large, and 100,000 customers make
  // hundreds of thousands of them.
  std::vector<std::uint32_t> order(plan.items.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = static_cast<std::uint32_t>(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const PlanItem& a = plan.items[x];
    const PlanItem& b = plan.items[y];
    return std::tie(a.date, a.time, target_id(a), a.task->id.value) <
           std::tie(b.date, b.time, target_id(b), b.task->id.value);
  });
  std::vector<PlanItem> sorted;
  sorted.reserve(plan.items.size());
  for (const std::uint32_t i : order) {
    sorted.push_back(std::move(plan.items[i]));
  }
  plan.items = std::move(sorted);
  assign_keys(plan.items);
  return plan;
}

}  // namespace sopctl
