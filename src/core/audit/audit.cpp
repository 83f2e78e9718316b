// run_audit(): planned items against done records (docs/spec.md §5.4).

#include <sopctl/audit/audit.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/text/did_you_mean.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace sopctl::audit {
namespace {

constexpr std::int64_t k_day = 86400;

// The items of one group (or customer) and task, in time order.
using Slot = std::vector<std::size_t>;

class Matcher {
public:
  Matcher(const Plan& plan, const std::vector<Sop>& sops, const Roster& roster,
          const Customers* customers, const std::string& path)
      : m_plan(plan),
        m_sops(sops),
        m_roster(roster),
        m_customers(customers),
        m_path(path),
        m_done(plan.items.size(), false) {
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
      const PlanItem& item = plan.items[i];
      m_by_key.emplace(item.key, i);
      m_slots[slot_key(slot_target(item), item.task->id.value)].push_back(i);
      if (item.group != nullptr) {
        m_names.emplace(item.group_name, item.group->id.value);
      }
    }
    for (auto& [key, slot] : m_slots) {
      std::stable_sort(slot.begin(), slot.end(), [&](std::size_t a, std::size_t b) {
        return item_start(plan.items[a]) < item_start(plan.items[b]);
      });
    }
  }

  // The group id a record names (by id or display name).
  std::string group_of(const DoneRecord& r) const {
    if (m_roster.find_group(r.group) != nullptr) {
      return r.group;
    }
    if (auto it = m_names.find(r.group); it != m_names.end()) {
      return it->second;
    }
    std::vector<std::string> ids;
    for (const Group& g : m_roster.groups) {
      if (g.name.value == r.group) {
        return g.id.value;
      }
      ids.push_back(g.id.value);
    }
    throw Error(trf("{}:{}: no group '{}' in the roster (by id or name){}", m_path, r.line, r.group,
                    text::did_you_mean_suffix(r.group, ids)));
  }

  // The slot target of a customer record: "customer:" and the id the record
  // names (by id or name).
  std::string customer_of(const DoneRecord& r) const {
    if (m_customers == nullptr) {
      throw Error(
          trf("{}:{}: the record names customer '{}', but no customers file was "
              "given (--customers)",
              m_path, r.line, r.customer));
    }
    const Customer* c = m_customers->find(r.customer);
    if (c == nullptr) {
      const auto by_name =
          std::find_if(m_customers->customers.begin(), m_customers->customers.end(),
                       [&](const Customer& x) { return x.name == r.customer; });
      if (by_name == m_customers->customers.end()) {
        throw Error(trf("{}:{}: no customer '{}' in {} (by id or name)", m_path, r.line, r.customer,
                        m_customers->path));
      }
      c = &*by_name;
    }
    return "customer:" + c->id;
  }

  // The task id of a customer record among the customer SOPs' tasks.
  std::string customer_task_of(const DoneRecord& r) const {
    std::vector<std::string> ids;
    for (const Sop& sop : m_sops) {
      if (sop.kind != SopKind::customer) {
        continue;
      }
      for (const Task& t : sop.tasks) {
        if (t.id.value == r.task || t.title.value == r.task) {
          return t.id.value;
        }
        ids.push_back(t.id.value);
      }
    }
    throw Error(trf("{}:{}: no customer SOP has task '{}' (by id or title){}", m_path, r.line,
                    r.task, text::did_you_mean_suffix(r.task, ids)));
  }

  // The task id a record names (by id or title) among the tasks of the
  // group's SOPs.
  std::string task_of(const DoneRecord& r, const std::string& group) const {
    const Group* g = m_roster.find_group(group);
    std::vector<std::string> ids;
    for (const Sop* sop : sops_run_by(*g, m_sops)) {
      for (const Task& t : sop->tasks) {
        if (t.id.value == r.task || t.title.value == r.task) {
          return t.id.value;
        }
        ids.push_back(t.id.value);
      }
    }
    throw Error(trf("{}:{}: group {} runs no task '{}' (by id or title){}", m_path, r.line, group,
                    r.task, text::did_you_mean_suffix(r.task, ids)));
  }

