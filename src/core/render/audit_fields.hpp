#pragma once
// What the audit renderers share: the heading line, the count columns, the
// listed items. Private to render/.

#include "report_format.hpp"

#include <sopctl/audit/audit.hpp>
#include <sopctl/render/audit_render.hpp>

#include <string>
#include <vector>

namespace sopctl::render {

// "2026-12-01..2026-12-31, as of 2026-12-31 21:05, grace 30m".
std::string audit_summary(const audit::Report& r);
// "2026-12-03 20:05" for local wall seconds.
std::string format_local_minute(std::int64_t local);

// The count columns after the --by column, in order.
inline const std::vector<std::string>& audit_count_names() {
  static const std::vector<std::string> names = {"planned", "on_time",   "late",        "missed",
                                                 "pending", "unplanned", "on_time_rate"};
  return names;
}
// The counts as cells: numbers, then the rate as "87.5%" (or "-").
std::vector<std::string> audit_count_cells(const audit::Counts& c);

// One listed line: a late or missed item, or an unplanned record.
struct ListedLine {
  std::string status;  // late, missed, unplanned
  std::string when;    // "2026-12-03 20:00" (the plan's time), or the record's time
  std::string done;    // "2026-12-03 21:10", or "" when not done
  std::string group;
  std::string task;
  std::string title;
  std::string staff;  // names
  std::string key;
};
std::vector<ListedLine> audit_listed(const audit::Report& r);

}  // namespace sopctl::render
