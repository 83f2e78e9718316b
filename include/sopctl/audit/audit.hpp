#pragma once
// `audit` (docs/spec.md §5.4): a plan compared with a log of what was done.
// Each planned item in the range is on time, late, missed or pending; done
// records that match no planned item are unplanned.

#include <sopctl/base/timezone.hpp>
#include <sopctl/plan/plan.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::audit {

// One record of the done log, as read (values not yet resolved).
struct DoneRecord {
  std::int64_t line = 0;
  std::int64_t done_at = 0;  // local wall seconds in the SOPs' time zone
  std::string key;           // empty: matched by group (or customer) and task
  std::string group;         // a group id, or its display name
  std::string customer;
  std::string task;  // a task id, or its title
  std::string staff;
};

// The columns to read; group and task may be renamed for SCRM exports
// (--group-col, --task-col).
struct DoneColumns {
  std::string done_at = "done_at";
  std::string key = "key";
  std::string group = "group";
  std::string customer = "customer";
  std::string task = "task";
  std::string staff = "staff";
};

struct DoneLog {
  std::string path;
  std::vector<DoneRecord> records;  // in file order
};

// Reads a done log (UTF-8 CSV, BOM stripped by the caller). `zone` converts
// done_at values written with an offset; null: UTC. Throws Error naming the
// file and line for a missing column, an unparsable done_at, or a record
// that names neither a key nor a group (or customer) and task.
DoneLog read_done_log(std::string_view text, const std::string& path, const DoneColumns& columns,
                      const TimeZone* zone);

enum class Status { on_time, late, missed, pending };
const char* status_name(Status s);  // "on_time", "late", "missed", "pending"

enum class By { staff, group, task, day };
std::optional<By> parse_by(std::string_view text);
const char* by_name(By by);

struct Options {
  Date from;  // the audited range, inclusive
  Date to;
  std::int64_t grace_seconds = 30 * 60;
  std::optional<std::int64_t> as_of;  // local wall seconds; none: the latest done_at
  By by = By::staff;
};

struct Counts {
  std::int64_t planned = 0;
  std::int64_t on_time = 0;
  std::int64_t late = 0;
  std::int64_t missed = 0;
  std::int64_t pending = 0;
  std::int64_t unplanned = 0;
  // on_time / (planned - pending); none when nothing is due yet.
  std::optional<double> on_time_rate() const;
};

struct Row {
  std::string value;  // staff id, group id, task id or date
  std::string label;  // staff or group name; empty for tasks and days
  Counts counts;
};

// A planned item of the range with its status.
struct AuditedItem {
  const PlanItem* item = nullptr;
  Status status = Status::missed;
  std::optional<std::int64_t> done_at;
  std::int64_t done_line = 0;
};

struct Unplanned {
  DoneRecord record;  // a copy: the report may outlive the log
  std::string group;  // resolved id; "customer:ID" for a customer's record
  std::string task;
};

struct Report {
  Options options;
  std::int64_t as_of = 0;
  std::vector<Row> rows;  // sorted by value
  Counts totals;
  std::vector<AuditedItem> items;  // every planned item of the range, plan order
  std::vector<Unplanned> unplanned;
  std::int64_t duplicates = 0;    // records for an item already done
  std::int64_t out_of_range = 0;  // records outside the range, not counted
};

// Matches `log` against `plan`, whose items must cover the audited range
// (and may reach beyond it: records for items outside the range are not
// counted). Records are taken in done_at order: by key; else the item of
// that group and task on the record's local date; else the latest unmatched
// earlier one. Throws Error naming the log's file and line for a key the
// plan lacks, a group the roster lacks, or a task the group's SOPs lack.
// `customers` (may be null) resolves records naming a customer (by id or name).
Report run_audit(const Plan& plan, const std::vector<Sop>& sops, const Roster& roster,
                 const Customers* customers, const DoneLog& log, const Options& options);

// Local wall seconds of an item's time (its date's midnight for all-day items).
std::int64_t item_start(const PlanItem& item);

}  // namespace sopctl::audit
