// validate_references(): checks that need every loaded file at once.

#include "values.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/load/loader.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace sopctl {
namespace {

using load::report_to;

// "first defined in FILE:LINE:COL", or "on line N" within the same file.
std::string first_defined(const SourceLoc& first, const SourceLoc& here) {
  if (first.file == here.file) {
    return trf("first defined on line {}", first.line);
  }
  return trf("first defined in {}", first.str());
}

// Reports the second and later occurrences of an id that was first seen in
// another file; the loaders already reported repeats within one file, and a
// file given twice is not a mistake in its content.
template <class T>
void check_duplicates(const std::vector<T>& items, std::string_view what, Diagnostics& diags) {
  std::map<std::string, const T*> first;
  for (const auto& item : items) {
    if (item.id.value.empty()) {
      continue;
    }
    auto [it, inserted] = first.emplace(item.id.value, &item);
    if (!inserted && it->second->id.loc.file != item.id.loc.file) {
      report_to(diags, item.id.loc, "duplicate-id",
                trf("duplicate {} id '{}' ({})", what, item.id.value,
                    first_defined(it->second->id.loc, item.id.loc)));
    }
  }
}

void check_group_sops(const std::vector<Sop>& sops, const Roster& roster, Diagnostics& diags) {
  if (sops.empty()) {
    return;  // `check roster.yaml` alone cannot know the SOPs
  }
  std::vector<std::string> ids;
  for (const auto& s : sops) {
    ids.push_back(s.id.value);
  }
  for (const auto& g : roster.groups) {
    for (const auto& s : g.sops) {
      const auto it = std::find_if(sops.begin(), sops.end(),
                                   [&](const Sop& sop) { return sop.id.value == s.value; });
      if (it != sops.end() && it->kind == SopKind::customer) {
        report_to(diags, s.loc, "unknown-sop",
                  trf("group '{}' runs SOP '{}', a customer SOP (kind: customer): "
                      "customer SOPs follow the customers of --customers, not groups",
                      g.id.value, s.value));
        continue;
      }
      if (s.value.empty() || it != sops.end()) {
        continue;
      }
      report_to(diags, s.loc, "unknown-sop",
                trf("group '{}' uses SOP '{}', which is not among the loaded SOP files{}",
                    g.id.value, s.value, load::did_you_mean_suffix(s.value, ids)));
    }
  }
}

void check_group_staff(const Roster& roster, Diagnostics& diags) {
  if (roster.staff.empty()) {
    return;  // a CSV roster alone has no staff to check against
  }
  auto check = [&](const Group& g, const Located<std::string>& person, std::string_view role) {
    if (person.value.empty() || roster.find_staff(person.value)) {
      return;
    }
    report_to(diags, person.loc, "unknown-staff",
              trf("group '{}' {} '{}' is not in the staff list{}", g.id.value, role, person.value,
                  roster.staff_hint(person.value)));
  };
  for (const auto& g : roster.groups) {
    check(g, g.owner, "owner");
    for (const auto& a : g.assistants) {
      check(g, a, "assistant");
    }
  }
}

void check_task_owners(const std::vector<Sop>& sops, const Roster& roster, Diagnostics& diags) {
  if (roster.staff.empty()) {
    return;
  }
  std::vector<std::string> roles = {"owner", "assistant"};
  std::set<std::string> seen(roles.begin(), roles.end());
  for (const auto& s : roster.staff) {
    for (const auto& r : s.roles) {
      if (seen.insert(r.value).second) {
        roles.push_back(r.value);
      }
    }
  }
  std::vector<std::string> candidates = roles;
  for (const auto& s : roster.staff) {
    candidates.push_back(s.id.value);
  }
  for (const auto& sop : sops) {
    for (const auto& task : sop.tasks) {
      const std::string& owner = task.owner.value;
      if (owner.empty() || seen.count(owner) > 0 || roster.find_staff(owner)) {
        continue;
      }
      report_to(diags, task.owner.loc, "unknown-role",
                trf("task '{}' owner '{}' is neither a role ({}) nor a staff id{}", task.id.value,
                    owner, load::join(roles), load::did_you_mean_suffix(owner, candidates)));
    }
  }
}

bool counts_group_days(const Sop& sop) {
  auto is_day = [](const std::optional<DayRef>& r) { return r && r->kind == DayRef::Kind::day; };
  for (const auto& p : sop.phases) {
    if (p.from.kind == DayRef::Kind::day || p.to.kind == DayRef::Kind::day) {
      return true;
    }
  }
  for (const auto& t : sop.tasks) {
    const bool day_selector = t.selector && (t.selector->kind == Selector::Kind::day ||
                                             t.selector->kind == Selector::Kind::days);
    if (day_selector || is_day(t.from) || is_day(t.to)) {
      return true;
    }
  }
  return false;
}

// A {name} that is not built in must be a variable of every group running
// the SOP (docs/spec.md §5.1). Without a roster nobody defines it.
void check_group_variables(const std::vector<Sop>& sops, const Roster& roster, Diagnostics& diags) {
  for (const Sop& sop : sops) {
    std::vector<const Group*> running;
    for (const Group& g : roster.groups) {
      if (g.runs(sop.id.value)) {
        running.push_back(&g);
      }
    }
    int reported = 0;
    for (const PlaceholderUse& use : sop.deferred_placeholders) {
      if (use.name == "countdown") {
        continue;
      }
      const bool customer_name = use.name == "customer_name" || use.name == "customer";
      if (sop.kind == SopKind::customer) {
        if (!customer_name && ++reported <= 20) {
          report_to(diags, use.loc, "undefined-placeholder",
                    trf("undefined placeholder '{{{}}}': a customer SOP knows the "
                        "built-in names and {{customer}}, {{customer_name}}",
                        use.name));
        }
        continue;
      }
      if (customer_name) {
        if (++reported <= 20) {
          report_to(diags, use.loc, "undefined-placeholder",
                    trf("'{{{}}}' is for customer SOPs (kind: customer); a group SOP's "
                        "message goes to a whole group",
                        use.name));
        }
        continue;
      }
      const auto lacking = std::find_if(running.begin(), running.end(), [&](const Group* g) {
        return g->var(use.name) == nullptr;
      });
      if (!running.empty() && lacking == running.end()) {
        continue;
      }
      if (++reported > 20) {
        continue;
      }
      const std::string why =
          running.empty() ? trf("neither built in nor a group variable (define it in the roster: "
                                "vars: {{{}: ...}})",
                                use.name)
                          : trf("not built in, and group '{}' has no vars: {{{}: ...}}",
                                (*lacking)->id.value, use.name);
      report_to(diags, use.loc, "undefined-placeholder",
                trf("undefined placeholder '{{{}}}': {}", use.name, why));
    }
    if (reported > 20) {
      report_to(diags, sop.id.loc, "undefined-placeholder",
                trf("and {} more undefined placeholders in SOP '{}'", reported - 20, sop.id.value));
    }
  }
}

void check_open_dates(const std::vector<Sop>& sops, const Roster& roster, Diagnostics& diags) {
  for (const auto& g : roster.groups) {
    if (g.open) {
      continue;
    }
    auto sop = std::find_if(sops.begin(), sops.end(), [&](const Sop& s) {
      return g.runs(s.id.value) && counts_group_days(s);
    });
    if (sop != sops.end()) {
      report_to(diags, g.loc, "no-open-date",
                trf("group '{}' has no 'open' date, but SOP '{}' counts days from it", g.id.value,
                    sop->id.value));
    }
  }
}

}  // namespace

void validate_references(const std::vector<Sop>& sops, const Roster& roster, Diagnostics& diags) {
  std::map<std::string, const Sop*> first_sop;
  for (const auto& sop : sops) {
    if (sop.id.value.empty()) {
      continue;
    }
    auto [it, inserted] = first_sop.emplace(sop.id.value, &sop);
    if (!inserted && it->second->path != sop.path) {
      report_to(diags, sop.id.loc, "duplicate-id",
                trf("duplicate SOP id '{}' ({})", sop.id.value,
                    first_defined(it->second->id.loc, sop.id.loc)));
    }
  }
  check_duplicates(roster.staff, tr("staff"), diags);
  check_duplicates(roster.groups, tr("group"), diags);
  check_group_sops(sops, roster, diags);
  check_group_staff(roster, diags);
  check_task_owners(sops, roster, diags);
  check_open_dates(sops, roster, diags);
  check_group_variables(sops, roster, diags);
}

}  // namespace sopctl
