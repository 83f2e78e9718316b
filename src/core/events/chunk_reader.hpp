#pragma once
// One reading thread of the event-log loader (load.cpp): reads the records
// that start in its chunk of the text into thread-local interners and event
// blocks. Errors are kept, with lines relative to the chunk, until the
// loader knows where the chunk starts.

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/timestamp.hpp>
#include <sopctl/events/events.hpp>
#include <sopctl/text/strings.hpp>
#include <sopctl/text/utf8.hpp>

#include "kept_names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::events::detail {

constexpr std::size_t k_block = 1 << 18;         // events per block (4 MiB)
constexpr std::size_t k_report_every = 8 << 20;  // progress and release, in bytes
constexpr std::size_t k_utf8_block = 64 << 10;   // UTF-8 checked ahead, in bytes

template <class T>
class Blocks {
public:
  void push_back(const T& v) {
    if (m_blocks.empty() || m_blocks.back().size() == k_block) {
      m_blocks.emplace_back();
      m_blocks.back().reserve(k_block);
    }
    m_blocks.back().push_back(v);
    ++m_size;
  }
  std::size_t size() const { return m_size; }
  std::vector<std::vector<T, BigAllocator<T>>>& blocks() { return m_blocks; }

private:
  std::vector<std::vector<T, BigAllocator<T>>> m_blocks;
  std::size_t m_size = 0;
};

// What every reading thread needs to know.
struct Plan {
  std::string_view text;
  const std::string* path;
  std::size_t columns;  // fields per row
  std::size_t user, event, time;
  std::vector<std::size_t> extra;
  KeptNames keep;  // distinct kept names, ids by position; empty: every name
  const LoadOptions* options;
  std::string time_name;
  bool plain_lines = true;  // off: every record through csv::Reader (tests hold the two equal)
};

// A kept row as a reading thread stores it, in 10 bytes: the user's id in
// the chunk, the time (years 1-9999 fit in 40 bits) and the event name's id
// when it is below k_wide_name; a larger id (a funnel reading every event of
// a log with hundreds of names) is kept in Chunk::wide_names, in row order.
constexpr std::uint32_t k_max_chunk_names = 1U << 24;
constexpr std::uint8_t k_wide_name = 0xFF;

struct __attribute__((packed)) RowEvent {
  std::uint32_t user;  // id in Chunk::users
  std::uint32_t ts_low;
  std::uint8_t ts_high;
  std::uint8_t name;  // or k_wide_name

  static constexpr std::int64_t k_ts_bias = std::int64_t{1} << 39;
  RowEvent(std::int64_t ts, std::uint32_t user_id, std::uint8_t name_id)
      : user(user_id),
        ts_low(static_cast<std::uint32_t>(static_cast<std::uint64_t>(ts + k_ts_bias))),
        ts_high(static_cast<std::uint8_t>(static_cast<std::uint64_t>(ts + k_ts_bias) >> 32)),
        name(name_id) {}
  std::int64_t ts() const {
    return static_cast<std::int64_t>((static_cast<std::uint64_t>(ts_high) << 32) | ts_low) -
           k_ts_bias;
  }
};
static_assert(sizeof(RowEvent) == 10);
static_assert(-62135596800 + RowEvent::k_ts_bias >= 0 && 253402300799 < RowEvent::k_ts_bias);

struct Deferred {
  std::string message;
  std::int64_t line;  // relative to the chunk's first line (1)
};

struct Chunk {
  std::size_t begin = 0;  // a line start (maybe inside a quoted field: checked later)
  std::size_t limit = 0;  // reads the records that start before this
  std::size_t end = 0;    // after the last record read
  std::int64_t end_line = 1;
  std::uint64_t rows = 0;
  std::uint64_t rows_without_user = 0;
  std::optional<std::int64_t> min_ts, max_ts;
  std::optional<Deferred> error;
  text::Interner users;
  text::StringList user_list;  // users' ids once read, for every chunk but the first
  text::Interner names;        // when every event is kept
  std::vector<text::Interner> extra;
  Blocks<RowEvent> events;
  std::vector<std::uint32_t> wide_names;  // of the events whose name is k_wide_name
  std::vector<Blocks<std::uint32_t>> extra_values;
};

// The error for an extra column with more distinct values than allowed.
inline std::string too_many_values(const LoadOptions& o, std::size_t column) {
  return trf(
      "column '{}' has more than {} distinct values, the most {} reports (one row per value); "
      "choose a column with fewer values (a channel, a group), or filter the log first",
      o.extra_columns[column], o.extra_value_limit, o.extra_limit_option);
}

inline std::int64_t count_line_breaks(std::string_view s) {
  std::int64_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) {
      ++n;
    }
  }
  return n;
}

