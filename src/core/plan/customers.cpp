// Customer SOPs in the plan: each targeted customer is planned like a group
// opening on the customer's anchor date (added, paid, expires, ...), so day
// numbers, phases, `every` and on_holiday mean what they mean for groups.

#include "customer_parts.hpp"
#include "occurrences.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/limits.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::plan_detail {
namespace {

// The stand-in group of one customer.
Group as_group(const Customer& c, Date anchor) {
  Group g;
  g.id.value = c.id;
  g.open = Located<Date>{anchor};
  g.owner.value = c.owner;
  return g;
}

// Who does a customer task: the customer's owner (owner, or no owner), a
// staff id, or every staff member holding the role.
std::vector<const Staff*> customer_staff(const std::string& who, const Customer& c,
                                         const Roster& roster) {
  std::vector<const Staff*> out;
  if (who.empty() || who == "owner") {
    if (const Staff* s = roster.find_staff(c.owner)) {
      out.push_back(s);
    }
    return out;
  }
  if (const Staff* s = roster.find_staff(who)) {
    out.push_back(s);
    return out;
  }
  for (const Staff& s : roster.staff) {
    if (s.has_role(who)) {
      out.push_back(&s);
    }
  }
  return out;
}

// When a customer SOP reaches this customer: targeted, with an anchor date.
std::optional<Date> anchor_of(const CustomerSop& run, const Customer& c) {
  if (!run.sop->target.matches(c.tags, c.owner)) {
    return std::nullopt;
  }
  return run.anchor < c.dates.size() ? c.dates[run.anchor] : std::nullopt;
}

}  // namespace

std::vector<CustomerSop> customer_sops(const std::vector<Sop>& sops, const Customers* customers) {
  std::vector<CustomerSop> out;
  for (const Sop& sop : sops) {
    if (sop.kind != SopKind::customer) {
      continue;
    }
    if (customers == nullptr) {
      throw Error("SOP '" + sop.id.value +
                      tr("' is a customer SOP (kind: customer): it needs a customers file "
                         "(--customers customers.csv)"),
                  sop.id.loc);
    }
    const std::string& column = sop.anchor_column.value;
    const auto index = customers->date_column(column);
    if (!index) {
      const auto bad = std::find_if(customers->not_dates.begin(), customers->not_dates.end(),
                                    [&](const auto& p) { return p.first == column; });
      throw Error(bad != customers->not_dates.end()
                      ? trf("SOP '{}' counts from column '{}' of {}, which holds "
                            "something other than dates ({})",
                            sop.id.value, column, customers->path, bad->second)
                      : trf("SOP '{}' counts from column '{}', which {} lacks (its date "
                            "columns: {})",
                            sop.id.value, column, customers->path,
                            fmt::join(customers->date_columns, ", ")),
                  sop.anchor_column.loc);
    }
    out.push_back(CustomerSop{&sop, *index});
  }
  return out;
}

void include_customer_spans(const std::vector<CustomerSop>& runs, const Customers& customers,
                            std::optional<std::pair<Date, Date>>& span) {
  for (const CustomerSop& run : runs) {
    // Without dated tasks the span is the same in customer days for everyone.
    const Group probe = as_group(Customer{}, Date{0});
    const auto relative = group_span(*run.sop, probe);
    if (!relative) {
      throw Error(
          trf("customer SOP '{}' has tasks without an end date (an `every` without phase or "
              "from/to); give --month, --from/--to or --date",
              run.sop->id.value));
    }
    const bool dated = std::any_of(run.sop->tasks.begin(), run.sop->tasks.end(),
                                   [&](const Task& t) { return is_dated_task(*run.sop, t); });
    for (const Customer& c : customers.customers) {
      const auto anchor = anchor_of(run, c);
      if (!anchor) {
        continue;
      }
      std::pair<Date, Date> s{*anchor + relative->first.days, *anchor + relative->second.days};
      if (dated) {
        s = *group_span(*run.sop, as_group(c, *anchor));
      }
      if (!span) {
        span = s;
      } else {
        span->first = std::min(span->first, s.first);
        span->second = std::max(span->second, s.second);
      }
    }
  }
}

void expand_customers(const std::vector<CustomerSop>& runs, const Customers& customers,
                      const CustomerEvents* events, const Roster& roster, const Calendar& calendar,
                      Date from, Date to, const std::string& staff, std::vector<PlanItem>& items,
                      std::size_t& text_bytes) {
  for (const CustomerSop& run : runs) {
    const Sop& sop = *run.sop;
    std::vector<std::string> until;
    for (const auto& u : sop.until) {
      until.push_back(u.value);
    }
    for (const Customer& c : customers.customers) {
      const auto anchor = anchor_of(run, c);
      if (!anchor) {
        continue;
      }
      const Group g = as_group(c, *anchor);
      const std::optional<std::int64_t> ended =
          events != nullptr && !until.empty() ? events->first_of(c.id, until) : std::nullopt;
      const Staff* owner = roster.find_staff(c.owner);
      const Task* staff_for = nullptr;
      std::vector<const Staff*> people;
      for (const Occurrence& occ : group_occurrences(sop, g, calendar, from, to)) {
        const Task& task = *occ.task;
        const int time = task.at ? task.at->value : -1;
        const std::int64_t start =
            static_cast<std::int64_t>(occ.date.days) * 86400 + (time >= 0 ? time * 60 : 0);
        if (ended && start > *ended) {
          continue;  // the customer converted: the SOP is over for them
        }
        if (staff_for != &task) {
          people = customer_staff(task.owner.value, c, roster);
          staff_for = &task;
        }
        if (!staff.empty() && std::none_of(people.begin(), people.end(),
                                           [&](const Staff* s) { return s->id.value == staff; })) {
          continue;
        }
        PlanItem item;
        item.date = occ.date;
        item.moved_from = occ.moved_from;
        item.time = time;
        item.duration_minutes = task.duration_minutes;
        item.customer = &c;
        item.sop = &sop;
        item.task = &task;
        item.day = day_of_date(*anchor, occ.date);
        for (const Phase& p : sop.phases) {
          const auto a = resolve(p.from, g);
          const auto b = resolve(p.to, g);
          if (a && b && occ.date >= *a && occ.date <= *b) {
            item.phase = &p;
            break;
          }
        }
        if (item.phase == nullptr && !task.phase.value.empty()) {
          item.phase = sop.find_phase(task.phase.value);
        }
        item.staff = people;
        item.group_owner = owner;
        item.script = render_placeholders(task.script.value, item);
        text_bytes += item.script.size() + c.name.size();
        if (items.size() >= limits::k_max_plan_items ||
            text_bytes > limits::k_max_plan_text_bytes) {
          throw Error(
              trf("the plan has more than {} items or {} MiB of scripts (the "
                  "limit); narrow it with --month, --from/--to or --staff",
                  limits::k_max_plan_items, limits::k_max_plan_text_bytes >> 20));
        }
        items.push_back(std::move(item));
      }
    }
  }
}

}  // namespace sopctl::plan_detail
