#pragma once
// The ceilings that keep any input, however large or hostile, from making
// sopctl run for minutes or fill the machine's memory. Each one is far above
// what a real SOP, roster or calendar needs; going over it is a fatal Error
// naming the file and line (docs/reference.md, "Limits").

#include <cstddef>
#include <cstdint>

namespace sopctl::limits {

// SOP, roster (YAML or CSV), calendar and config files are read whole.
inline constexpr std::size_t k_max_input_bytes = 8u << 20;  // 8 MiB
// Collections inside collections in one YAML file (yaml-cpp parses recursively).
inline constexpr int k_max_yaml_depth = 64;
// What aliases (*name) may add to a YAML file when expanded: every node
// counts 1 and every scalar its length in bytes ("billion laughs").
inline constexpr std::uint64_t k_max_alias_expansion = 1'000'000;
// Tasks in one SOP file.
inline constexpr std::size_t k_max_tasks = 10'000;
// Groups in all roster files together.
inline constexpr std::size_t k_max_groups = 20'000;
// Days in one plan (--from..--to, or the span of every group's whole plan).
inline constexpr int k_max_plan_days = 3'660;
// Items in one plan, and the bytes of their rendered scripts, before rendering.
inline constexpr std::size_t k_max_plan_items = 1'000'000;
inline constexpr std::size_t k_max_plan_text_bytes = 256u << 20;  // 256 MiB
// Rows of one funnel report by --by values or --trend periods: each costs a
// tally per thread while counting, and a report of more is not one a person
// reads. Refused as the limit is passed, before the memory is spent.
inline constexpr std::size_t k_max_segments = 100'000;

}  // namespace sopctl::limits