  // The item a record is for, or none: unplanned (or a duplicate).
  std::optional<std::size_t> match(const DoneRecord& r, const std::string& group,
                                   const std::string& task, bool& duplicate) {
    duplicate = false;
    if (!r.key.empty()) {
      const auto it = m_by_key.find(r.key);
      if (it == m_by_key.end()) {
        throw Error(
            trf("{}:{}: no planned item has key {} between {} and {}; keys come from `sopctl plan "
                "--format csv` (last column) or json",
                m_path, r.line, r.key, format_date(m_plan.from), format_date(m_plan.to)));
      }
      if (m_done[it->second]) {
        duplicate = true;
        return std::nullopt;
      }
      m_done[it->second] = true;
      return it->second;
    }
    const auto slot = m_slots.find(slot_key(group, task));
    if (slot == m_slots.end()) {
      return std::nullopt;
    }
    const Date day{static_cast<std::int32_t>(floor_div(r.done_at, k_day))};
    std::optional<std::size_t> earlier;
    for (const std::size_t i : slot->second) {
      const PlanItem& item = m_plan.items[i];
      if (item.date == day) {
        if (!m_done[i]) {
          m_done[i] = true;
          return i;
        }
      } else if (!m_done[i] && item_start(item) <= r.done_at) {
        earlier = i;  // the latest unmatched earlier one
      }
    }
    if (earlier) {
      m_done[*earlier] = true;
      return earlier;
    }
    return std::nullopt;
  }

  static std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
  }

  // "A" for a group item, "customer:c01" for a customer's.
  static std::string slot_target(const PlanItem& item) {
    return item.customer != nullptr ? "customer:" + item.customer->id : item.group->id.value;
  }

private:
  static std::string slot_key(const std::string& group, const std::string& task) {
    return group + '\n' + task;
  }

  const Plan& m_plan;
  const std::vector<Sop>& m_sops;
  const Roster& m_roster;
  const Customers* m_customers;
  const std::string& m_path;
  std::vector<bool> m_done;
  std::unordered_map<std::string, std::size_t> m_by_key;
  std::unordered_map<std::string, Slot> m_slots;
  std::unordered_map<std::string, std::string> m_names;  // group display name -> id
};

Status status_of(const PlanItem& item, std::optional<std::int64_t> done_at, std::int64_t grace,
                 std::int64_t as_of) {
  const std::int64_t start = item_start(item);
  // The last moment that still counts as on time.
  const std::int64_t deadline = item.time < 0 ? start + k_day - 1 : start + grace;
  if (done_at) {
    return *done_at <= deadline ? Status::on_time : Status::late;
  }
  // An all-day item can still be done until its day ends.
  const bool due = item.time < 0 ? as_of > deadline : start <= as_of;
  return due ? Status::missed : Status::pending;
}

void add(Counts& c, Status s) {
  ++c.planned;
  switch (s) {
    case Status::on_time:
      ++c.on_time;
      break;
    case Status::late:
      ++c.late;
      break;
    case Status::missed:
      ++c.missed;
      break;
    case Status::pending:
      ++c.pending;
      break;
  }
}

struct RowKey {
  std::string value;
  std::string label;
};

std::vector<RowKey> row_keys(const PlanItem& item, By by) {
  switch (by) {
    case By::staff: {
      std::vector<RowKey> keys;
      for (const Staff* s : item.staff) {
        keys.push_back({s->id.value, s->name.value});
      }
      if (keys.empty()) {
        keys.push_back({"(nobody)", ""});
      }
      return keys;
    }
    case By::group:
      return {{target_id(item), display_name(item)}};
    case By::task:
      return {{item.task->id.value, item.task->title.value}};
    case By::day:
      return {{format_date(item.date), ""}};
  }
  return {};
}

}  // namespace

std::int64_t item_start(const PlanItem& item) {
  return static_cast<std::int64_t>(item.date.days) * k_day + (item.time >= 0 ? item.time * 60 : 0);
}

