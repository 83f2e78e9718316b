#include <sopctl/calendar/calendar.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/files.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/text/strings.hpp>
#include <sopctl/text/yaml.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace sopctl::calendar {

namespace {

// A holiday range longer than this is a typo (2025 for 2026, say); refusing
// it also keeps a hostile file from filling memory with millions of days.
constexpr int k_max_range_days = 366;

// docs/spec.md §1.4, copied from the State Council's notices: per year, the days off
// and the make-up workdays as "MM-DD" or inclusive "MM-DD..MM-DD".
struct OfficialYear {
  int year;
  const char* days_off;
  const char* makeup_workdays;
};
constexpr OfficialYear k_official_cn[] = {
    {2025, "01-01 01-28..02-04 04-04..04-06 05-01..05-05 05-31..06-02 10-01..10-08",
     "01-26 02-08 04-27 09-28 10-11"},
    {2026,
     "01-01..01-03 02-15..02-23 04-04..04-06 05-01..05-05 06-19..06-21 09-25..09-27 10-01..10-07",
     "01-04 02-14 02-28 05-09 09-20 10-10"},
};

// Adds the days of one k_official_cn column; the table is fixed and checked
// by the unit tests, so it cannot hold a bad date.
void add_official(int year, std::string_view spans, std::set<std::int32_t>& into) {
  const std::string prefix = std::to_string(year) + '-';
  while (!spans.empty()) {
    const std::size_t space = std::min(spans.find(' '), spans.size());
    const std::string_view span = spans.substr(0, space);
    spans.remove_prefix(std::min(space + 1, spans.size()));
    const std::size_t dots = std::min(span.find(".."), span.size());
    const Date from = *parse_date(prefix + std::string(span.substr(0, dots)));
    const Date to =
        dots < span.size() ? *parse_date(prefix + std::string(span.substr(dots + 2))) : from;
    for (Date d = from; d <= to; d = d + 1) {
      into.insert(d.days);
    }
  }
}

// Reads the YAML of one calendar file into a Calendar under construction.
class CalendarReader {
public:
  explicit CalendarReader(const text::YamlFile& file) : m_file(file) {}

  SourceLoc loc(const text::YamlNode& node) const { return m_file.loc(node); }

  // `holidays:` or `workdays:`; `into` is that list, `other` the opposite one.
  void read_days(const text::YamlNode& list, const std::string& key, std::set<std::int32_t>& into,
                 const std::set<std::int32_t>& other, std::set<int>& touched) const {
    if (list.is_null()) {
      return;
    }
    if (!list.is_sequence()) {
      throw Error(
          "'" + key +
              trf("' must be a list of dates, e.g. {}: [\"2026-10-01..2026-10-07\", 2026-01-01]",
                  key),
          loc(list));
    }
    for (const text::YamlNode entry : list.items()) {
      if (!entry.is_scalar()) {
        throw Error(
            "each '" + key +
                tr("' entry must be a date (2026-10-01) or a range (2026-10-01..2026-10-07)"),
            loc(entry));
      }
      const auto [from, to] = read_range(entry);
      for (Date d = from; d <= to; d = d + 1) {
        if (other.contains(d.days)) {
          throw Error(format_date(d) +
                          tr(" is listed both in holidays and in workdays (keep it in one list)"),
                      loc(entry));
        }
        into.insert(d.days);
        touched.insert(d.year());
      }
    }
  }

  std::pair<Date, Date> read_range(const text::YamlNode& entry) const {
    const std::string& text = entry.scalar();
    const std::size_t dots = text.find("..");
    if (dots == std::string::npos) {
      const Date d = read_date(text::trim(text), entry);
      return {d, d};
    }
    const std::string_view first = text::trim(std::string_view(text).substr(0, dots));
    const std::string_view second = text::trim(std::string_view(text).substr(dots + 2));
    if (first.empty() || second.empty() || second.find("..") != std::string_view::npos) {
      throw Error(trf("bad range '{}': write it as 2026-10-01..2026-10-07", text), loc(entry));
    }
    const Date from = read_date(first, entry);
    const Date to = read_date(second, entry);
    if (to < from) {
      throw Error(
          "range '" + text +
              trf("' ends before it starts (write {}..{})", format_date(to), format_date(from)),
          loc(entry));
    }
    if (to - from + 1 > k_max_range_days) {
      throw Error("range '" + text + "' spans " + std::to_string(to - from + 1) +
                      trf(" days; a range may span at most {}{}", std::to_string(k_max_range_days),
                          tr(" (check the years)")),
                  loc(entry));
    }
    return {from, to};
  }

