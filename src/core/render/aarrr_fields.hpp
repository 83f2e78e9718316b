#pragma once
// Wording and number formats shared by the AARRR renderers (counts and
// percentages come from funnel_fields.hpp).

#include <sopctl/aarrr/aarrr.hpp>
#include <sopctl/render/aarrr_render.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sopctl::render {

// 1234.5 -> "1,234.50"; null -> "-".
std::string format_money(std::optional<double> v);
// 0.3333 -> "0.33" (two significant digits below 0.01: "0.0042"); null -> "-".
std::string format_ratio(std::optional<double> v);
// A cohort as the table and Markdown show it: "2026-12-01" (day, week: its
// Monday) or "2026-12" (month).
std::string cohort_label(Date start, aarrr::CohortUnit unit);
// Period k's column heading: "D1", "W1", "M1".
std::string period_label(std::size_t k, aarrr::CohortUnit unit);
// "events.csv: 1,234 rows, 40 users; data to 2026-12-31 (Asia/Shanghai)".
std::string aarrr_summary(const aarrr::Result& r, const AarrrRenderOptions& opts);
// "on day N after acquisition" or "on or after day N".
std::string retention_rule(const aarrr::Result& r);
// "from 3 purchases".
std::string purchases(std::uint64_t n);
// "2 of 5" for a retention day.
std::string of_users(std::uint64_t part, std::uint64_t whole);

}  // namespace sopctl::render