Report run_audit(const Plan& plan, const std::vector<Sop>& sops, const Roster& roster,
                 const Customers* customers, const DoneLog& log, const Options& options) {
  Report report;
  report.options = options;
  // Records in done_at order (file order among equal times).
  std::vector<std::size_t> order(log.records.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return log.records[a].done_at < log.records[b].done_at;
  });
  std::int64_t latest = std::numeric_limits<std::int64_t>::min();
  for (const DoneRecord& r : log.records) {
    latest = std::max(latest, r.done_at);
  }
  report.as_of = options.as_of         ? *options.as_of
                 : log.records.empty() ? static_cast<std::int64_t>(options.to.days + 1) * k_day - 1
                                       : latest;
  const std::int64_t range_first = static_cast<std::int64_t>(options.from.days) * k_day;
  const std::int64_t range_last = static_cast<std::int64_t>(plan.to.days + 1) * k_day - 1;

  Matcher matcher(plan, sops, roster, customers, log.path);
  std::vector<std::optional<std::size_t>> done_by(plan.items.size());  // record index
  std::unordered_set<std::string> seen;
  for (const std::size_t ri : order) {
    const DoneRecord& r = log.records[ri];
    if (r.done_at > report.as_of) {
      continue;  // not yet done as of --as-of
    }
    std::string group;
    std::string task;
    if (r.key.empty() && !r.group.empty()) {
      group = matcher.group_of(r);
      task = matcher.task_of(r, group);
    } else if (r.key.empty()) {
      group = matcher.customer_of(r);
      task = matcher.customer_task_of(r);
    }
    // The same record twice (an export run twice, a row pasted twice).
    if (!seen.insert(fmt::format("{}\n{}\n{}\n{}\n{}", r.key, group, r.customer, task, r.done_at))
             .second) {
      ++report.duplicates;
      continue;
    }
    bool duplicate = false;
    const auto item = matcher.match(r, group, task, duplicate);
    if (item) {
      done_by[*item] = ri;
      continue;
    }
    if (duplicate) {
      ++report.duplicates;
    } else if (r.done_at < range_first || r.done_at > range_last ||
               Date{static_cast<std::int32_t>(Matcher::floor_div(r.done_at, k_day))} > options.to) {
      ++report.out_of_range;
    } else {
      report.unplanned.push_back(Unplanned{r, group, task});
    }
  }

  std::map<std::string, Row> rows;
  for (const PlanItem& item : plan.items) {
    const std::size_t i = static_cast<std::size_t>(&item - plan.items.data());
    if (item.date < options.from || item.date > options.to) {
      continue;
    }
    AuditedItem audited;
    audited.item = &item;
    if (done_by[i]) {
      const DoneRecord& r = log.records[*done_by[i]];
      audited.done_at = r.done_at;
      audited.done_line = r.line;
    }
    audited.status = status_of(item, audited.done_at, options.grace_seconds, report.as_of);
    add(report.totals, audited.status);
    for (const RowKey& k : row_keys(item, options.by)) {
      Row& row = rows[k.value];
      row.value = k.value;
      row.label = k.label;
      add(row.counts, audited.status);
    }
    report.items.push_back(audited);
  }
  for (const Unplanned& u : report.unplanned) {
    ++report.totals.unplanned;
    const DoneRecord& r = u.record;
    const Group* g = roster.find_group(u.group);
    const Customer* cu = customers != nullptr && u.group.rfind("customer:", 0) == 0
                             ? customers->find(u.group.substr(9))
                             : nullptr;
    RowKey k;
    switch (options.by) {
      case By::staff: {
        const std::string id = !r.staff.empty() ? r.staff
                               : g != nullptr   ? g->owner.value
                               : cu != nullptr  ? cu->owner
                                                : "";
        const Staff* s = roster.find_staff(id);
        k = {id.empty() ? "(nobody)" : id, s != nullptr ? s->name.value : ""};
        break;
      }
      case By::group:
        k = cu != nullptr
                ? RowKey{cu->id, cu->name}
                : RowKey{u.group, g != nullptr && !g->name.value.empty() ? g->name.value : ""};
        break;
      case By::task:
        k = {u.task, ""};
        break;
      case By::day:
        k = {format_date(Date{static_cast<std::int32_t>(Matcher::floor_div(r.done_at, k_day))}),
             ""};
        break;
    }
    Row& row = rows[k.value];
    row.value = k.value;
    if (row.label.empty()) {
      row.label = k.label;
    }
    ++row.counts.unplanned;
  }
  for (auto& [value, row] : rows) {
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace sopctl::audit