class ChunkReader {
public:
  ChunkReader(const Plan& plan, Chunk& chunk, std::atomic<std::size_t>& done, bool reporter)
      : m_plan(plan),
        m_chunk(chunk),
        m_done(done),
        m_reporter(reporter),
        m_times(plan.options->zone) {
    m_chunk.extra.resize(plan.extra.size());
    m_chunk.extra_values.resize(plan.extra.size());
    for (Pending& p : m_ring) {
      p.extra.resize(plan.extra.size());
    }
    std::size_t last = std::max({plan.user, plan.event, plan.time});
    for (const std::size_t c : plan.extra) {
      last = std::max(last, c);
    }
    m_wanted.resize(last + 1);
    m_ends.resize(last + 1);
  }

  void run() {
    csv::Reader reader(m_plan.text, *m_plan.path, m_chunk.begin, 1);
    reader.set_validate_utf8(false);
    m_valid_to = m_chunk.begin;
    csv::Record rec;
    m_chunk.end = m_chunk.begin;
    std::size_t reported = m_chunk.begin;
    const char* const base = m_plan.text.data();
    const char* const text_end = base + m_plan.text.size();
    std::size_t at = m_chunk.begin;  // where the next record (or empty line) starts
    std::int64_t line = 1;           // its line, relative to the chunk
    try {
      while (at < m_chunk.limit) {
        // Most records are one line without quotes: split straight into the
        // fields this reader wants. Anything else goes through the Reader.
        const char* const p = base + at;
        std::size_t fields = 0;
        const char* after =
            m_plan.plain_lines && *p != '\n' && *p != '\r'
                ? csv::split_plain_line(p, text_end, m_wanted.size(), m_ends.data(), fields)
                : nullptr;
        if (after != nullptr && fields == m_plan.columns && m_ends[0] > p) {
          const auto end = static_cast<std::size_t>(after - base);
          if (end > m_valid_to) {
            check_utf8(end);
          }
          if (m_bad_at < end) {
            fail(csv::invalid_utf8_message(), line);  // a plain line has no break before its end
          }
          const char* start = p;
          for (std::size_t i = 0; i < m_wanted.size(); ++i) {
            m_wanted[i] = std::string_view(start, static_cast<std::size_t>(m_ends[i] - start));
            start = m_ends[i] + 1;
          }
          take_fields(m_wanted.data(), line);
          at = end;
          ++line;
        } else {
          reader.seek(at, line);
          if (!reader.next(rec) || rec.begin >= m_chunk.limit) {
            break;  // empty lines led to the end, or past the limit: the next chunk's record
          }
          if (rec.end > m_valid_to) {
            check_utf8(rec.end);
          }
          if (m_bad_at < rec.end) {
            fail(csv::invalid_utf8_message(),
                 rec.line + count_line_breaks(m_plan.text.substr(rec.begin, m_bad_at - rec.begin)));
          }
          take(rec);
          at = rec.end;
          line = reader.line();
        }
        m_chunk.end = at;
        m_chunk.end_line = line;
        if (at - reported >= k_report_every) {
          report(reported, at);
          reported = at;
        }
      }
      for (std::size_t i = 0; i < k_ahead; ++i) {
        intern_oldest();
      }
    } catch (const Error& e) {
      m_chunk.error = Deferred{e.what(), e.where().line};
    }
    report(reported, m_chunk.end);
  }

private:
  // Interning a user id costs a cache miss in a large table. Each kept row
  // waits in a small ring while its slot is prefetched, and is interned
  // k_ahead rows later.
  static constexpr std::size_t k_ahead = 4;
  struct Pending {
    bool used = false;
    std::string_view user;  // into the text, or into `copy`
    std::string copy;
    std::uint64_t hash = 0;
    std::int64_t ts = 0;
    std::uint32_t name = 0;
    std::vector<std::uint32_t> extra;
  };

  // Checks UTF-8 ahead of the reader in blocks that end after a line break
  // (never inside a character), while the bytes are still in the cache.
  void check_utf8(std::size_t need) {
    const std::string_view text = m_plan.text;
    while (m_valid_to < need && m_bad_at == std::string_view::npos) {
      std::size_t to = std::min(text.size(), std::max(need, m_valid_to + k_utf8_block));
      const std::size_t lf = text.find('\n', to);
      to = lf == std::string_view::npos ? text.size() : lf + 1;
      const std::string_view block = text.substr(m_valid_to, to - m_valid_to);
      if (!text::is_valid_utf8(block)) {
        m_bad_at = m_valid_to + text::find_invalid_utf8(block);
      }
      m_valid_to = to;
    }
  }

  void report(std::size_t from, std::size_t to) {
    const LoadOptions& o = *m_plan.options;
    if (o.release && to > from) {
      o.release(m_plan.text.data() + from, m_plan.text.data() + to);
    }
    const std::size_t total = m_done.fetch_add(to - from) + (to - from);
    if (m_reporter && o.progress) {
      o.progress(total, m_plan.text.size());
    }
  }

