// plan -> one self-contained HTML page: a month calendar per month of the
// plan, for reading offline and printing (no JS, no external URLs).

#include "html_page.hpp"
#include "plan_fields.hpp"

#include <sopctl/base/date.hpp>
#include <sopctl/render/plan_render.hpp>
#include <sopctl/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace sopctl::render {

namespace {

constexpr std::string_view k_style = R"(
:root { --line: #d0d4da; --muted: #9aa1ab; --grey: #f1f2f4; --accent: #1f7a4d; }
* { box-sizing: border-box; }
body { margin: 1.5rem; font: 13px/1.4 -apple-system, "PingFang SC", "Hiragino Sans GB",
  "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #1d2129; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
table.month { width: 100%; border-collapse: collapse; table-layout: fixed; }
th { padding: .3rem; background: var(--grey); border: 1px solid var(--line); font-weight: 600; }
td { vertical-align: top; height: 6.5rem; padding: .25rem .3rem; border: 1px solid var(--line); }
td.out { background: var(--grey); color: var(--muted); }
.num { font-weight: 600; margin-bottom: .2rem; }
td.weekend .num { color: #c0392b; }
td.out .num { color: var(--muted); }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0 0 .25rem; overflow-wrap: anywhere; }
.time { color: var(--accent); font-variant-numeric: tabular-nums; }
.group { font-weight: 600; }
.staff { color: #5c6470; }
li.many summary { cursor: pointer; list-style-position: inside; }
li.many .count { color: #fff; background: var(--accent); border-radius: .6rem; padding: 0 .4rem;
  font-size: .85em; white-space: nowrap; }
li.many ul { margin: .15rem 0 .3rem .9rem; }
li.many li { margin: 0 0 .1rem; }
@media print {
  body { margin: 0; font-size: 10px; }
  section.month-page { break-after: page; page-break-after: always; }
  section.month-page:last-of-type { break-after: auto; page-break-after: auto; }
  table.month { page-break-inside: avoid; }
  td { height: auto; min-height: 4rem; }
  td.out, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

using html::escaped;

Date first_of_month(Date d) {
  return Date::from_ymd(d.year(), d.month(), 1);
}

// The script as a tooltip: visible on hover without any script code.
std::string tooltip(const ItemFields& f) {
  return f.script.empty() ? "" : " title=\"" + escaped(f.script) + "\"";
}

std::string who(const ItemFields& f) {
  return f.is_customer ? shown_name(f) : f.group;
}

void write_item(std::string& out, const ItemFields& f) {
  out += "<li" + tooltip(f) + "><span class=\"time\">" + escaped(time_label(f)) + "</span> ";
  out += "<span class=\"group\">[" + escaped(who(f)) + "]</span> ";
  out += "<span class=\"title\">" + escaped(f.title) + "</span>";
  if (const std::string staff = staff_names(f, "、"); !staff.empty()) {
    out += " <span class=\"staff\">" + escaped(staff) + "</span>";
  }
  out += "</li>\n";
}

// One task at one time in several groups (or for several customers): one
// line with the count, opened to list them. At 30 groups a day holds
// hundreds of items; this keeps it to one line per task.
void write_task(std::string& out, const std::vector<ItemFields>& same) {
  const ItemFields& f = same.front();
  out += "<li class=\"many\"><details><summary><span class=\"time\">" + escaped(time_label(f)) +
         "</span> <span class=\"title\">" + escaped(f.title) + "</span> ";
  out += fmt::format("<span class=\"count\" data-items=\"{}\">{} {}</span></summary>\n<ul>\n",
                     same.size(), same.size(), f.is_customer ? "位客户" : "个群");
  for (const ItemFields& g : same) {
    out += "<li" + tooltip(g) + "><span class=\"group\">[" + escaped(who(g)) + "]</span>";
    if (const std::string staff = staff_names(g, "、"); !staff.empty()) {
      out += " <span class=\"staff\">" + escaped(staff) + "</span>";
    }
    out += "</li>\n";
  }
  out += "</ul></details></li>\n";
}

// A day's items, the same task at the same time together, in the order of
// their first item.
void write_day(std::string& out, const std::vector<const PlanItem*>& items) {
  std::vector<std::vector<ItemFields>> tasks;
  std::map<std::tuple<std::string, std::string, std::string, bool>, std::size_t> index;
  for (const PlanItem* item : items) {
    ItemFields f = item_fields(*item);
    const auto key = std::make_tuple(time_label(f), f.sop, f.task, f.is_customer);
    const auto [it, added] = index.emplace(key, tasks.size());
    if (added) {
      tasks.emplace_back();
    }
    tasks[it->second].push_back(std::move(f));
  }
  out += "\n<ul>\n";
  for (const std::vector<ItemFields>& same : tasks) {
    if (same.size() == 1) {
      write_item(out, same.front());
    } else {
      write_task(out, same);
    }
  }
  out += "</ul>";
}

void write_month(std::string& out, Date month, Date from, Date to,
                 const std::map<std::int32_t, std::vector<const PlanItem*>>& by_day) {
  const int year = month.year();
  const int mon = month.month();
  const Date last = Date::from_ymd(year, mon, days_in_month(year, mon));
  const Date grid_from = month - month.weekday();    // the Monday on or before
  const Date grid_to = last + (6 - last.weekday());  // the Sunday on or after
  out += fmt::format("<section class=\"month-page\">\n<h2>{}年{}月</h2>\n", year, mon);
  out += fmt::format("<table class=\"month\" data-month=\"{:04}-{:02}\">\n<thead><tr>", year, mon);
  for (int wd = 0; wd < 7; ++wd) {
    out += fmt::format("<th>{}</th>", weekday_chinese_name(wd));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (Date d = grid_from; d <= grid_to; d = d + 1) {
    if (d.weekday() == 0) {
      out += "<tr>\n";
    }
    const bool in_month = d.month() == mon && d.year() == year;
    const bool in_range = in_month && d >= from && d <= to;
    std::string classes = d.weekday() >= 5 ? "weekend" : "";
    if (!in_range) {
      classes += classes.empty() ? "out" : " out";
    }
    out += "<td";
    if (!classes.empty()) {
      out += " class=\"" + classes + "\"";
    }
    if (in_month) {
      out += " data-date=\"" + format_date(d) + "\"";
    }
    out += fmt::format("><div class=\"num\">{}</div>", d.day());
    // Days of the neighbouring months stay empty: they belong to their own grid.
    const auto it = in_month ? by_day.find(d.days) : by_day.end();
    if (it != by_day.end()) {
      write_day(out, it->second);
    }
    out += "</td>\n";
    if (d.weekday() == 6) {
      out += "</tr>\n";
    }
  }
  out += "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::string plan_html(const Plan& plan, const PlanRenderOptions& opts) {
  std::map<std::int32_t, std::vector<const PlanItem*>> by_day;
  Date first = std::min(plan.from, plan.to);
  Date last = std::max(plan.from, plan.to);
  for (const auto& item : plan.items) {
    by_day[item.date.days].push_back(&item);
    // Never drop an item, even one the engine put outside the range.
    first = std::min(first, item.date);
    last = std::max(last, item.date);
  }
  const std::string title =
      !opts.title.empty() ? opts.title
      : opts.staff.empty()
          ? fmt::format("运营计划 {} – {}", format_date(plan.from), format_date(plan.to))
          : fmt::format("{} 的运营计划 {} – {}", opts.staff, format_date(plan.from),
                        format_date(plan.to));

  std::string out = html::page_begin(title, k_style, false);
  for (Date m = first_of_month(first); m <= last;
       m = Date::from_ymd(m.year() + (m.month() == 12 ? 1 : 0), m.month() % 12 + 1, 1)) {
    write_month(out, m, plan.from, plan.to, by_day);
  }
  out += html::page_end();
  return out;
}

}  // namespace sopctl::render
