#pragma once
// Calendars from the built-in mainland-China table or from calendar files.

#include <sopctl/model/calendar.hpp>

#include <string>
#include <string_view>

namespace sopctl::calendar {

// The official mainland-China calendar, 2025 and 2026 (docs/reference.md).
Calendar builtin_cn();

// Parses a calendar YAML file; throws Error naming file and line. The years
// it covers are the years named by its entries, or its optional
// `years: [2026, ...]` key.
Calendar parse(std::string_view text, const std::string& path);

// `--calendar` values: "" (Monday to Friday), "cn" (built in) or a file.
Calendar load(const std::string& spec);

}  // namespace sopctl::calendar