  [[noreturn]] void fail(const std::string& message, std::int64_t line) {
    throw Error(message, SourceLoc{*m_plan.path, static_cast<int>(line), 0});
  }

  std::optional<std::uint32_t> kept_name(std::string_view name, std::int64_t line) {
    if (m_plan.keep.empty()) {
      const std::uint32_t id = m_chunk.names.intern(name);
      if (id >= k_max_chunk_names) {
        fail(trf("more than {} distinct event names: a funnel that reads every event "
                 "(strict_order) tells at most that many apart",
                 k_max_chunk_names),
             line);
      }
      return id;
    }
    return m_plan.keep.find(name);
  }

  void intern_oldest() {
    Pending& p = m_ring[m_next];
    m_next = (m_next + 1) % k_ahead;
    if (!p.used) {
      return;
    }
    p.used = false;
    const std::uint32_t user = m_chunk.users.intern(p.user, p.hash);
    if (p.name < k_wide_name) {
      m_chunk.events.push_back(RowEvent{p.ts, user, static_cast<std::uint8_t>(p.name)});
    } else {
      m_chunk.events.push_back(RowEvent{p.ts, user, k_wide_name});
      m_chunk.wide_names.push_back(p.name);
    }
    for (std::size_t k = 0; k < p.extra.size(); ++k) {
      m_chunk.extra_values[k].push_back(p.extra[k]);
    }
  }

  void take(const csv::Record& rec) {
    const auto& f = rec.fields;
    if (f.size() != m_plan.columns || f[0].empty()) {
      if (rec.blank()) {
        return;  // ",,,," rows that spreadsheets leave
      }
    }
    if (f.size() != m_plan.columns) {
      fail(trf("{} field{} where the header has {}", f.size(), f.size() == 1 ? "" : "s",
               m_plan.columns),
           rec.line);
    }
    take_fields(f.data(), rec.line);
  }

  // A record of the header's width: `f` holds at least its first
  // m_wanted.size() fields.
  void take_fields(const std::string_view* f, std::int64_t line) {
    ++m_chunk.rows;
    const std::string_view ts_text = f[m_plan.time];
    std::int64_t ts = 0;
    if (!m_times.parse(ts_text, ts)) {
      if (parse_timestamp(ts_text)) {
        fail(trf("timestamp '{}' in column '{}' falls outside 0001-01-01..9999-12-31 "
                 "in the time zone of the log",
                 text::shorten(ts_text), m_plan.time_name),
             line);
      }
      fail(trf("bad timestamp '{}' in column '{}' (expected ISO 8601 local time such as "
               "2026-12-03T08:00:00 or 2026-12-03 08:00:00, optionally with +08:00)",
               text::shorten(ts_text), m_plan.time_name),
           line);
    }
    if (!m_chunk.min_ts || ts < *m_chunk.min_ts) {
      m_chunk.min_ts = ts;
    }
    if (!m_chunk.max_ts || ts > *m_chunk.max_ts) {
      m_chunk.max_ts = ts;
    }
    const auto name = kept_name(f[m_plan.event], line);
    if (!name) {
      return;
    }
    const std::string_view user = f[m_plan.user];
    if (user.empty()) {
      ++m_chunk.rows_without_user;
      return;
    }
    intern_oldest();  // frees the ring's slot at m_next, the one reused below
    Pending& p = m_ring[(m_next + k_ahead - 1) % k_ahead];
    p.used = true;
    const std::string_view text = m_plan.text;
    if (user.data() >= text.data() && user.data() + user.size() <= text.data() + text.size()) {
      p.user = user;
    } else {
      p.copy.assign(user);  // unescaped by the reader: gone at the next record
      p.user = p.copy;
    }
    p.hash = text::hash_bytes(user);
    m_chunk.users.prefetch(p.hash);
    p.ts = ts;
    p.name = *name;
    for (std::size_t k = 0; k < m_plan.extra.size(); ++k) {
      p.extra[k] = m_chunk.extra[k].intern(f[m_plan.extra[k]]);
      if (m_plan.options->extra_value_limit != 0 &&
          m_chunk.extra[k].size() > m_plan.options->extra_value_limit) {
        fail(too_many_values(*m_plan.options, k), line);
      }
    }
  }

  const Plan& m_plan;
  Chunk& m_chunk;
  std::atomic<std::size_t>& m_done;
  bool m_reporter;
  LocalTimeParser m_times;
  Pending m_ring[k_ahead];
  std::size_t m_next = 0;                         // the oldest pending row
  std::size_t m_valid_to = 0;                     // UTF-8 checked up to here
  std::size_t m_bad_at = std::string_view::npos;  // the first invalid byte found
  // The fields up to the last one read (user, event, time, extra columns),
  // and where each ends, for the plain lines split without a Record.
  std::vector<std::string_view> m_wanted;
  std::vector<const char*> m_ends;
};

}  // namespace sopctl::events::detail
