#pragma once
// Wording and number formats shared by the funnel renderers.

#include <sopctl/funnel/funnel.hpp>
#include <sopctl/render/funnel_render.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sopctl::render {

// 231596 -> "231,596".
std::string format_count(std::uint64_t n);
// 0.37031 -> "37.0%"; null -> "-".
std::string format_percent(std::optional<double> rate);
// Seconds -> "45s", "12m 30s", "2h 03m", "3d 4h"; null -> "-".
std::string format_duration(std::optional<double> seconds);
// "7d", "36h", "90m", "none".
std::string format_window(std::int64_t seconds);
// A Markdown table cell: '|' escaped, line breaks as spaces (funnel and aarrr md).
std::string markdown_cell(std::string_view s);

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
std::string input_summary(const funnel::Result& r, const FunnelRenderOptions& opts);

}  // namespace sopctl::render
