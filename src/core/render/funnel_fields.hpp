#pragma once
// Wording and number formats shared by the funnel renderers.

#include "report_format.hpp"

#include <sopctl/funnel/funnel.hpp>
#include <sopctl/render/funnel_render.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sopctl::render {

// "Largest drop: signup → order, 63.9% of users lost (21,406)." or "".
std::string largest_drop_sentence(const funnel::Funnel& f);
// "Conversion view → order: 5.2%."
std::string conversion_sentence(const funnel::Funnel& f);
// Both sentences that apply, one per line.
std::string summary_sentences(const funnel::Funnel& f);
// "Goal of camp-7d: order at 20.0% of view; actual 5.2%, below the goal."
std::string goal_sentence(const funnel::GoalCheck& g, const funnel::Funnel& f);
// "view → join_group → signup → order".
std::string step_chain(const funnel::Funnel& f);
// "ordered, window 7d; 1,000,000 rows, 240,311 users" or "stage counts".
std::string input_summary(const funnel::Result& r);

}  // namespace sopctl::render
