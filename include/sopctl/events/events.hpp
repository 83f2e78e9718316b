#pragma once
// Event logs (docs/spec.md §1.5): a CSV with user_id, event and ts columns (renamed by
// --user-col, --event-col, --time-col) plus any others, not sorted. Loading
// reads the text in parallel (one reader per core over line-aligned chunks),
// keeps only the events asked for, interns user ids, event names and extra
// column values, and returns the events grouped by user. Shared by `funnel`
// and `aarrr`.

#include <sopctl/base/memory.hpp>
#include <sopctl/base/timezone.hpp>
#include <sopctl/model/customers.hpp>
#include <sopctl/text/csv.hpp>
#include <sopctl/text/string_table.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::events {

struct ColumnNames {
  std::string user = "user_id";
  std::string event = "event";
  std::string time = "ts";
};

// Whether the header has the three event-log columns.
bool is_event_log(const csv::Header& header, const ColumnNames& columns);

struct LoadOptions {
  ColumnNames columns;
  // Event names to keep; their ids are their positions here (duplicates
  // share the first). Empty: keep every event, ids in order of appearance.
  std::vector<std::string> keep;
  // Other columns whose value is kept for every kept event (e.g. "channel").
  std::vector<std::string> extra_columns;
  // Local zone for timestamps written with an offset; nullptr: UTC.
  const TimeZone* zone = nullptr;
  unsigned threads = 0;  // 0: one per core
  // Called now and then from one reading thread with the bytes read so far.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // Called from the reading threads with bytes that will not be read again.
  std::function<void(const char* begin, const char* end)> release;
};

struct Event {
  std::int64_t ts;     // local wall time, seconds since 1970 as if local were UTC
  std::uint32_t user;  // id in EventLog::users
  std::uint32_t name;  // id in EventLog::names
};

struct ExtraColumn {
  std::string name;
  text::StringList values;
  std::vector<std::uint32_t, BigAllocator<std::uint32_t>>
      value_of;  // per event (same order as EventLog::events)
};

struct EventLog {
  // Grouped by user: user u owns events [user_begin[u], user_begin[u + 1]),
  // in file order. Users are numbered in order of first appearance.
  std::vector<Event, BigAllocator<Event>> events;
  std::vector<std::size_t> user_begin;
  text::StringList users;
  text::StringList names;
  std::vector<ExtraColumn> extra;
  std::uint64_t rows = 0;               // data rows read (blank lines excluded)
  std::uint64_t rows_without_user = 0;  // rows with an empty user id (skipped)
  std::optional<std::int64_t> min_ts;   // over every row, kept or not
  std::optional<std::int64_t> max_ts;

  std::size_t user_count() const { return users.size(); }
};

// Loads the event log `text` (BOM stripped, UTF-8) whose header was read
// into `header`. Throws Error naming `path` and the line: a missing column
// (line 1), a row with the wrong number of fields, a bad timestamp, a broken
// quote, invalid UTF-8.
EventLog load(std::string_view text, const std::string& path, const csv::Header& header,
              const LoadOptions& options);

// When each user first did each event of `log`: the `until` look-up of
// customer SOPs (user ids are customer ids).
CustomerEvents first_events(const EventLog& log);

// The index of a named column, or Error "path:1: no column 'ts' ... (use
// `option`)" listing the header.
std::size_t require_column(const csv::Header& header, const std::string& name,
                           const std::string& path, const std::string& option);

}  // namespace sopctl::events
