#include "xlsx_book.hpp"
#include <sopctl/base/i18n.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/text/csv.hpp>
#include <sopctl/text/utf8.hpp>
#include <sopctl/text/width.hpp>

#include <xlsxwriter.h>

#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>

namespace sopctl::render::xlsx {

namespace {

constexpr std::size_t k_max_string = 32767;  // Excel's limit for a cell
constexpr double k_max_width = 60;

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) {
    return false;
  }
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') {
      return false;
    }
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// "YYYY-MM-DD" at the start of s; Excel's dates begin in 1900.
bool read_date(std::string_view s, lxw_datetime& dt) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, dt.year) ||
      !digits(s, 5, 2, dt.month) || !digits(s, 8, 2, dt.day)) {
    return false;
  }
  static constexpr int k_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (dt.year % 4 == 0 && dt.year % 100 != 0) || dt.year % 400 == 0;
  return dt.year >= 1900 && dt.month >= 1 && dt.month <= 12 && dt.day >= 1 &&
         dt.day <= k_days[dt.month - 1] && (dt.month != 2 || dt.day <= 28 || leap);
}

// "HH:MM" or "HH:MM:SS", all of s.
bool read_time(std::string_view s, lxw_datetime& dt) {
  int sec = 0;
  const bool hm =
      s.size() >= 5 && s[2] == ':' && digits(s, 0, 2, dt.hour) && digits(s, 3, 2, dt.min);
  const bool ok = hm && (s.size() == 5 || (s.size() == 8 && s[5] == ':' && digits(s, 6, 2, sec)));
  dt.sec = sec;
  return ok && dt.hour < 24 && dt.min < 60 && sec < 60;
}

bool read_number(std::string_view s, double& v) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return !s.empty() && ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(v);
}

struct Formats {
  lxw_format* header;
  lxw_format* integer;
  lxw_format* percent;
  lxw_format* date;
  lxw_format* time;
  lxw_format* datetime;
};

Formats make_formats(lxw_workbook* book) {
  Formats f{};
  f.header = workbook_add_format(book);
  format_set_bold(f.header);
  f.integer = workbook_add_format(book);
  format_set_num_format(f.integer, "0");
  f.percent = workbook_add_format(book);
  format_set_num_format(f.percent, "0.0%");
  f.date = workbook_add_format(book);
  format_set_num_format(f.date, "yyyy-mm-dd");
  f.time = workbook_add_format(book);
  format_set_num_format(f.time, "hh:mm");
  f.datetime = workbook_add_format(book);
  format_set_num_format(f.datetime, "yyyy-mm-dd hh:mm");
  return f;
}

// Writes one cell; returns the width of what Excel shows.
std::size_t write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& v, Kind kind,
                       const Formats& f) {
  if (v.empty()) {
    return 0;
  }
  double number = 0;
  lxw_datetime dt{};
  switch (kind) {
    case Kind::integer:
    case Kind::number:
      if (read_number(v, number)) {
        worksheet_write_number(ws, r, c, number, kind == Kind::integer ? f.integer : nullptr);
        return std::min<std::size_t>(v.size(), 15);
      }
      break;
    case Kind::percent:
      if (read_number(v, number)) {
        worksheet_write_number(ws, r, c, number, f.percent);
        return 7;
      }
      break;
    case Kind::date:
      if (v.size() == 10 && read_date(v, dt)) {
        worksheet_write_datetime(ws, r, c, &dt, f.date);
        return 10;
      }
      break;
    case Kind::time:
      if (read_time(v, dt)) {
        worksheet_write_datetime(ws, r, c, &dt, f.time);
        return 5;
      }
      break;
    case Kind::datetime:
      if (v.size() >= 16 && (v[10] == ' ' || v[10] == 'T') && read_date(v, dt) &&
          read_time(std::string_view(v).substr(11), dt)) {
        worksheet_write_datetime(ws, r, c, &dt, f.datetime);
        return 16;
      }
      break;
    case Kind::text:
      break;
  }
  const std::string s = text::utf8_prefix(v, k_max_string);
  worksheet_write_string(ws, r, c, s.c_str(), nullptr);
  return text::display_width(s);
}

