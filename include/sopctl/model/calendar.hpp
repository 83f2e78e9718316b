#pragma once
// Which days are workdays: a calendar of holidays and make-up workdays (调休).
// A plain value; calendar/calendar.hpp builds one from the built-in table or a file.

#include <sopctl/base/date.hpp>
#include <sopctl/base/source.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl {

enum class DayKind {
  workday,         // Monday..Friday that is not a holiday
  day_off,         // weekend day or holiday
  makeup_workday,  // a weekend day declared a workday (补班)
};

class Calendar {
public:
  // Monday..Friday are workdays, every year is covered.
  Calendar() = default;

  // A calendar named `name` (in messages) covering `years`, with its
  // holidays and make-up workdays as Date::days.
  Calendar(std::string name, std::set<int> years, std::set<std::int32_t> holidays,
           std::set<std::int32_t> workdays);

  DayKind kind(Date d) const;
  bool is_workday(Date d) const { return kind(d) != DayKind::day_off; }
  bool is_day_off(Date d) const { return kind(d) == DayKind::day_off; }
  // A day off that the calendar lists (法定节假日 and the days off of its
  // 调休 blocks); an ordinary weekend is not a holiday.
  bool is_holiday(Date d) const;
  // Saturdays and Sundays that are not make-up workdays.
  bool is_weekend(Date d) const;

  // True when every year from..to is covered (always true without a file).
  bool covers(Date from, Date to) const;
  // Throws Error "calendar NAME covers 2025-2026 only; ..." unless covers().
  void require_covers(Date from, Date to) const;

  const std::string& name() const { return m_name; }
  const std::set<int>& years() const { return m_years; }
  bool covers_all_years() const { return m_all_years; }
  const std::set<std::int32_t>& holidays() const { return m_holidays; }
  const std::set<std::int32_t>& makeup_workdays() const { return m_workdays; }

  // What the uncovered-year error says to do, with "{year}" standing for the
  // missing year (e.g. "put its file at ~/.local/share/sopctl/calendars/
  // cn-{year}.yaml"); empty: give a calendar file.
  void set_missing_year_hint(std::string hint) { m_missing_hint = std::move(hint); }

private:
  std::string m_name = "default (Mon-Fri)";
  bool m_all_years = true;
  std::set<int> m_years;
  std::set<std::int32_t> m_holidays;  // Date::days
  std::set<std::int32_t> m_workdays;  // make-up workdays
  std::string m_missing_hint;
  // kind() is on the hot path of plan and check: a dense copy of the two
  // sets over the days they span (0 = by weekday, 1 = holiday, 2 = make-up).
  std::int32_t m_dense_first = 0;
  std::vector<std::uint8_t> m_dense;
  void build_index();
  // What the dense index says of `d`: 0 nothing listed, 1 holiday, 2 make-up.
  std::uint8_t listed(Date d) const;
};

}  // namespace sopctl
