// The done log of `audit` (docs/spec.md §5.4): done_at plus a key, or a group
// (or customer) and a task; optionally who did it.

#include <sopctl/audit/audit.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/timestamp.hpp>
#include <sopctl/text/csv.hpp>
#include <sopctl/text/strings.hpp>

#include <fmt/format.h>

namespace sopctl::audit {
namespace {

struct Columns {
  std::size_t done_at = 0;
  std::optional<std::size_t> key, group, customer, task, staff;
};

Columns find_columns(const csv::Header& header, const DoneColumns& names, const std::string& path) {
  Columns c;
  const auto done_at = header.find(names.done_at);
  if (!done_at) {
    throw Error(
        trf("{}:1: no '{}' column (the header is: {}); the done log needs "
            "done_at and either key, or group (or customer) and task",
            path, names.done_at, header.joined()));
  }
  c.done_at = *done_at;
  c.key = header.find(names.key);
  c.group = header.find(names.group);
  c.customer = header.find(names.customer);
  c.task = header.find(names.task);
  c.staff = header.find(names.staff);
  if (!c.key && !((c.group || c.customer) && c.task)) {
    throw Error(trf(
        "{}:1: the done log needs a '{}' column, or '{}' (or '{}') and '{}' columns (the header "
        "is: {}); rename the columns of an SCRM export with --group-col and --task-col",
        path, names.key, names.group, names.customer, names.task, header.joined()));
  }
  return c;
}

std::string field(const csv::Record& rec, const std::optional<std::size_t>& column) {
  if (!column || *column >= rec.fields.size()) {
    return {};
  }
  return std::string(text::trim(rec.fields[*column]));
}

}  // namespace

DoneLog read_done_log(std::string_view text, const std::string& path, const DoneColumns& columns,
                      const TimeZone* zone) {
  DoneLog log;
  log.path = path;
  const csv::Header header = csv::read_header(text, path);
  const Columns c = find_columns(header, columns, path);
  csv::Reader reader(text, path, header.data_offset, header.data_line);
  csv::Record rec;
  while (reader.next(rec)) {
    if (rec.blank()) {
      continue;
    }
    DoneRecord r;
    r.line = rec.line;
    const std::string done_at = field(rec, c.done_at);
    const auto t = parse_timestamp(done_at);
    const auto local = t ? local_in_date_range(to_local(*t, zone)) : std::nullopt;
    if (t && !local) {
      throw Error(
          trf("{}:{}: done_at '{}' falls outside 0001-01-01..9999-12-31 in the "
              "SOP's time zone",
              path, rec.line, text::shorten(done_at)));
    }
    if (!t) {
      throw Error(
          trf("{}:{}: done_at '{}' is not a time (use 2026-12-03 20:05 or "
              "2026-12-03T20:05:00+08:00)",
              path, rec.line, text::shorten(done_at)));
    }
    r.done_at = *local;
    r.key = field(rec, c.key);
    r.group = field(rec, c.group);
    r.customer = field(rec, c.customer);
    r.task = field(rec, c.task);
    r.staff = field(rec, c.staff);
    if (r.key.empty() && ((r.group.empty() && r.customer.empty()) || r.task.empty())) {
      throw Error(
          trf("{}:{}: the record names no key and no {} and {}: fill them in or "
              "delete the row",
              path, rec.line, r.customer.empty() ? "group" : "customer", "task"));
    }
    log.records.push_back(std::move(r));
  }
  return log;
}

}  // namespace sopctl::audit
