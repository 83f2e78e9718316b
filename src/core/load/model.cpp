// Look-ups on the loaded model (sop.hpp, roster.hpp).

#include <sopctl/roster.hpp>
#include <sopctl/sop.hpp>

#include <algorithm>

namespace sopctl {

// Parameters are named apart from the members they would shadow (Sop::id).
const Phase* Sop::find_phase(const std::string& phase_id) const {
  auto it = std::find_if(phases.begin(), phases.end(),
                         [&](const Phase& p) { return p.id.value == phase_id; });
  return it == phases.end() ? nullptr : &*it;
}

bool Staff::has_role(const std::string& role) const {
  return std::any_of(roles.begin(), roles.end(), [&](const auto& r) { return r.value == role; });
}

const Staff* Roster::find_staff(const std::string& staff_id) const {
  auto it = std::find_if(staff.begin(), staff.end(),
                         [&](const Staff& s) { return s.id.value == staff_id; });
  return it == staff.end() ? nullptr : &*it;
}

const Group* Roster::find_group(const std::string& group_id) const {
  auto it = std::find_if(groups.begin(), groups.end(),
                         [&](const Group& g) { return g.id.value == group_id; });
  return it == groups.end() ? nullptr : &*it;
}

}  // namespace sopctl
