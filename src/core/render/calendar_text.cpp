// `sopctl calendar` as text and JSON: per year its source, its days off as
// ranges and its make-up workdays (调休补班).

#include <sopctl/render/calendar_render.hpp>
#include <sopctl/text/json_writer.hpp>

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

namespace sopctl::render {
namespace {

std::vector<Date> days_of(const std::set<std::int32_t>& days, int year) {
  std::vector<Date> out;
  for (const std::int32_t d : days) {
    if (Date{d}.year() == year) {
      out.push_back(Date{d});
    }
  }
  return out;
}

// "10-01..10-07" runs of consecutive days.
std::string ranges(const std::vector<Date>& days) {
  std::string out;
  for (std::size_t i = 0; i < days.size();) {
    std::size_t j = i;
    while (j + 1 < days.size() && days[j + 1] - days[j] == 1) {
      ++j;
    }
    const auto md = [](Date d) { return format_date(d).substr(5); };
    out += (out.empty() ? "" : ", ") + (i == j ? md(days[i]) : md(days[i]) + ".." + md(days[j]));
    i = j + 1;
  }
  return out.empty() ? "-" : out;
}

}  // namespace

std::string calendar_text(const CalendarView& v) {
  std::string out = trf("calendar {}\n", v.name);
  for (const calendar::YearSource& y : v.years) {
    const auto off = days_of(v.calendar->holidays(), y.year);
    const auto makeup = days_of(v.calendar->makeup_workdays(), y.year);
    out += trf("\n{}  ({})\n  days off ({}):  {}\n  make-up workdays ({}):  {}\n", y.year, y.source,
               off.size(), ranges(off), makeup.size(), ranges(makeup));
  }
  if (!v.dirs.empty()) {
    const int next = v.years.empty() ? 2027 : v.years.back().year + 1;
    out += trf(
        "\nMore years: a file {}-{}.yaml (once the State Council publishes {}'s arrangement) in "
        "{}.\n",
        v.name, next, next, fmt::join(v.dirs, " or "));
  }
  return out;
}

std::string calendar_json(const CalendarView& v) {
  text::JsonWriter w(2);
  w.begin_object();
  w.key("name").value(v.name);
  w.key("years").begin_array();
  for (const calendar::YearSource& y : v.years) {
    w.begin_object();
    w.key("year").value(y.year);
    w.key("source").value(y.source);
    w.key("days_off").begin_array();
    for (const Date d : days_of(v.calendar->holidays(), y.year)) {
      w.value(format_date(d));
    }
    w.end_array();
    w.key("makeup_workdays").begin_array();
    for (const Date d : days_of(v.calendar->makeup_workdays(), y.year)) {
      w.value(format_date(d));
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("dirs").strings(v.dirs);
  w.end_object();
  return w.take_line();
}

}  // namespace sopctl::render
