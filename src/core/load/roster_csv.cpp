// load_roster_csv(): groups kept as a spreadsheet (docs/spec.md §1.3), one per row.

#include "roster_parts.hpp"
#include "yaml_walk.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/load/loader.hpp>
#include <sopctl/text/csv_reader.hpp>
#include <sopctl/text/did_you_mean.hpp>
#include <sopctl/text/utf8.hpp>
#include <sopctl/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace sopctl {
namespace {

const std::vector<std::string> k_columns = {
    "id", "name", "sop", "open", "close", "owner", "assistants", "size", "tags", "letter", "skip"};

// Offsets at which lines start, with LF, CRLF and a lone CR each ending a
// line as the CSV reader counts them.
std::vector<std::size_t> csv_line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      starts.push_back(i + 1);
    }
  }
  return starts;
}

// Where each field of the row starting at `offset` begins (after leading
// blanks), so that a finding points at its cell. The CSV reader gives only
// the row's line; this re-walks the row with the same quoting rules.
std::vector<std::size_t> field_offsets(std::string_view text, std::size_t offset) {
  std::vector<std::size_t> out;
  std::size_t pos = offset;
  while (true) {
    std::size_t shown = pos;
    while (shown < text.size() && (text[shown] == ' ' || text[shown] == '\t')) {
      ++shown;
    }
    out.push_back(shown);
    if (pos < text.size() && text[pos] == '"') {
      for (++pos; pos < text.size(); ++pos) {
        if (text[pos] == '"') {
          if (pos + 1 < text.size() && text[pos + 1] == '"') {
            ++pos;
          } else {
            ++pos;
            break;
          }
        }
      }
    }
    while (pos < text.size() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
      ++pos;
    }
    if (pos >= text.size() || text[pos] != ',') {
      return out;
    }
    ++pos;
  }
}

// "a; b；c" -> [a, b, c]: Excel users type either semicolon.
std::vector<Located<std::string>> split_list(const Located<std::string>& cell) {
  std::vector<Located<std::string>> out;
  // Copy with the fullwidth '；' (EF BC 9B) turned into ';'. (Not with
  // std::string::replace, on which GCC 12 raises a false -Wrestrict.)
  const std::string_view v = cell.value;
  std::string s;
  s.reserve(v.size());
  for (std::size_t i = 0; i < v.size();) {
    if (v.substr(i, 3) == "\xEF\xBC\x9B") {
      s += ';';
      i += 3;
    } else {
      s += v[i++];
    }
  }
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto end = std::min(s.find(';', start), s.size());
    const auto item = load::trim(std::string_view(s).substr(start, end - start));
    if (!item.empty()) {
      out.emplace_back(std::string(item), cell.loc);
    }
    start = end + 1;
  }
  return out;
}

class CsvRoster {
public:
  CsvRoster(std::string_view text, const std::string& path, Diagnostics& diags)
      : m_text(text::strip_bom(text)),
        m_path(path),
        m_diags(diags),
        m_line_starts(csv_line_starts(m_text)) {}

