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
  // At most this many distinct values in each extra column (0: no limit);
  // more is an Error at the row where the limit is passed, naming
  // `extra_limit_option`, the option that asked for the column.
  std::size_t extra_value_limit = 0;
  std::string extra_limit_option;
  // Local zone for timestamps written with an offset; nullptr: UTC.
  const TimeZone* zone = nullptr;
  unsigned threads = 0;  // 0: one per core
  // Called now and then from one reading thread with the bytes read so far.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // Whether EventLog::users keeps the user ids' text. Without it (funnel,
  // compare) the users are still told apart and counted, but their ids are
  // freed before the events are grouped: about 40% less memory when every
  // user has one or two events.
  bool keep_user_ids = true;
  // Called from the reading threads with bytes that will not be read again.
  std::function<void(const char* begin, const char* end)> release;
  // Off: every record is read by csv::Reader, also the plain lines the
  // reading threads split themselves (the unit tests hold the two equal).
  bool split_plain_lines = true;
};

// One kept event of a user (the user is where it lies: EventLog::user_begin).
// Packed to 12 bytes: this array is most of a loaded log's memory.
struct __attribute__((packed)) Event {
  std::int64_t ts;     // local wall time, seconds since 1970 as if local were UTC
  std::uint32_t name;  // id in EventLog::names
};
static_assert(sizeof(Event) == 12);

// At most this many kept events in one log (positions are 32-bit).
constexpr std::size_t k_max_events = 0xFFFFFFFEU;

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
  std::vector<std::uint32_t> user_begin;
  text::StringList users;  // empty unless LoadOptions::keep_user_ids
  text::StringList names;
  std::vector<ExtraColumn> extra;
  std::uint64_t rows = 0;               // data rows read (blank lines excluded)
  std::uint64_t rows_without_user = 0;  // rows with an empty user id (skipped)
  std::optional<std::int64_t> min_ts;   // over every row, kept or not
  std::optional<std::int64_t> max_ts;

  std::size_t user_count() const { return user_begin.empty() ? 0 : user_begin.size() - 1; }
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
