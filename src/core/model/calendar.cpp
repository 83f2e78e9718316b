// The day kinds of a calendar; calendar/ builds calendars from files.

#include <sopctl/model/calendar.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>

#include <algorithm>
#include <climits>

namespace sopctl {

namespace {

std::string format_years(const std::set<int>& years) {
  if (years.empty()) {
    return "no years";
  }
  std::string out;
  for (auto it = years.begin(); it != years.end();) {
    const int first = *it;
    int last = first;
    for (++it; it != years.end() && *it == last + 1; ++it) {
      last = *it;
    }
    if (!out.empty()) {
      out += ", ";
    }
    out += std::to_string(first);
    if (last != first) {
      out += '-' + std::to_string(last);
    }
  }
  return out;
}

}  // namespace

Calendar::Calendar(std::string name, std::set<int> years, std::set<std::int32_t> holidays,
                   std::set<std::int32_t> workdays)
    : m_name(std::move(name)),
      m_all_years(false),
      m_years(std::move(years)),
      m_holidays(std::move(holidays)),
      m_workdays(std::move(workdays)) {
  build_index();
}

void Calendar::build_index() {
  m_dense.clear();
  if (m_holidays.empty() && m_workdays.empty()) {
    return;
  }
  std::int32_t first = INT32_MAX;
  std::int32_t last = INT32_MIN;
  for (const auto* set : {&m_holidays, &m_workdays}) {
    if (!set->empty()) {
      first = std::min(first, *set->begin());
      last = std::max(last, *set->rbegin());
    }
  }
  m_dense_first = first;
  m_dense.assign(static_cast<std::size_t>(last - first) + 1, 0);
  for (std::int32_t d : m_holidays) {
    m_dense[static_cast<std::size_t>(d - first)] = 1;
  }
  for (std::int32_t d : m_workdays) {
    m_dense[static_cast<std::size_t>(d - first)] = 2;
  }
}

std::uint8_t Calendar::listed(Date d) const {
  if (d.days < m_dense_first || m_dense.empty() ||
      static_cast<std::size_t>(d.days - m_dense_first) >= m_dense.size()) {
    return 0;
  }
  return m_dense[static_cast<std::size_t>(d.days - m_dense_first)];
}

DayKind Calendar::kind(Date d) const {
  const std::uint8_t k = listed(d);
  if (k == 1) {
    return DayKind::day_off;
  }
  if (k == 2) {
    return DayKind::makeup_workday;
  }
  return d.weekday() >= 5 ? DayKind::day_off : DayKind::workday;
}

bool Calendar::is_weekend(Date d) const {
  return d.weekday() >= 5 && kind(d) != DayKind::makeup_workday;
}

bool Calendar::covers(Date from, Date to) const {
  if (m_all_years) {
    return true;
  }
  for (int y = from.year(); y <= to.year(); ++y) {
    if (!m_years.contains(y)) {
      return false;
    }
  }
  return true;
}

void Calendar::require_covers(Date from, Date to) const {
  if (covers(from, to)) {
    return;
  }
  std::set<int> missing;
  for (int y = from.year(); y <= to.year(); ++y) {
    if (!m_years.contains(y)) {
      missing.insert(y);
    }
  }
  // Name the plan's own end (or start) when that is outside the calendar,
  // else 1 January of the first year missing in between.
  const Date reaches = missing.contains(to.year())     ? to
                       : missing.contains(from.year()) ? from
                                                       : Date::from_ymd(*missing.begin(), 1, 1);
  std::string what = trf("give a calendar file that covers {}", format_years(missing));
  if (!m_missing_hint.empty()) {
    what = m_missing_hint;
    const std::string year = std::to_string(reaches.year());
    for (std::size_t at = what.find("{year}"); at != std::string::npos;
         at = what.find("{year}", at + year.size())) {
      what.replace(at, 6, year);
    }
  }
  throw Error(trf("calendar '{}' covers {}; the plan reaches {} ({})", m_name,
                  format_years(m_years), format_date(reaches), what));
}

bool Calendar::is_holiday(Date d) const {
  return listed(d) == 1;
}

}  // namespace sopctl