  // The character column of every field of a CSV line, counted in one pass
  // (a header of 20,000 columns costs its length, not its length squared).
  std::vector<int> cell_columns(int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > m_line_starts.size()) {
      return {};
    }
    const std::size_t start = m_line_starts[static_cast<std::size_t>(line) - 1];
    const auto offsets = field_offsets(m_text, start);
    std::vector<int> columns;
    columns.reserve(offsets.size());
    std::size_t at = start;
    std::size_t column = 1;
    for (const std::size_t offset : offsets) {
      column += text::count_chars(m_text.substr(at, offset - at));
      at = offset;
      columns.push_back(static_cast<int>(column));
    }
    return columns;
  }

  SourceLoc cell_loc(int line, const std::vector<int>& columns, std::size_t index) const {
    if (columns.empty()) {
      return {m_path, line, 1};
    }
    return {m_path, line, index < columns.size() ? columns[index] : columns.back()};
  }

  // Maps header columns to known names; false when id or sop is missing.
  bool read_header(const text::CsvRow& header) {
    const auto columns = cell_columns(header.line);
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      std::string name(load::trim(header.fields[i]));
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      const SourceLoc loc = cell_loc(header.line, columns, i);
      if (std::find(k_columns.begin(), k_columns.end(), name) == k_columns.end()) {
        const std::string match = text::closest_match(name, k_columns);
        load::report_to(
            m_diags, loc, "unknown-key",
            match.empty()
                ? trf("unknown column '{}' (expected columns: {})", name, load::join(k_columns))
                : trf("unknown column '{}' (did you mean '{}'?)", name, match));
        m_columns.emplace_back();
        continue;
      }
      if (std::find(m_columns.begin(), m_columns.end(), name) != m_columns.end()) {
        load::report_to(m_diags, loc, "duplicate-key", trf("duplicate column '{}'", name));
        m_columns.emplace_back();
        continue;
      }
      m_columns.push_back(name);
    }
    bool ok = true;
    for (const char* required : {"id", "sop"}) {
      if (std::find(m_columns.begin(), m_columns.end(), required) == m_columns.end()) {
        load::report_to(m_diags, {m_path, header.line, 1}, "missing-key",
                        trf("missing column '{}' in the CSV header (expected columns: {})",
                            required, load::join(k_columns)));
        ok = false;
      }
    }
    return ok;
  }

  void read_row(const text::CsvRow& row, load::IdRegistry& ids, Roster& roster) {
    const bool blank = std::all_of(row.fields.begin(), row.fields.end(),
                                   [](const std::string& f) { return load::trim(f).empty(); });
    if (blank) {
      return;  // a row of empty cells, as Excel leaves them
    }
    load::GroupInput in;
    in.loc = {m_path, row.line, 1};
    const auto columns = cell_columns(row.line);
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      const auto value = load::trim(row.fields[i]);
      if (i >= m_columns.size()) {
        if (!value.empty()) {
          load::report_to(m_diags, cell_loc(row.line, columns, i), "bad-value",
                          trf("row has {} fields but the header names {} columns",
                              row.fields.size(), m_columns.size()));
          break;
        }
        continue;
      }
      set(in, m_columns[i],
          Located<std::string>{std::string(value), cell_loc(row.line, columns, i)});
    }
    if (in.id && in.id->value.empty()) {
      in.id.reset();  // an empty id cell is a missing id
    }
    load::add_group(m_diags, in, ids, roster);
  }

private:
  static void set(load::GroupInput& in, const std::string& column, Located<std::string> cell) {
    if (column == "assistants") {
      in.assistants = split_list(cell);
    } else if (column == "tags") {
      in.tags = split_list(cell);
    } else if (column == "id") {
      in.id = std::move(cell);
    } else if (column == "name") {
      in.name = std::move(cell);
    } else if (column == "sop") {
      in.sops = split_list(cell);
      in.sop = std::move(cell);
    } else if (column == "close") {
      in.close = std::move(cell);
    } else if (column == "skip") {
      in.skip = split_list(cell);
    } else if (column == "open") {
      in.open = std::move(cell);
    } else if (column == "owner") {
      in.owner = std::move(cell);
    } else if (column == "size") {
      in.size = std::move(cell);
    } else if (column == "letter") {
      in.letter = std::move(cell);
    }
  }

  std::string_view m_text;
  const std::string& m_path;
  Diagnostics& m_diags;
  std::vector<std::size_t> m_line_starts;
  std::vector<std::string> m_columns;  // per header field; "" for ignored ones
};

}  // namespace

void load_roster_csv(std::string_view text, const std::string& path, Roster& roster,
                     Diagnostics& diags) {
  const auto rows = text::parse_csv(text, path);
  roster.paths.push_back(path);
  if (rows.empty()) {
    load::report_to(
        diags, {path, 1, 1}, "missing-key",
        trf("empty roster CSV: expected a header line with the columns {}", load::join(k_columns)));
    return;
  }
  CsvRoster csv(text, path, diags);
  if (!csv.read_header(rows.front())) {
    return;
  }
  load::check_group_count(roster.groups.size(), rows.size() - 1, [&](std::size_t k) {
    return SourceLoc{path, rows[k + 1].line, 1};
  });
  load::IdRegistry ids(tr("group"));
  for (std::size_t i = 1; i < rows.size(); ++i) {
    csv.read_row(rows[i], ids, roster);
  }
}

}  // namespace sopctl
