#pragma once
// Calendars from the built-in mainland-China table or from calendar files.

#include <sopctl/model/calendar.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace sopctl::calendar {

// The official mainland-China calendar, 2025 and 2026 (docs/reference.md).
Calendar builtin_cn();

// Parses a calendar YAML file; throws Error naming file and line. The years
// it covers are the years named by its entries, or its optional
// `years: [2026, ...]` key.
Calendar parse(std::string_view text, const std::string& path);

// Where calendar files NAME-YEAR.yaml are looked for, in order:
// $SOPCTL_CALENDARS, then $XDG_DATA_HOME/sopctl/calendars (default
// ~/.local/share/sopctl/calendars). Directories that are not set are left out.
std::vector<std::string> calendar_dirs();

// One year of a calendar and where it came from.
struct YearSource {
  int year = 0;
  std::string source;  // "built in" or the file's path
};

// A named calendar: "cn" is the built-in table extended (or, year by year,
// replaced) by the files cn-YEAR.yaml of calendar_dirs(); the first file
// found for a year wins. A file must list days of its own year only.
// `sources` (optional) receives where each year came from.
Calendar load_named(const std::string& name, std::vector<YearSource>* sources = nullptr);

// `--calendar` values: "" (Monday to Friday), "cn" (built in and its
// files), or a file.
Calendar load(const std::string& spec);

}  // namespace sopctl::calendar
