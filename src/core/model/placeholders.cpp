#include <sopctl/model/placeholders.hpp>

namespace sopctl {

const std::vector<std::string>& known_placeholders() {
  static const std::vector<std::string> k_names = {"day",        "date",  "weekday", "group",
                                                   "group_name", "owner", "phase",   "phase_name",
                                                   "countdown",  "letter"};
  return k_names;
}

}  // namespace sopctl
