#pragma once
// `sopctl calendar`: the years and days a calendar covers, and where more
// years go.

#include <sopctl/calendar/calendar.hpp>

#include <string>
#include <vector>

namespace sopctl::render {

struct CalendarView {
  const Calendar* calendar = nullptr;
  std::vector<calendar::YearSource> years;  // in order
  std::vector<std::string> dirs;            // calendar_dirs(), for the hint
  std::string name;                         // "cn", or the file's path
};

std::string calendar_text(const CalendarView& v);
std::string calendar_json(const CalendarView& v);

}  // namespace sopctl::render