  Date read_date(std::string_view text, const text::YamlNode& entry) const {
    const std::optional<Date> d = parse_date(text);
    if (!d) {
      throw Error(trf("bad date '{}': write a real day as YYYY-MM-DD", text), loc(entry));
    }
    return *d;
  }

  std::set<int> read_years(const text::YamlNode& list) const {
    if (!list.is_sequence()) {
      throw Error(tr("'years' must be a list of years, e.g. years: [2026]"), loc(list));
    }
    std::set<int> years;
    for (const text::YamlNode entry : list.items()) {
      const std::string text = entry.is_scalar() ? entry.scalar() : std::string();
      bool ok = text.size() == 4;
      int year = 0;
      for (std::size_t i = 0; ok && i < text.size(); ++i) {
        ok = text[i] >= '0' && text[i] <= '9';
        year = year * 10 + (text[i] - '0');
      }
      if (!ok) {
        throw Error(trf("bad year '{}' in years: write a year such as 2026", text), loc(entry));
      }
      years.insert(year);
    }
    return years;
  }

private:
  const text::YamlFile& m_file;
};

}  // namespace

Calendar builtin_cn() {
  std::set<int> years;
  std::set<std::int32_t> holidays;
  std::set<std::int32_t> workdays;
  for (const OfficialYear& y : k_official_cn) {
    years.insert(y.year);
    add_official(y.year, y.days_off, holidays);
    add_official(y.year, y.makeup_workdays, workdays);
  }
  return Calendar("cn", std::move(years), std::move(holidays), std::move(workdays));
}

Calendar parse(std::string_view text, const std::string& path) {
  const text::YamlFile file(text, path);
  const CalendarReader reader(file);
  const text::YamlNode root = file.root();
  if (!root.is_map()) {
    SourceLoc where = root.is_null() ? SourceLoc{path, 0, 0} : reader.loc(root);
    throw Error(tr("a calendar file must be a mapping with holidays: and workdays: lists, e.g. "
                   "holidays: [\"2026-10-01..2026-10-07\"]"),
                std::move(where));
  }

  std::set<std::int32_t> holidays;
  std::set<std::int32_t> workdays;
  std::set<int> touched;
  std::optional<std::set<int>> years;
  std::set<std::string> seen;
  for (const auto& [key, value] : root.entries()) {
    if (!key.is_scalar()) {
      throw Error(tr("a calendar key must be one of holidays, workdays, years or name"),
                  reader.loc(key));
    }
    const std::string& name = key.scalar();
    if (!seen.insert(name).second) {
      throw Error(trf("duplicate key '{}' (merge the two into one)", name), reader.loc(key));
    }
    if (name == "holidays") {
      reader.read_days(value, name, holidays, workdays, touched);
    } else if (name == "workdays") {
      reader.read_days(value, name, workdays, holidays, touched);
    } else if (name == "years") {
      years = reader.read_years(value);
    } else if (name == "version") {
      if (!value.is_scalar() || value.scalar() != "1") {
        throw Error(trf("calendar file format version {}: this sopctl reads version 1",
                        (value.is_scalar() ? value.scalar() : std::string("?"))),
                    reader.loc(value));
      }
    } else if (name == "name") {
      if (!value.is_scalar()) {
        throw Error(tr("'name' must be a text, e.g. name: cn-2027"), reader.loc(value));
      }
    } else {
      throw Error(
          trf("unknown key '{}' (expected holidays, workdays, years, name or version)", name),
          reader.loc(key));
    }
  }
  // The path, not `name:`, goes into messages: it is what the user can open.
  return Calendar(path, years ? std::move(*years) : std::move(touched), std::move(holidays),
                  std::move(workdays));
}

std::vector<std::string> calendar_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("SOPCTL_CALENDARS"); env != nullptr && *env != '\0') {
    dirs.emplace_back(env);
  }
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
    dirs.push_back(std::string(xdg) + "/sopctl/calendars");
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    dirs.push_back(std::string(home) + "/.local/share/sopctl/calendars");
  }
  return dirs;
}

