// `plan --summary`: what each staff member has to do each day, counted, so
// that a plan of 100,000 customers is a page, not a million lines.

#include "plan_fields.hpp"
#include "report_format.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/plan_render.hpp>
#include <sopctl/text/csv_writer.hpp>
#include <sopctl/text/json_writer.hpp>
#include <sopctl/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace sopctl::render {
namespace {

struct Row {
  Date date;
  int time = -1;
  std::string staff;  // id
  std::string staff_name;
  const Sop* sop = nullptr;
  const Task* task = nullptr;
  std::size_t items = 0;
};

std::vector<Row> rows_of(const Plan& plan) {
  using Key = std::tuple<std::int32_t, int, std::string, std::string, std::string>;
  std::map<Key, Row> rows;
  for (const PlanItem& item : plan.items) {
    std::vector<const Staff*> people = item.staff;
    if (people.empty()) {
      people.push_back(nullptr);
    }
    for (const Staff* s : people) {
      const std::string id = s != nullptr ? s->id.value : "";
      Row& r = rows[Key{item.date.days, item.time, id, item.sop->id.value, item.task->id.value}];
      r.date = item.date;
      r.time = item.time;
      r.staff = id;
      r.staff_name = s != nullptr ? s->name.value : "";
      r.sop = item.sop;
      r.task = item.task;
      ++r.items;
    }
  }
  std::vector<Row> out;
  out.reserve(rows.size());
  for (auto& [key, row] : rows) {
    out.push_back(std::move(row));
  }
  return out;
}

std::string time_of(const Row& r) {
  return r.time >= 0 ? format_time_of_day(r.time) : "";
}

std::string who(const Row& r) {
  if (r.staff.empty()) {
    return "-";
  }
  return r.staff_name.empty() ? r.staff : r.staff_name;
}

std::string table(const std::vector<Row>& rows, bool markdown) {
  std::string out;
  std::optional<Date> day;
  std::vector<std::vector<std::string>> lines;
  const auto flush = [&] {
    if (lines.empty()) {
      return;
    }
    std::vector<bool> right(lines.front().size(), false);
    right.back() = true;  // the count
    out += align_columns(lines, right);
    lines.clear();
  };
  for (const Row& r : rows) {
    if (!day || *day != r.date) {
      flush();
      if (markdown) {
        out +=
            trf("{}## {}\n\n| time | staff | task | channel | items |\n"
                "|---|---|---|---|---:|\n",
                day ? "\n" : "", date_heading(r.date));
      } else {
        out += fmt::format("{}{}\n", day ? "\n" : "", date_heading(r.date));
      }
      day = r.date;
    }
    const std::string time = r.time >= 0 ? format_time_of_day(r.time) : "全天";
    if (markdown) {
      out += fmt::format(
          "| {} | {} | {} | {} | {} |\n", time, markdown_cell(who(r)),
          markdown_cell(r.task->title.value.empty() ? r.task->id.value : r.task->title.value),
          r.task->channel.value, r.items);
    } else {
      lines.push_back({time, who(r),
                       r.task->title.value.empty() ? r.task->id.value : r.task->title.value,
                       r.task->channel.value, format_count(r.items)});
    }
  }
  flush();
  if (rows.empty()) {
    out += "Nothing planned.\n";
  }
  return out;
}

}  // namespace

std::string plan_summary(const Plan& plan, const std::string& format) {
  const std::vector<Row> rows = rows_of(plan);
  if (format == "json") {
    text::JsonWriter w(2);
    w.begin_object();
    w.key("from").value(format_date(plan.from));
    w.key("to").value(format_date(plan.to));
    w.key("items").value(static_cast<std::uint64_t>(plan.items.size()));
    w.key("rows").begin_array();
    for (const Row& r : rows) {
      w.begin_object();
      w.key("date").value(format_date(r.date));
      w.key("time");
      if (r.time >= 0) {
        w.value(time_of(r));
      } else {
        w.null();
      }
      w.key("staff");
      if (r.staff.empty()) {
        w.null();
      } else {
        w.value(r.staff);
      }
      w.key("sop").value(r.sop->id.value);
      w.key("task").value(r.task->id.value);
      w.key("title").value(r.task->title.value);
      w.key("channel").value(r.task->channel.value);
      w.key("items").value(static_cast<std::uint64_t>(r.items));
      w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.str() + "\n";
  }
  if (format == "csv" || format == "tsv") {
    const char sep = format == "csv" ? ',' : '\t';
    std::string out =
        text::csv_row({"date", "time", "staff", "sop", "task", "title", "channel", "items"}, sep);
    for (const Row& r : rows) {
      out += text::csv_row(
          {format_date(r.date), time_of(r), r.staff, r.sop->id.value, r.task->id.value,
           r.task->title.value, r.task->channel.value, std::to_string(r.items)},
          sep);
    }
    return out;
  }
  return table(rows, format == "md");
}

}  // namespace sopctl::render
