// Reading ClickHouse's answer to the funnel query (TabSeparatedWithNames,
// one row per --by value, an empty line, then WITH TOTALS' row) into the
// funnel::Result that funnel::compute gives on the same data.

#include <sopctl/sql/sql.hpp>

#include <sopctl/base/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace sopctl::sql {

namespace {

struct Field {
  std::string text;
  bool null = false;
};
using Row = std::vector<Field>;

// TabSeparated's escapes: \t \n \\ \' \0 \b \f \r, and \N for NULL.
Field unescape(std::string_view raw) {
  Field f;
  if (raw == "\\N") {
    f.null = true;
    return f;
  }
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      f.text += raw[i];
      continue;
    }
    const char c = raw[++i];
    switch (c) {
      case 't':
        f.text += '\t';
        break;
      case 'n':
        f.text += '\n';
        break;
      case 'r':
        f.text += '\r';
        break;
      case 'b':
        f.text += '\b';
        break;
      case 'f':
        f.text += '\f';
        break;
      case '0':
        f.text += '\0';
        break;
      default:
        f.text += c;
        break;
    }
  }
  return f;
}

Row split_row(std::string_view line) {
  Row row;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    row.push_back(unescape(line.substr(start, tab - start)));
    if (tab == std::string_view::npos) {
      return row;
    }
    start = tab + 1;
  }
}

class Answer {
public:
  Answer(std::string_view text, std::string where) : m_where(std::move(where)) {
    std::size_t line_no = 0;
    bool after_blank = false;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      end = end == std::string_view::npos ? text.size() : end;
      const std::string_view line = text.substr(start, end - start);
      start = end + 1;
      ++line_no;
      if (line_no == 1) {
        const Row names = split_row(line);
        for (std::size_t i = 0; i < names.size(); ++i) {
          m_column[names[i].text] = i;
        }
        m_width = names.size();
        continue;
      }
      if (line.empty()) {
        if (after_blank) {
          fail(fmt::format("line {}: a second empty line", line_no));
        }
        after_blank = true;
        continue;
      }
      Row row = split_row(line);
      if (row.size() != m_width) {
        fail(fmt::format("line {}: {} fields where the header has {}", line_no, row.size(),
                         m_width));
      }
      (after_blank ? m_totals : m_rows).push_back(std::move(row));
    }
    if (line_no == 0) {
      fail("an empty answer");
    }
  }

  const std::vector<Row>& rows() const { return m_rows; }
  const std::vector<Row>& totals() const { return m_totals; }

  std::size_t column(const std::string& name) const {
    const auto it = m_column.find(name);
    if (it == m_column.end()) {
      fail("no column '" + name + "' (is this the answer to sopctl's own query?)");
    }
    return it->second;
  }
  std::uint64_t count(const Row& row, const std::string& name) const {
    const Field& f = row[column(name)];
    std::uint64_t v = 0;
    const char* end = f.text.data() + f.text.size();
    const auto [ptr, ec] = std::from_chars(f.text.data(), end, v);
    if (f.null || f.text.empty() || ec != std::errc() || ptr != end) {
      fail(fmt::format("column '{}' holds '{}', not a count", name, f.text));
    }
    return v;
  }
  std::optional<double> number(const Row& row, const std::string& name) const {
    const Field& f = row[column(name)];
    if (f.null || f.text == "nan") {
      return std::nullopt;
    }
    // from_chars, not strtod: the locale (LC_NUMERIC under gettext) must not matter.
    double v = 0;
    const char* end = f.text.data() + f.text.size();
    const auto [ptr, ec] = std::from_chars(f.text.data(), end, v);
    if (f.text.empty() || ec != std::errc() || ptr != end || !std::isfinite(v)) {
      fail(fmt::format("column '{}' holds '{}', not a number", name, f.text));
    }
    return v;
  }
  const std::string& text(const Row& row, const std::string& name) const {
    return row[column(name)].text;
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(fmt::format("{}: the answer is not the funnel query's: {}", m_where, what));
  }

private:
  std::string m_where;
  std::map<std::string, std::size_t> m_column;
  std::size_t m_width = 0;
  std::vector<Row> m_rows;
  std::vector<Row> m_totals;
};

funnel::Funnel funnel_of(const Answer& a, const Row& row, const funnel::Spec& spec) {
  const std::size_t m = spec.steps.size();
  std::vector<std::uint64_t> users;
  std::vector<std::optional<double>> medians(m);
  for (std::size_t k = 1; k <= m; ++k) {
    users.push_back(a.count(row, fmt::format("users_{}", k)));
    if (k >= 2) {
      medians[k - 1] = a.number(row, fmt::format("median_{}", k));
    }
  }
  for (std::size_t k = 1; k < m; ++k) {
    if (users[k] > users[k - 1]) {
      a.fail(fmt::format("more users at step {} than at step {}", k + 1, k));
    }
  }
  funnel::Funnel f = funnel::make_funnel(spec.steps, users, medians);
  for (std::size_t k = 2; k <= m; ++k) {
    f.steps[k - 1].p90_seconds = a.number(row, fmt::format("p90_{}", k));
    f.steps[k - 1].mean_seconds = a.number(row, fmt::format("mean_{}", k));
  }
  if (m >= 2) {
    funnel::TimeToConvert c;
    c.users = a.count(row, "ttc_users");
    c.p50_seconds = a.number(row, "ttc_p50");
    c.p90_seconds = a.number(row, "ttc_p90");
    c.mean_seconds = a.number(row, "ttc_mean");
    for (std::size_t b = 1; b <= funnel::time_bins().size(); ++b) {
      c.histogram.push_back(a.count(row, fmt::format("hist_{}", b)));
    }
    f.time_to_convert = std::move(c);
  }
  return f;
}

}  // namespace

funnel::Result read_funnel_answer(std::string_view answer, const funnel::Spec& spec,
                                  const Source& source, const std::string& where) {
  const Answer a(answer, where);
  const bool by = !source.by_column.empty();
  if (by ? a.totals().size() != 1 : (a.rows().size() != 1 || !a.totals().empty())) {
    a.fail(by ? "no totals row (WITH TOTALS)" : "not one row");
  }
  const Row& total = by ? a.totals()[0] : a.rows()[0];
  funnel::Result r;
  r.from_events = true;
  r.mode = funnel::mode_label(spec);
  r.window = spec.window;
  r.total = funnel_of(a, total, spec);
  r.rows = a.count(total, "rows");
  r.users = a.count(total, "users");
  std::vector<std::string> seen;
  for (const std::string& step : spec.steps) {
    if (std::find(seen.begin(), seen.end(), step) != seen.end()) {
      continue;
    }
    seen.push_back(step);
    if (a.count(total, fmt::format("events_{}", seen.size())) == 0) {
      r.notes.push_back(fmt::format("no '{}' event in the table", step));
    }
  }
  if (by) {
    r.by_column = source.by_column;
    for (const Row& row : a.rows()) {
      funnel::Segment seg{a.text(row, "seg"), funnel_of(a, row, spec)};
      if (!seg.funnel.steps.empty() && seg.funnel.steps[0].users > 0) {
        r.segments.push_back(std::move(seg));
      }
    }
    std::stable_sort(r.segments.begin(), r.segments.end(),
                     [](const funnel::Segment& x, const funnel::Segment& y) {
                       const auto ux = x.funnel.steps[0].users;
                       const auto uy = y.funnel.steps[0].users;
                       return ux != uy ? ux > uy : x.value < y.value;
                     });
  }
  return r;
}

}  // namespace sopctl::sql
