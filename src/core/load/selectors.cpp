// Schedule selectors (docs/spec.md §1.2): day, days, date, dates, every.

#include "sop_parts.hpp"
#include "values.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/load/loader.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::load {
namespace {

const std::vector<std::string> k_weekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const std::vector<std::string> k_every_words = {"day", "workday", "offday", "weekend", "mon", "tue",
                                                "wed", "thu",     "fri",    "sat",     "sun"};

template <class T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// The scalar items of a selector value: the value itself when it is a
// scalar, else the items of its list. Other shapes give wrong-type.
std::vector<Located<std::string>> scalar_items(Reader& r, const Field& f,
                                               const std::string& wrong_type) {
  std::vector<Located<std::string>> out;
  if (!f.is_null() && f.value.is_scalar()) {
    out.emplace_back(f.value.scalar(), f.value_loc);
    return out;
  }
  if (f.is_null() || !f.value.is_sequence()) {
    r.report(f.value_loc, "wrong-type", wrong_type);
    return out;
  }
  for (const YamlNode item : f.value.items()) {
    const SourceLoc l = r.loc(item, f.value_loc);
    if (!item || !item.is_scalar()) {
      r.report(l, "wrong-type", wrong_type);
      continue;
    }
    out.emplace_back(item.scalar(), l);
  }
  if (f.value.size() == 0) {
    r.report(f.value_loc, "bad-value", trf("'{}' is an empty list", f.key));
  }
  return out;
}

// bad-value (once, at the item past the limit) when a list has named more
// than k_max_selector_days days so far; the rest of the list is ignored.
bool too_many(Reader& r, const Located<std::string>& item, const std::string& key,
              std::size_t so_far) {
  if (so_far <= k_max_selector_days) {
    return false;
  }
  r.report(item.loc, "bad-value",
           trf("'{}' names more than {} days (ranges expanded, repeats counted); "
               "the rest of the list is ignored",
               key, k_max_selector_days));
  return true;
}

std::optional<Selector> read_days(Reader& r, const Field& f, Selector sel) {
  const std::string wrong_type =
      f.key == "day" ? "'day' must be a day number such as 3 or -1"
                     : "'days' must be a list of day numbers or a range like \"1..7\"";
  if (f.key == "day" && !f.is_null() && !f.value.is_scalar()) {
    r.report(f.value_loc, "wrong-type", wrong_type);
    return std::nullopt;
  }
  for (const auto& item : scalar_items(r, f, wrong_type)) {
    if (too_many(r, item, f.key, sel.days.size())) {
      break;
    }
    if (f.key == "days" && split_range(item.value)) {
      expand_day_range(r.diags(), item, sel.days);
    } else if (auto n = parse_int(item.value)) {
      if (auto d = check_day(r.diags(), *n, item.loc)) {
        sel.days.push_back(*d);
      }
    } else {
      r.report(item.loc, "wrong-type", wrong_type);
    }
  }
  sort_unique(sel.days);
  sel.kind = f.key == "day" ? Selector::Kind::day : Selector::Kind::days;
  return sel.days.empty() ? std::nullopt : std::optional<Selector>(sel);
}

std::optional<Selector> read_dates(Reader& r, const Field& f, Selector sel) {
  const std::string wrong_type =
      f.key == "date" ? "'date' must be a date (YYYY-MM-DD)"
                      : "'dates' must be a list of dates (YYYY-MM-DD) or a range like "
                        "\"2026-12-01..2026-12-07\"";
  if (f.key == "date" && !f.is_null() && !f.value.is_scalar()) {
    r.report(f.value_loc, "wrong-type", wrong_type);
    return std::nullopt;
  }
  for (const auto& item : scalar_items(r, f, wrong_type)) {
    if (too_many(r, item, f.key, sel.dates.size())) {
      break;
    }
    if (split_range(item.value)) {
      expand_date_range(r.diags(), item, sel.dates);
    } else if (auto d = check_date(r.diags(), item)) {
      sel.dates.push_back(*d);
    }
  }
  sort_unique(sel.dates);
  // `date: A..B` is taken as the range it plainly means.
  sel.kind =
      (f.key == "date" && sel.dates.size() == 1) ? Selector::Kind::date : Selector::Kind::dates;
  return sel.dates.empty() ? std::nullopt : std::optional<Selector>(sel);
}

std::optional<int> read_weekday(Reader& r, const Located<std::string>& item) {
  if (auto w = parse_weekday(trim(item.value))) {
    return w;
  }
  r.report(item.loc, "bad-value",
           trf("bad weekday '{}': expected one of {}{}", item.value, join(k_weekdays),
               did_you_mean_suffix(item.value, k_weekdays)));
  return std::nullopt;
}

std::optional<Selector> read_every_map(Reader& r, const Field& f, Selector sel) {
  const auto fields = r.fields(f.value, {"month_day", "days", "weekday", "nth"});
  if (const Field* n = fields.get("days")) {  // every: {days: 3}
    const auto v = r.integer(*n, tr("a whole number of days, e.g. every: {days: 3}"));
    if (!v) {
      return std::nullopt;
    }
    if (v->value < 1 || v->value > 366) {
      r.report(v->loc, "bad-value",
               trf("every {} days: use 1..366 (every: {{days: 3}})", v->value));
      return std::nullopt;
    }
    sel.every = EveryKind::interval;
    sel.interval = v->value;
    return sel;
  }
  if (const Field* w = fields.get("weekday")) {  // every: {weekday: mon, nth: [1, -1]}
    const auto day = r.text(*w);
    const auto wd = day ? read_weekday(r, *day) : std::nullopt;
    const Field* nth = fields.get("nth");
    if (!nth) {
      r.report(w->key_loc, "missing-key",
               tr("missing key 'nth' beside 'weekday' (e.g. every: {weekday: mon, nth: [1, -1]})"));
      return std::nullopt;
    }
    const std::string wrong = "'nth' must list weeks of the month: 1..5, or -1..-5 from the end";
    for (const auto& item : scalar_items(r, *nth, wrong)) {
      const auto n = parse_int(item.value);
      if (!n || *n == 0 || *n < -5 || *n > 5) {
        r.report(item.loc, n ? "bad-value" : "wrong-type", wrong);
      } else {
        sel.nths.push_back(*n);
      }
    }
    sort_unique(sel.nths);
    if (!wd || sel.nths.empty()) {
      return std::nullopt;
    }
    sel.every = EveryKind::nth_weekday;
    sel.weekdays = {*wd};
    return sel;
  }
  const Field* md = fields.get("month_day");
  if (!md) {
    r.report(f.value_loc, "missing-key",
             tr("missing key 'month_day', 'days' or 'weekday' in 'every' (e.g. every: {month_day: "
                "[1, 15]})"));
    return std::nullopt;
  }
  const std::string wrong_type =
      "'month_day' must be a list of days of the month (1..31, or -1 for the last day)";
  for (const auto& item : scalar_items(r, *md, wrong_type)) {
    const auto n = parse_int(item.value);
    if (!n) {
      r.report(item.loc, "wrong-type", wrong_type);
    } else if (*n < -28 || *n == 0 || *n > 31) {
      r.report(item.loc, "bad-value",
               trf("month day {} does not exist: use 1..31, or -1..-28 counted from "
                   "the end of the month",
                   *n));
    } else {
      sel.month_days.push_back(*n);
    }
  }
  sort_unique(sel.month_days);
  sel.every = EveryKind::month_days;
  return sel.month_days.empty() ? std::nullopt : std::optional<Selector>(sel);
}

std::optional<Selector> read_every(Reader& r, const Field& f, Selector sel) {
  sel.kind = Selector::Kind::every;
  if (!f.is_null() && f.value.is_map()) {
    return read_every_map(r, f, sel);
  }
  if (!f.is_null() && f.value.is_sequence()) {
    for (const auto& item : scalar_items(r, f, "'every' must list weekdays like [mon, thu]")) {
      if (auto w = read_weekday(r, item)) {
        sel.weekdays.push_back(*w);
      }
    }
    sort_unique(sel.weekdays);
    sel.every = EveryKind::weekdays;
    return sel.weekdays.empty() ? std::nullopt : std::optional<Selector>(sel);
  }
  const std::string word = f.is_null() ? std::string() : f.value.scalar();
  const std::pair<const char*, EveryKind> words[] = {{"day", EveryKind::day},
                                                     {"workday", EveryKind::workday},
                                                     {"offday", EveryKind::offday},
                                                     {"weekend", EveryKind::weekend}};
  for (const auto& [name, kind] : words) {
    if (word == name) {
      sel.every = kind;
      return sel;
    }
  }
  if (auto w = parse_weekday(trim(word))) {
    sel.every = EveryKind::weekdays;
    sel.weekdays = {*w};
    return sel;
  }
  r.report(f.value_loc, "bad-value",
           trf("bad 'every' value '{}': expected day, workday, offday, weekend, a weekday "
               "(mon..sun), a list of weekdays or {{month_day: [1, 15]}}{}",
               word, did_you_mean_suffix(word, k_every_words)));
  return std::nullopt;
}

}  // namespace

std::optional<Selector> read_selector(Reader& r, const Field& f) {
  Selector sel;
  sel.loc = f.key_loc;
  if (f.key == "day" || f.key == "days") {
    return read_days(r, f, sel);
  }
  if (f.key == "date" || f.key == "dates") {
    return read_dates(r, f, sel);
  }
  return read_every(r, f, sel);
}

}  // namespace sopctl::load
