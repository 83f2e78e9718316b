// load_customers(): the customers CSV of customer SOPs (docs/spec.md §5.2).

#include "values.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/timestamp.hpp>
#include <sopctl/load/customers.hpp>
#include <sopctl/text/csv.hpp>
#include <sopctl/text/csv_reader.hpp>
#include <sopctl/text/did_you_mean.hpp>
#include <sopctl/text/strings.hpp>
#include <sopctl/text/utf8.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace sopctl {
namespace {

// Column names, with the headers SCRMs (WeCom's own export, LinkWeChat,
// EasyInk) write for them.
struct Known {
  const char* name;
  std::vector<std::string> aliases;
};
const std::vector<Known>& known_columns() {
  static const std::vector<Known> k = {
      {"customer_id", {"customer_id", "客户id", "客户ID", "外部联系人id", "external_userid"}},
      {"name", {"name", "客户名称", "客户昵称", "昵称", "customer_name"}},
      {"owner", {"owner", "跟进人", "所属员工", "添加人", "负责人"}},
      {"added", {"added", "添加时间", "添加日期"}},
      {"tags", {"tags", "标签", "客户标签"}},
  };
  return k;
}

// A date, or the date of a timestamp, as spreadsheets write them.
std::optional<Date> parse_day(std::string_view value) {
  if (auto d = parse_date(value)) {
    return d;
  }
  if (auto t = parse_timestamp(value)) {
    return Date{
        static_cast<std::int32_t>(t->wall >= 0 ? t->wall / 86400 : -((-t->wall + 86399) / 86400))};
  }
  if (value.size() == 10 && value[4] == '/' && value[7] == '/') {
    std::string dashed(value);
    dashed[4] = '-';
    dashed[7] = '-';
    return parse_date(dashed);
  }
  return std::nullopt;
}

std::vector<std::string> split_tags(std::string_view cell) {
  std::vector<std::string> tags;
  std::string cur;
  const auto flush = [&] {
    const std::string_view t = text::trim(cur);
    if (!t.empty() && std::find(tags.begin(), tags.end(), t) == tags.end()) {
      tags.emplace_back(t);
    }
    cur.clear();
  };
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == ';' || cell[i] == ',') {
      flush();
    } else if (cell.substr(i, 3) == "；" || cell.substr(i, 3) == "，") {
      flush();
      i += 2;
    } else {
      cur += cell[i];
    }
  }
  flush();
  return tags;
}

}  // namespace

Customers load_customers(std::string_view text, const std::string& path, const Roster& roster) {
  Customers out;
  out.path = path;
  std::size_t bad = 0;
  if (!text::is_valid_utf8(text, &bad)) {
    const auto line =
        1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    throw Error(fmt::format("{}:{}: {}", path, line, csv::invalid_utf8_message()));
  }
  const std::vector<text::CsvRow> rows = text::parse_csv(text, path);
  if (rows.empty()) {
    throw Error(path + tr(":1: the customers file is empty; it needs the header "
                          "customer_id,name,owner,added,tags"));
  }
  const std::vector<std::string>& header = rows.front().fields;
  std::vector<int> role(header.size(), -1);  // index into known_columns(), -1: other
  std::vector<std::optional<std::size_t>> at(known_columns().size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string name(text::trim(header[c]));
    for (std::size_t k = 0; k < known_columns().size(); ++k) {
      const auto& aliases = known_columns()[k].aliases;
      if (std::find(aliases.begin(), aliases.end(), name) != aliases.end() && !at[k]) {
        at[k] = c;
        role[c] = static_cast<int>(k);
      }
    }
  }
  for (const std::size_t k : {std::size_t{0}, std::size_t{2}, std::size_t{3}}) {
    if (!at[k]) {
      throw Error(trf(
          "{}:1: no '{}' column (the header is: {}); a customers file needs "
          "customer_id, name, owner, added and tags",
          path, known_columns()[k].name, text::shorten(fmt::format("{}", fmt::join(header, ",")))));
    }
  }
  // Other columns: date columns when every value in them is a date.
  std::vector<std::size_t> others;
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (role[c] < 0 && !text::trim(header[c]).empty()) {
      others.push_back(c);
    }
  }
  std::vector<std::size_t> date_cols;
  out.date_columns.push_back("added");
  for (const std::size_t c : others) {
    std::string problem;
    for (std::size_t r = 1; r < rows.size() && problem.empty(); ++r) {
      const std::string_view v =
          c < rows[r].fields.size() ? text::trim(rows[r].fields[c]) : std::string_view();
      if (!v.empty() && !parse_day(v)) {
        problem = trf("line {}: '{}'", rows[r].line, text::shorten(v));
      }
    }
    const std::string name(text::trim(header[c]));
    if (problem.empty()) {
      date_cols.push_back(c);
      out.date_columns.push_back(name);
    } else {
      out.not_dates.emplace_back(name, problem);
    }
  }

  std::unordered_map<std::string, const Staff*> staff_by_name;
  std::vector<std::string> staff_ids;
  for (const Staff& s : roster.staff) {
    staff_by_name.emplace(s.name.value, &s);
    staff_ids.push_back(s.id.value);
  }
  std::unordered_set<std::string> seen;
  const auto cell = [&](const text::CsvRow& row, const std::optional<std::size_t>& c) {
    return c && *c < row.fields.size() ? std::string(text::trim(row.fields[*c])) : std::string();
  };
  out.customers.reserve(rows.size() - 1);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const text::CsvRow& row = rows[r];
    Customer cu;
    cu.line = row.line;
    cu.id = cell(row, at[0]);
    if (cu.id.empty()) {
      throw Error(trf("{}:{}: no customer_id: every customer needs one", path, row.line));
    }
    if (!seen.insert(cu.id).second) {
      throw Error(trf("{}:{}: customer '{}' is listed twice", path, row.line, cu.id));
    }
    cu.name = cell(row, at[1]);
    if (cu.name.empty()) {
      cu.name = cu.id;
    }
    const std::string owner = cell(row, at[2]);
    if (roster.find_staff(owner) != nullptr) {
      cu.owner = owner;
    } else if (auto it = staff_by_name.find(owner); it != staff_by_name.end() && !owner.empty()) {
      cu.owner = it->second->id.value;
    } else {
      throw Error(
          trf("{}:{}: owner '{}' of customer '{}' is not a staff id or name of the roster{}", path,
              row.line, owner, cu.id, text::did_you_mean_suffix(owner, staff_ids)));
    }
    const std::string added = cell(row, at[3]);
    const auto added_day = parse_day(added);
    if (!added_day) {
      throw Error(trf("{}:{}: added '{}' of customer '{}' is not a date: {}", path, row.line,
                      text::shorten(added), cu.id,
                      added.empty() ? tr("every customer needs the date they were added")
                                    : load::date_problem(added)));
    }
    cu.dates.push_back(added_day);
    for (const std::size_t c : date_cols) {
      const std::string v = cell(row, c);
      cu.dates.push_back(v.empty() ? std::nullopt : parse_day(v));
    }
    cu.tags = split_tags(cell(row, at[4]));
    out.customers.push_back(std::move(cu));
  }
  return out;
}

}  // namespace sopctl