void write_sheet(lxw_workbook* book, const Sheet& sheet, const std::string& name,
                 const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
  if (ws == nullptr) {
    throw Error(trf("cannot add the sheet '{}' to the workbook", name));
  }
  const std::size_t cols = sheet.header.size();
  std::vector<std::size_t> width(cols, 0);
  for (std::size_t c = 0; c < cols; ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), f.header);
    width[c] = text::display_width(sheet.header[c]);
  }
  std::vector<Kind> kinds = sheet.kinds;
  kinds.resize(cols, Kind::text);
  std::size_t override_at = 0;
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const std::vector<std::string>& row = sheet.rows[r];
    for (std::size_t c = 0; c < row.size() && c < cols; ++c) {
      Kind kind = kinds[c];
      while (override_at < sheet.cell_kinds.size() &&
             sheet.cell_kinds[override_at].first < std::make_pair(r, c)) {
        ++override_at;
      }
      if (override_at < sheet.cell_kinds.size() &&
          sheet.cell_kinds[override_at].first == std::make_pair(r, c)) {
        kind = sheet.cell_kinds[override_at].second;
      }
      const std::size_t w =
          write_cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), row[c], kind, f);
      width[c] = std::max(width[c], w);
    }
  }
  for (std::size_t c = 0; c < cols; ++c) {
    const double w = std::min(k_max_width, static_cast<double>(width[c]) + 2);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (cols > 0) {
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                         static_cast<lxw_col_t>(cols - 1));
  }
}

std::string lower_ascii(std::string s) {
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') {
      ch = static_cast<char>(ch - 'A' + 'a');
    }
  }
  return s;
}

// The first `n` characters of s.
std::string first_chars(std::string_view s, std::size_t n) {
  std::size_t bytes = 0;
  for (std::size_t chars = 0; bytes < s.size() && chars < n; ++chars) {
    ++bytes;
    while (bytes < s.size() && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) {
      ++bytes;
    }
  }
  return std::string(s.substr(0, bytes));
}

std::time_t document_time() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    long long v = 0;
    const auto [ptr, ec] = std::from_chars(epoch, epoch + std::strlen(epoch), v);
    if (ec == std::errc() && *ptr == '\0' && v > 0) {
      return static_cast<std::time_t>(v);
    }
  }
  return 315532800;  // 1980-01-01T00:00:00Z, the zip epoch
}

}  // namespace

std::string sheet_name(std::string_view wanted) {
  std::string out;
  for (const char ch : wanted) {
    out += std::strchr("[]:*?/\\", ch) != nullptr && ch != '\0' ? ' ' : ch;
  }
  out = first_chars(out, LXW_SHEETNAME_MAX);
  // Excel also refuses a name that starts or ends with an apostrophe.
  if (!out.empty() && out.front() == '\'') {
    out.front() = ' ';
  }
  if (!out.empty() && out.back() == '\'') {
    out.back() = ' ';
  }
  return out.empty() ? "sheet" : out;
}

Sheet sheet_from_csv(std::string name, std::string_view csv,
                     const std::vector<std::pair<std::string_view, Kind>>& kinds) {
  Sheet sheet;
  sheet.name = std::move(name);
  csv::Reader reader(csv, sheet.name);
  csv::Record rec;
  if (!reader.next(rec)) {
    return sheet;
  }
  for (const std::string_view field : rec.fields) {
    sheet.header.emplace_back(field);
    Kind kind = Kind::text;
    for (const auto& [column, k] : kinds) {
      kind = column == field ? k : kind;
    }
    sheet.kinds.push_back(kind);
  }
  while (reader.next(rec)) {
    sheet.rows.emplace_back(rec.fields.begin(), rec.fields.end());
  }
  return sheet;
}

std::string workbook(const std::vector<Sheet>& sheets) {
  const char* dir = std::getenv("TMPDIR");
  std::string path =
      std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/sopctl-xlsx-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) {
    throw Error(trf("cannot create a temporary file for the workbook in {}: {}",
                    path.substr(0, path.rfind('/')), std::strerror(errno)));
  }
  close(fd);
  const std::string tmpdir = path.substr(0, path.rfind('/'));
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (book == nullptr) {
    unlink(path.c_str());
    throw Error(trf("cannot start the workbook in {}", tmpdir));
  }
  lxw_doc_properties props{};
  props.created = document_time();
  workbook_set_properties(book, &props);
  const Formats f = make_formats(book);
  std::vector<std::string> taken;
  try {
    for (const Sheet& sheet : sheets) {
      std::string name = sheet_name(sheet.name);
      for (int n = 2; std::find(taken.begin(), taken.end(), lower_ascii(name)) != taken.end();
           ++n) {
        const std::string suffix = " " + std::to_string(n);
        name = first_chars(sheet_name(sheet.name), LXW_SHEETNAME_MAX - suffix.size()) + suffix;
      }
      taken.push_back(lower_ascii(name));
      write_sheet(book, sheet, name, f);
    }
  } catch (...) {
    workbook_close(book);
    unlink(path.c_str());
    throw;
  }
  const lxw_error closed = workbook_close(book);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  unlink(path.c_str());
  if (closed != LXW_NO_ERROR || bytes.empty()) {
    throw Error(std::string("cannot write the workbook: ") + lxw_strerror(closed));
  }
  return bytes;
}

}  // namespace sopctl::render::xlsx
