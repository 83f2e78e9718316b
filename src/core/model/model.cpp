// Look-ups on the loaded model (sop.hpp, roster.hpp).

#include <sopctl/model/roster.hpp>
#include <sopctl/model/sop.hpp>
#include <sopctl/text/did_you_mean.hpp>

#include <algorithm>

namespace sopctl {

// Parameters are named apart from the members they would shadow (Sop::id).
const Phase* Sop::find_phase(const std::string& phase_id) const {
  auto it = std::find_if(phases.begin(), phases.end(),
                         [&](const Phase& p) { return p.id.value == phase_id; });
  return it == phases.end() ? nullptr : &*it;
}

std::optional<std::pair<int, int>> Sop::relative_days() const {
  std::optional<std::pair<int, int>> span;
  auto add = [&](int day) {
    if (day == 0) {
      return;
    }
    if (!span) {
      span = {day, day};
    } else {
      span->first = std::min(span->first, day);
      span->second = std::max(span->second, day);
    }
  };
  auto add_ref = [&](const DayRef& ref) {
    if (ref.kind == DayRef::Kind::day) {
      add(ref.day);
    }
  };
  for (const Phase& p : phases) {
    add_ref(p.from);
    add_ref(p.to);
  }
  for (const Task& task : tasks) {
    if (task.from) {
      add_ref(*task.from);
    }
    if (task.to) {
      add_ref(*task.to);
    }
    if (task.selector) {
      for (int day : task.selector->days) {
        add(day);
      }
    }
  }
  return span;
}

bool Staff::has_role(const std::string& role) const {
  return std::any_of(roles.begin(), roles.end(), [&](const auto& r) { return r.value == role; });
}

bool Group::runs(const std::string& sop_id) const {
  if (sops.empty()) {
    return sop.value == sop_id;  // a group built by hand (tests) names one SOP
  }
  return std::any_of(sops.begin(), sops.end(), [&](const auto& s) { return s.value == sop_id; });
}

std::vector<Located<std::string>> Group::sop_ids() const {
  return sops.empty() ? std::vector<Located<std::string>>{sop} : sops;
}

const Located<std::string>* Group::var(const std::string& var_name) const {
  for (const auto& [key, value] : vars) {
    if (key == var_name) {
      return &value;
    }
  }
  return nullptr;
}

const Staff* Roster::find_staff(const std::string& staff_id) const {
  auto it = std::find_if(staff.begin(), staff.end(),
                         [&](const Staff& s) { return s.id.value == staff_id; });
  return it == staff.end() ? nullptr : &*it;
}

std::string Roster::staff_hint(const std::string& word) const {
  std::vector<std::string> ids;
  for (const Staff& s : staff) {
    if (!word.empty() && s.name.value == word) {
      return " ('" + word + "' is the name of staff '" + s.id.value + "'; give the id)";
    }
    ids.push_back(s.id.value);
  }
  return text::did_you_mean_suffix(word, ids);
}

const Group* Roster::find_group(const std::string& group_id) const {
  auto it = std::find_if(groups.begin(), groups.end(),
                         [&](const Group& g) { return g.id.value == group_id; });
  return it == groups.end() ? nullptr : &*it;
}

}  // namespace sopctl
