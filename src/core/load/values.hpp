#pragma once
// Private helpers of the loaders: checks of single values (ids, dates, day
// numbers, ranges, placeholders) that report a Diagnostic when they fail.

#include "yaml_walk.hpp"

#include <sopctl/base/date.hpp>
#include <sopctl/model/sop.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sopctl::load {

// Day numbers beyond this many days from the open date are surely a typo
// (ten years), and would let a range like "1..999999999" exhaust memory.
inline constexpr int k_max_day = 3660;
// Days or dates that one selector's list may name, ranges expanded and
// repeats counted: a list of a million "1..3660" would otherwise fill memory.
inline constexpr std::size_t k_max_selector_days = 10'000;

// Findings go into `diags`; used by both the YAML and the CSV loaders.
void report_to(Diagnostics& diags, SourceLoc loc, std::string_view rule, std::string message);

// Ids seen so far in one file; reports duplicate-id at a second occurrence.
class IdRegistry {
public:
  explicit IdRegistry(std::string what) : m_what(std::move(what)) {}
  // False (after reporting) when `id` was seen before. Empty ids are ignored.
  bool add(Diagnostics& diags, const Located<std::string>& id);

private:
  std::string m_what;                           // "task", "phase", ...
  std::unordered_map<std::string, int> m_seen;  // id -> line of its first definition
};

// bad-id unless `id` matches [a-z0-9][a-z0-9_-]*; `what` is "SOP", "task", "phase".
bool check_slug_id(Diagnostics& diags, const Located<std::string>& id, std::string_view what);
// bad-id unless `id` is non-empty without whitespace; `what` is "group", "staff".
bool check_name_id(Diagnostics& diags, const Located<std::string>& id, std::string_view what);

// The date, or bad-date saying what is wrong with it.
std::optional<Date> check_date(Diagnostics& diags, const Located<std::string>& text);
// Why `text` is not a date ("use YYYY-MM-DD", "2026-02 has 28 days").
std::string date_problem(std::string_view text);

// The day number, or day-zero / bad-value (beyond k_max_day).
std::optional<int> check_day(Diagnostics& diags, int day, const SourceLoc& loc);

// "A..B" split at "..", both sides trimmed; nullopt without "..".
std::optional<std::pair<std::string_view, std::string_view>> split_range(std::string_view text);

// Adds the days of "A..B" (0 skipped) to `out`. The range's own findings
// (not numbers, day 0 at an end, backwards) are reported. `text` has "..".
void expand_day_range(Diagnostics& diags, const Located<std::string>& text, std::vector<int>& out);
// Adds the dates of "A..B" to `out`, reporting bad ends and backwards ranges.
void expand_date_range(Diagnostics& diags, const Located<std::string>& text,
                       std::vector<Date>& out);

// A day number or a date (`from`, `to` of phases and tasks); wrong-type,
// day-zero or bad-date otherwise.
std::optional<DayRef> read_day_ref(Reader& r, const Field& f);

// undefined-placeholder for each `{name}` in `text` that the renderer does
// not know. Points at the placeholder itself when it can be found in the file.
// `{` without its `}` is one too; names that could be group variables go to
// r.placeholder_sink() when there is one (validate_references judges them).
void check_placeholders(Reader& r, const Located<std::string>& text);

// bad-value when a phase or task bound ends before it starts.
void check_bounds_order(Diagnostics& diags, const DayRef& from, const DayRef& to,
                        std::string_view what);

}  // namespace sopctl::load
