#pragma once
// Wording shared by the compare renderers (text, Markdown, CSV, JSON, HTML).
// Private to render/.

#include <sopctl/compare/compare.hpp>

#include <optional>
#include <string>

namespace sopctl::render::compare_text {

// "view → order".
std::string chain(const compare::Comparison& c);
// "Compare view → order by variant (control: A), users as the unit".
std::string heading(const compare::Comparison& c);
// The variant's value, or "(none)".
std::string name_of(const compare::Arm& a);
// A difference of rates in percentage points: "+1.2pp"; null: "-".
std::string pp(std::optional<double> v);
// A relative change: "+12.5%"; null: "-".
std::string signed_percent(std::optional<double> v);
// "0.0312", "<0.0001", or "-".
std::string p_text(std::optional<double> p);
// "control", or the test that gave the p-value.
std::string test_text(const compare::Arm& a);

}  // namespace sopctl::render::compare_text
