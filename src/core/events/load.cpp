// Parallel loading of an event log: each thread reads a line-aligned chunk
// of the text into thread-local interners and event blocks; the chunks are
// then checked to meet exactly (a split inside a quoted field is re-read),
// their ids merged, and the events scattered into one array grouped by user.

#include <sopctl/events/events.hpp>

#include "chunk_reader.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/timestamp.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <thread>

namespace sopctl::events {

namespace {

using detail::Chunk;
using detail::ChunkReader;
using detail::count_line_breaks;
using detail::Deferred;
using detail::Plan;

constexpr std::size_t k_min_parallel_bytes = 1 << 20;  // smaller inputs use one thread

// Runs fn(i) for i in [0, n) on n threads (the last on this one).
template <class Fn>
void parallel(std::size_t n, Fn fn) {
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    threads.emplace_back([&fn, i] { fn(i); });
  }
  if (n > 0) {
    fn(n - 1);
  }
  for (auto& t : threads) {
    t.join();
  }
}

constexpr std::uint32_t k_new = 0xFFFFFFFF;

// Local ids of `from` to ids of `index`: strings new to it are interned when
// `add`, or left k_new. Look-ups run on `threads` threads; adding is
// sequential.
std::vector<std::uint32_t> merge_ids(const text::StringList& from, text::Interner& index, bool add,
                                     std::size_t threads) {
  std::vector<std::uint32_t> map(from.size(), k_new);
  const std::size_t n = from.size();
  const std::size_t parts = n < 65536 ? 1 : threads;
  parallel(parts, [&](std::size_t part) {
    // Hash a few strings ahead and prefetch their slots: the table is large.
    constexpr std::size_t k_ahead = 8;
    const std::size_t lo = n * part / parts;
    const std::size_t hi = n * (part + 1) / parts;
    std::uint64_t hashes[k_ahead];
    for (std::size_t i = lo; i < hi && i < lo + k_ahead; ++i) {
      hashes[i % k_ahead] = text::hash_bytes(from[i]);
      index.prefetch(hashes[i % k_ahead]);
    }
    for (std::size_t i = lo; i < hi; ++i) {
      const std::uint64_t h = hashes[i % k_ahead];
      if (i + k_ahead < hi) {
        hashes[i % k_ahead] = text::hash_bytes(from[i + k_ahead]);
        index.prefetch(hashes[i % k_ahead]);
      }
      if (auto id = index.find(from[i], h)) {
        map[i] = *id;
      }
    }
  });
  if (add) {
    for (std::size_t i = 0; i < n; ++i) {
      if (map[i] == k_new) {
        map[i] = index.intern(from[i]);
      }
    }
  }
  return map;
}

// Reads one chunk. Only the first chunk's user index is needed afterwards
// (the others' ids are looked up in it): the rest drop theirs at once, while
// other threads may still be reading.
void read_chunk(const Plan& plan, Chunk& chunk, std::atomic<std::size_t>& done, bool reporter,
                bool keep_index) {
  ChunkReader(plan, chunk, done, reporter).run();
  if (!keep_index) {
    chunk.user_list = chunk.users.take();
  }
}

}  // namespace

bool is_event_log(const csv::Header& header, const ColumnNames& columns) {
  return header.find(columns.user) && header.find(columns.event) && header.find(columns.time);
}

std::size_t require_column(const csv::Header& header, const std::string& name,
                           const std::string& path, const std::string& option) {
  if (auto i = header.find(name)) {
    // A second column of the same name would make the choice a guess.
    const csv::Header rest{
        {header.names.begin() + static_cast<std::ptrdiff_t>(*i) + 1, header.names.end()}};
    if (rest.find(name)) {
      throw Error(trf("column '{}' appears twice in the header ({}); rename or remove one", name,
                      header.joined()),
                  SourceLoc{path, 1, 0});
    }
    return *i;
  }
  throw Error(trf("no column '{}' in the header ({}); name the column with {}", name,
                  header.joined(), option),
              SourceLoc{path, 1, 0});
}

