#include "compare_fields.hpp"
#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

namespace sopctl::render::compare_text {

std::string chain(const compare::Comparison& c) {
  std::string out;
  for (const std::string& s : c.steps) {
    out += (out.empty() ? "" : " → ") + s;
  }
  return out;
}

std::string heading(const compare::Comparison& c) {
  std::string control;
  for (const compare::Arm& a : c.arms) {
    if (a.control) {
      control = a.value;
    }
  }
  return trf("Compare {} by {} (control: {}){}", chain(c), c.by, control,
             c.cluster.empty() ? std::string(tr(", users as the unit"))
                               : trf(", {0} as the unit (Welch's t-test on {0} rates)", c.cluster));
}

std::string name_of(const compare::Arm& a) {
  return a.value.empty() ? "(none)" : a.value;
}

std::string pp(std::optional<double> v) {
  return v ? fmt::format("{:+.1f}pp", *v * 100) : "-";
}

std::string signed_percent(std::optional<double> v) {
  return v ? fmt::format("{:+.1f}%", *v * 100) : "-";
}

std::string p_text(std::optional<double> p) {
  if (!p) {
    return "-";
  }
  return *p < 0.0001 ? std::string("<0.0001") : fmt::format("{:.4f}", *p);
}

std::string test_text(const compare::Arm& a) {
  if (a.control) {
    return "control";
  }
  return a.test == "z"        ? "z-test"
         : a.test == "fisher" ? "Fisher exact"
         : a.test == "welch"  ? "Welch t"
                              : "-";
}

}  // namespace sopctl::render::compare_text
