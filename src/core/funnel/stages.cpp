// Rates and drop-off from users per step, stage-count inputs, and goals.

#include <sopctl/funnel/funnel.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/text/strings.hpp>

#include <fmt/format.h>

namespace sopctl::funnel {

namespace {

std::optional<std::size_t> find_any(const csv::Header& h,
                                    std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (auto i = h.find(n)) {
      return i;
    }
  }
  return std::nullopt;
}

// Two columns for one role (users,users or step,stage) would make the choice
// a guess: Error naming both.
void reject_second(const csv::Header& h, std::size_t first,
                   std::initializer_list<const char*> names, const std::string& path) {
  const csv::Header rest{{h.names.begin() + static_cast<std::ptrdiff_t>(first) + 1, h.names.end()}};
  if (const auto second = find_any(rest, names)) {
    throw Error(trf("columns '{}' and '{}' of the header ({}) mean the same; keep one",
                    h.names[first], rest.names[*second], h.joined()),
                SourceLoc{path, 1, 0});
  }
}

// "12110", "12,110", "12110.0": a whole number.
std::optional<std::uint64_t> parse_count(std::string_view s) {
  s = text::trim(s);
  if (const auto dot = s.find('.'); dot != std::string_view::npos) {
    if (s.substr(dot + 1).find_first_not_of('0') != std::string_view::npos) {
      return std::nullopt;
    }
    s = s.substr(0, dot);
  }
  if (s.empty() || s.front() == ',' || s.back() == ',') {
    return std::nullopt;
  }
  std::uint64_t v = 0;
  for (const char c : s) {
    if (c == ',') {
      continue;
    }
    if (c < '0' || c > '9' || v > (UINT64_MAX - 9) / 10) {
      return std::nullopt;
    }
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

}  // namespace

std::optional<Mode> parse_mode(std::string_view text) {
  if (text == "ordered") {
    return Mode::ordered;
  }
  if (text == "strict") {
    return Mode::strict;
  }
  if (text == "any") {
    return Mode::any;
  }
  return std::nullopt;
}

const char* mode_name(Mode m) {
  switch (m) {
    case Mode::strict:
      return "strict";
    case Mode::any:
      return "any";
    case Mode::clickhouse:
      return "clickhouse";
    case Mode::ordered:
      break;
  }
  return "ordered";
}

std::optional<Spec> parse_mode_list(std::string_view text, std::string& error) {
  Spec out;
  if (const auto m = parse_mode(text)) {
    out.mode = *m;
    return out;
  }
  out.mode = Mode::clickhouse;
  ClickHouseModes& ch = out.clickhouse;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    end = end == std::string_view::npos ? text.size() : end;
    const std::string_view word = text::trim(text.substr(start, end - start));
    bool* flag = word == "strict_order"           ? &ch.strict_order
                 : word == "strict_deduplication" ? &ch.strict_deduplication
                 : word == "strict_increase"      ? &ch.strict_increase
                 : word == "strict_once"          ? &ch.strict_once
                 : word == "allow_reentry"        ? &ch.allow_reentry
                                                  : nullptr;
    if (flag == nullptr) {
      error = parse_mode(word)
                  ? trf("'{}' is not combined with ClickHouse's modes: use it alone", word)
                  : trf("unknown funnel mode '{}' (ordered, strict or any; or ClickHouse's "
                        "strict_order, strict_deduplication, strict_increase, strict_once, "
                        "allow_reentry, comma-combined)",
                        word);
      return std::nullopt;
    }
    *flag = true;
    start = end + 1;
  }
  if (ch.allow_reentry && !ch.strict_order) {
    error =
        "allow_reentry needs strict_order (as in ClickHouse): --mode strict_order,allow_reentry";
    return std::nullopt;
  }
  return out;
}

std::string mode_label(const Spec& spec) {
  if (spec.mode != Mode::clickhouse) {
    return mode_name(spec.mode);
  }
  const ClickHouseModes& ch = spec.clickhouse;
  std::string out;
  const std::pair<bool, const char*> flags[] = {{ch.strict_order, "strict_order"},
                                                {ch.strict_deduplication, "strict_deduplication"},
                                                {ch.strict_increase, "strict_increase"},
                                                {ch.strict_once, "strict_once"},
                                                {ch.allow_reentry, "allow_reentry"}};
  for (const auto& [on, name] : flags) {
    if (on) {
      out += (out.empty() ? "" : ",") + std::string(name);
    }
  }
  return out;
}

Funnel make_funnel(const std::vector<std::string>& names, const std::vector<std::uint64_t>& users,
                   const std::vector<std::optional<double>>& medians) {
  Funnel f;
  for (std::size_t k = 0; k < names.size(); ++k) {
    Step s;
    s.name = names[k];
    s.users = users[k];
    if (k == 0) {
      s.from_previous = 1.0;
      s.drop_off = 0.0;
    } else {
      s.lost = static_cast<std::int64_t>(users[k - 1]) - static_cast<std::int64_t>(users[k]);
      if (users[k - 1] > 0) {
        s.from_previous = static_cast<double>(users[k]) / static_cast<double>(users[k - 1]);
        s.drop_off = 1.0 - *s.from_previous;
      }
    }
    if (users[0] > 0) {
      s.from_first = static_cast<double>(users[k]) / static_cast<double>(users[0]);
    }
    if (k < medians.size()) {
      s.median_seconds = medians[k];
    }
    f.steps.push_back(std::move(s));
  }
  if (!f.steps.empty()) {
    f.conversion = f.steps.back().from_first;
  }
  for (std::size_t k = 1; k < f.steps.size(); ++k) {
    const auto& d = f.steps[k].drop_off;
    if (d && *d > 0 && (!f.largest_drop || *d > *f.steps[*f.largest_drop].drop_off)) {
      f.largest_drop = k;
    }
  }
  return f;
}

bool is_stage_counts(const csv::Header& header) {
  return find_any(header, {"step", "stage"}) && find_any(header, {"users", "count"});
}

std::vector<StageRow> read_stage_counts(std::string_view text, const std::string& path,
                                        const csv::Header& header) {
  const auto step_col = find_any(header, {"step", "stage"});
  const auto users_col = find_any(header, {"users", "count"});
  if (!step_col || !users_col) {
    throw Error(
        trf("not stage counts: the header ({}) needs step and users columns", header.joined()),
        SourceLoc{path, 1, 0});
  }
  reject_second(header, *step_col, {"step", "stage"}, path);
  reject_second(header, *users_col, {"users", "count"}, path);
  std::vector<StageRow> rows;
  csv::Reader reader(text, path, header.data_offset, header.data_line);
  csv::Record rec;
  while (reader.next(rec)) {
    if (rec.blank()) {
      continue;
    }
    const auto need = std::max(*step_col, *users_col) + 1;
    if (rec.fields.size() < need) {
      throw Error(trf("{} field{} where the header has {}", rec.fields.size(),
                      rec.fields.size() == 1 ? "" : "s", header.names.size()),
                  SourceLoc{path, static_cast<int>(rec.line), 0});
    }
    StageRow row;
    row.step = std::string(text::trim(rec.fields[*step_col]));
    row.line = rec.line;
    const auto n = parse_count(rec.fields[*users_col]);
    if (row.step.empty()) {
      throw Error(tr("empty step name"), SourceLoc{path, static_cast<int>(rec.line), 0});
    }
    if (!n) {
      throw Error(trf("bad user count '{}' for step '{}' (expected a whole number)",
                      rec.fields[*users_col], row.step),
                  SourceLoc{path, static_cast<int>(rec.line), 0});
    }
    row.users = *n;
    rows.push_back(std::move(row));
  }
  if (rows.empty()) {
    throw Error(tr("no stage rows after the header"), SourceLoc{path, 1, 0});
  }
  return rows;
}

Result from_stage_counts(const std::vector<StageRow>& rows, const std::vector<std::string>& steps,
                         const std::string& path) {
  std::vector<std::string> names;
  std::vector<std::uint64_t> users;
  if (steps.empty()) {
    for (const StageRow& r : rows) {
      names.push_back(r.step);
      users.push_back(r.users);
    }
  } else {
    std::vector<bool> used(rows.size(), false);
    for (const std::string& s : steps) {
      std::size_t i = 0;
      while (i < rows.size() && (used[i] || rows[i].step != s)) {
        ++i;
      }
      if (i == rows.size()) {
        std::string have;
        for (const StageRow& r : rows) {
          have += (have.empty() ? "" : ", ") + r.step;
        }
        throw Error(trf("no row for step '{}' (the file has: {})", s, have), SourceLoc{path, 0, 0});
      }
      used[i] = true;
      names.push_back(rows[i].step);
      users.push_back(rows[i].users);
    }
  }
  Result r;
  r.from_events = false;
  r.rows = rows.size();
  r.total = make_funnel(names, users);
  // A funnel only narrows: more users at a later step means rows out of
  // order, or counts of something else.
  for (std::size_t i = 1; i < names.size(); ++i) {
    if (users[i] > users[i - 1]) {
      r.notes.push_back(
          trf("warning: step '{}' has more users ({}) than '{}' before it ({}): stage counts "
              "should shrink from step to step; check the order of the rows",
              names[i], users[i], names[i - 1], users[i - 1]));
    }
  }
  return r;
}

GoalCheck check_goal(const Funnel& funnel, const std::string& sop, const std::string& metric,
                     double target) {
  GoalCheck g;
  g.sop = sop;
  g.metric = metric;
  g.target = target;
  for (const Step& s : funnel.steps) {
    if (s.name == metric) {
      g.actual = s.from_first;
      break;
    }
  }
  g.met = g.actual && *g.actual >= target;
  return g;
}

}  // namespace sopctl::funnel