EventLog load(std::string_view text, const std::string& path, const csv::Header& header,
              const LoadOptions& options) {
  Plan plan;
  plan.text = text;
  plan.path = &path;
  plan.options = &options;
  plan.columns = header.names.size();
  plan.user = require_column(header, options.columns.user, path, "--user-col");
  plan.event = require_column(header, options.columns.event, path, "--event-col");
  plan.time = require_column(header, options.columns.time, path, "--time-col");
  plan.time_name = header.names[plan.time];
  plan.plain_lines = options.split_plain_lines;
  for (const std::string& c : options.extra_columns) {
    plan.extra.push_back(require_column(header, c, path, "--by"));
  }
  std::vector<std::string> keep;
  for (const std::string& k : options.keep) {
    if (std::find(keep.begin(), keep.end(), k) == keep.end()) {
      keep.push_back(k);
    }
  }
  plan.keep = detail::KeptNames(std::move(keep));

  // Read the chunks in parallel.
  const std::size_t from = std::min(header.data_offset, text.size());
  unsigned threads = options.threads != 0 ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp(threads, 1U, 16U);
  if (options.threads == 0 && text.size() - from < k_min_parallel_bytes) {
    threads = 1;  // not worth a thread (an explicit count is obeyed, for tests)
  }
  const std::vector<std::size_t> splits = csv::line_splits(text, from, text.size(), threads);
  std::vector<std::unique_ptr<Chunk>> chunks;
  for (std::size_t i = 0; i < splits.size(); ++i) {
    auto c = std::make_unique<Chunk>();
    c->begin = splits[i];
    c->limit = i + 1 < splits.size() ? splits[i + 1] : text.size();
    chunks.push_back(std::move(c));
  }
  std::atomic<std::size_t> done{from};
  parallel(chunks.size(),
           [&](std::size_t i) { read_chunk(plan, *chunks[i], done, i == 0, i == 0); });

  // Check that each chunk starts where the one before it ended; if a split
  // fell inside a quoted field, read the rest again from the true boundary.
  std::vector<std::int64_t> first_line{header.data_line};
  for (std::size_t i = 1; i < chunks.size(); ++i) {
    const Chunk& prev = *chunks[i - 1];
    if (prev.error) {
      chunks.resize(i);
      break;
    }
    if (prev.end > chunks[i]->begin) {
      auto c = std::make_unique<Chunk>();
      c->begin = prev.end;
      c->limit = text.size();
      chunks.resize(i);
      read_chunk(plan, *c, done, true, false);
      first_line.push_back(first_line.back() + prev.end_line - 1);
      chunks.push_back(std::move(c));
      break;
    }
    first_line.push_back(first_line.back() + prev.end_line - 1 +
                         count_line_breaks(text.substr(prev.end, chunks[i]->begin - prev.end)));
  }
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    if (chunks[i]->error) {
      const Deferred& e = *chunks[i]->error;
      throw Error(e.message, SourceLoc{path, static_cast<int>(first_line[i] + e.line - 1), 0});
    }
  }

  // Merge the ids: chunk 0's are kept; later chunks' are mapped.
  EventLog log;
  const std::size_t n_chunks = chunks.size();
  std::vector<std::size_t> local_users(n_chunks);
  for (std::size_t i = 0; i < n_chunks; ++i) {
    local_users[i] = i == 0 ? chunks[i]->users.size() : chunks[i]->user_list.size();
  }
  std::vector<std::vector<std::uint32_t>> user_map(n_chunks), name_map(n_chunks);
  std::size_t n_users = 0;
  std::vector<std::vector<std::vector<std::uint32_t>>> extra_map(plan.extra.size());
  {
    // Users new in a later chunk are interned into chunk 0's table, except
    // the last chunk's: they need no index and are appended once the table
    // is gone. Each chunk's own table is freed as soon as it is mapped.
    text::Interner& users0 = chunks[0]->users;
    for (std::size_t i = 1; i + 1 < n_chunks; ++i) {
      user_map[i] = merge_ids(chunks[i]->user_list, users0, true, threads);
      chunks[i]->user_list = text::StringList();
    }
    if (n_chunks > 1) {
      user_map[n_chunks - 1] = merge_ids(chunks[n_chunks - 1]->user_list, users0, false, threads);
    }
    n_users = users0.size();
    if (options.keep_user_ids) {
      log.users = users0.take();
    }
    users0 = text::Interner();
    if (n_chunks > 1) {
      const text::StringList& last = chunks[n_chunks - 1]->user_list;
      for (std::size_t l = 0; l < last.size(); ++l) {
        std::uint32_t& id = user_map[n_chunks - 1][l];
        if (id == k_new) {
          id = static_cast<std::uint32_t>(n_users++);
          if (options.keep_user_ids) {
            log.users.push_back(last[l]);
          }
        }
      }
      chunks[n_chunks - 1]->user_list = text::StringList();
    }
  }
  if (plan.keep.empty()) {
    for (std::size_t i = 1; i < n_chunks; ++i) {
      name_map[i] = merge_ids(chunks[i]->names.strings(), chunks[0]->names, true, 1);
    }
    log.names = chunks[0]->names.take();
  } else {
    for (const std::string& k : plan.keep.names()) {
      log.names.push_back(k);
    }
  }
  for (std::size_t k = 0; k < plan.extra.size(); ++k) {
    extra_map[k].resize(n_chunks);
    for (std::size_t i = 1; i < n_chunks; ++i) {
      extra_map[k][i] = merge_ids(chunks[i]->extra[k].strings(), chunks[0]->extra[k], true, 1);
    }
    if (options.extra_value_limit != 0 && chunks[0]->extra[k].size() > options.extra_value_limit) {
      throw Error(detail::too_many_values(options, k), SourceLoc{path, 0, 0});
    }
    log.extra.push_back(ExtraColumn{options.extra_columns[k], chunks[0]->extra[k].take(), {}});
  }

  // Group by user: count per local id, give every (chunk, local id) its
  // place, then scatter each chunk's events on its own thread.
  std::vector<std::vector<std::uint32_t>> cursor(n_chunks);
  std::size_t kept = 0;
  for (const auto& c : chunks) {
    kept += c->events.size();
  }
  if (kept > k_max_events) {
    throw Error(
        trf("more than {} events to keep: split the log (by time or by user)", k_max_events),
        SourceLoc{path, 0, 0});
  }
  parallel(n_chunks, [&](std::size_t i) {
    cursor[i].assign(local_users[i], 0);
    for (auto& block : chunks[i]->events.blocks()) {
      for (const detail::RowEvent& e : block) {
        ++cursor[i][e.user];
      }
    }
  });
  log.user_begin.assign(n_users + 1, 0);
  auto global = [&](std::size_t chunk, std::uint32_t local) -> std::uint32_t {
    return chunk == 0 ? local : user_map[chunk][local];
  };
  for (std::size_t i = 0; i < n_chunks; ++i) {
    for (std::size_t l = 0; l < cursor[i].size(); ++l) {
      log.user_begin[global(i, static_cast<std::uint32_t>(l)) + 1] += cursor[i][l];
    }
  }
  for (std::size_t u = 0; u < n_users; ++u) {
    log.user_begin[u + 1] += log.user_begin[u];
  }
  {
    std::vector<std::uint32_t> next(log.user_begin.begin(), log.user_begin.end() - 1);
    for (std::size_t i = 0; i < n_chunks; ++i) {
      for (std::size_t l = 0; l < cursor[i].size(); ++l) {
        const std::uint32_t count = cursor[i][l];
        std::uint32_t& n = next[global(i, static_cast<std::uint32_t>(l))];
        cursor[i][l] = n;
        n += count;
      }
    }
  }
  log.events.resize(log.user_begin.back());
  for (auto& x : log.extra) {
    x.value_of.resize(log.events.size());
  }
  parallel(n_chunks, [&](std::size_t i) {
    Chunk& c = *chunks[i];
    std::vector<std::uint32_t>& cur = cursor[i];
    auto& blocks = c.events.blocks();
    std::size_t wide = 0;  // the next of c.wide_names
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      for (std::size_t j = 0; j < blocks[b].size(); ++j) {
        const detail::RowEvent& e = blocks[b][j];
        const std::size_t at = cur[e.user]++;
        const bool same_names = i == 0 || !plan.keep.empty();
        const std::uint32_t name = e.name == detail::k_wide_name ? c.wide_names[wide++] : e.name;
        log.events[at] = Event{e.ts(), same_names ? name : name_map[i][name]};
        for (std::size_t k = 0; k < plan.extra.size(); ++k) {
          const std::uint32_t v = c.extra_values[k].blocks()[b][j];
          log.extra[k].value_of[at] = i == 0 ? v : extra_map[k][i][v];
        }
      }
      std::vector<detail::RowEvent, BigAllocator<detail::RowEvent>>().swap(
          blocks[b]);  // free as we go
      for (auto& xv : c.extra_values) {
        std::vector<std::uint32_t, BigAllocator<std::uint32_t>>().swap(xv.blocks()[b]);
      }
    }
  });

  for (const auto& c : chunks) {
    log.rows += c->rows;
    log.rows_without_user += c->rows_without_user;
    if (c->min_ts && (!log.min_ts || *c->min_ts < *log.min_ts)) {
      log.min_ts = c->min_ts;
    }
    if (c->max_ts && (!log.max_ts || *c->max_ts > *log.max_ts)) {
      log.max_ts = c->max_ts;
    }
  }
  return log;
}

}  // namespace sopctl::events