Calendar load_named(const std::string& name, std::vector<YearSource>* sources) {
  std::map<int, std::pair<std::string, Calendar>> by_year;
  // Files NAME-YYYY.yaml, the first directory's first.
  for (const std::string& dir : calendar_dirs()) {
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      const std::string file = entry.path().filename().string();
      const std::string prefix = name + "-";
      if (file.size() == prefix.size() + 9 && file.rfind(prefix, 0) == 0 &&
          file.substr(prefix.size() + 4) == ".yaml" &&
          std::all_of(file.begin() + static_cast<std::ptrdiff_t>(prefix.size()),
                      file.begin() + static_cast<std::ptrdiff_t>(prefix.size()) + 4,
                      [](char c) { return c >= '0' && c <= '9'; })) {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    for (const std::string& path : files) {
      const std::string base = std::filesystem::path(path).filename().string();
      const int year = std::stoi(base.substr(name.size() + 1, 4));
      if (by_year.count(year) > 0) {
        continue;
      }
      Calendar c = parse(io::read_file(path), path);
      for (const std::int32_t d : c.holidays()) {
        if (Date{d}.year() != year) {
          throw Error(path + ": lists " + format_date(Date{d}) +
                      trf(", which is not in {}{}{}-YEAR.yaml)", std::to_string(year),
                          tr(" (one file per year: "), name));
        }
      }
      for (const std::int32_t d : c.makeup_workdays()) {
        if (Date{d}.year() != year) {
          throw Error(path + ": lists " + format_date(Date{d}) +
                      trf(", which is not in {}{}{}-YEAR.yaml)", std::to_string(year),
                          tr(" (one file per year: "), name));
        }
      }
      by_year.emplace(year, std::make_pair(path, std::move(c)));
    }
  }
  std::set<int> years;
  std::set<std::int32_t> holidays;
  std::set<std::int32_t> workdays;
  const auto take = [&](int year, const Calendar& c) {
    years.insert(year);
    for (const std::int32_t d : c.holidays()) {
      if (Date{d}.year() == year) {
        holidays.insert(d);
      }
    }
    for (const std::int32_t d : c.makeup_workdays()) {
      if (Date{d}.year() == year) {
        workdays.insert(d);
      }
    }
  };
  std::vector<YearSource> found;
  if (name == "cn") {
    const Calendar builtin = builtin_cn();
    for (const int year : builtin.years()) {
      if (by_year.count(year) == 0) {
        take(year, builtin);
        found.push_back({year, "built in"});
      }
    }
  }
  for (const auto& [year, file] : by_year) {
    take(year, file.second);
    found.push_back({year, file.first});
  }
  if (years.empty()) {
    const std::vector<std::string> dirs = calendar_dirs();
    throw Error(trf(
        "no calendar '{}': it is neither built in (cn) nor a file, and no {}-YEAR.yaml is in {}",
        name, name, (dirs.empty() ? std::string("$SOPCTL_CALENDARS") : dirs.front())));
  }
  std::sort(found.begin(), found.end(),
            [](const YearSource& a, const YearSource& b) { return a.year < b.year; });
  if (sources != nullptr) {
    *sources = std::move(found);
  }
  Calendar out(name, std::move(years), std::move(holidays), std::move(workdays));
  std::vector<std::string> dirs = calendar_dirs();
  if (!dirs.empty()) {
    // The default folder, written as the user would type it.
    std::string dir = dirs.back();
    if (const char* home = std::getenv("HOME");
        home != nullptr && *home != '\0' && dir.rfind(std::string(home) + "/", 0) == 0) {
      dir = "~" + dir.substr(std::string(home).size());
    }
    out.set_missing_year_hint(
        trf("put the State Council's {{year}} arrangement in {}/{}-{{year}}.yaml, or in the "
            "folder $SOPCTL_CALENDARS names; or give --calendar FILE",
            dir, name));
  }
  return out;
}

Calendar load(const std::string& spec) {
  if (spec.empty()) {
    return Calendar();
  }
  // A name (no path separator, no .yaml) is a named calendar; else a file.
  if (spec.find('/') == std::string::npos && !text::ends_with_nocase(spec, ".yaml") &&
      !text::ends_with_nocase(spec, ".yml") && !std::filesystem::exists(spec)) {
    return load_named(spec);
  }
  return parse(io::read_file(spec), spec);
}

}  // namespace sopctl::calendar
