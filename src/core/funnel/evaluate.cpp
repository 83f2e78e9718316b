#include "evaluate.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

namespace sopctl::funnel::detail {

StepPlan::StepPlan(const Spec& spec, std::vector<std::string>& slot_names)
    : steps(spec.steps.size()), window(spec.window), mode(spec.mode), clickhouse(spec.clickhouse) {
  for (const Exclusion& x : spec.exclusions) {
    const std::size_t to = x.to == 0 ? steps : x.to;
    excluded.emplace_back(static_cast<std::uint32_t>(x.from - 1),
                          static_cast<std::uint32_t>(to - 1));
  }
  slot_names.clear();
  for (std::size_t k = 0; k < steps; ++k) {
    auto it = std::find(slot_names.begin(), slot_names.end(), spec.steps[k]);
    std::uint32_t slot = static_cast<std::uint32_t>(it - slot_names.begin());
    if (it == slot_names.end()) {
      slot_names.push_back(spec.steps[k]);
      key_of_slot.push_back(static_cast<std::uint32_t>(k));
    }
    slot_of_step.push_back(slot);
    need.push_back(
        static_cast<std::uint32_t>(std::count(slot_of_step.begin(), slot_of_step.end(), slot)));
  }
  slots = slot_names.size();
}

void sort_events(std::vector<Ev>& evs) {
  auto less = [](const Ev& a, const Ev& b) {
    return a.ts < b.ts || (a.ts == b.ts && a.key < b.key);
  };
  if (evs.size() > 32) {
    std::stable_sort(evs.begin(), evs.end(), less);
    return;
  }
  // Logs are nearly in time order per user: insertion sort is the fast case.
  for (std::size_t i = 1; i < evs.size(); ++i) {
    const Ev e = evs[i];
    std::size_t j = i;
    while (j > 0 && less(e, evs[j - 1])) {
      evs[j] = evs[j - 1];
      --j;
    }
    evs[j] = e;
  }
}

void sort_excluded(std::vector<ExcludedEv>& evs) {
  std::sort(evs.begin(), evs.end(),
            [](const ExcludedEv& a, const ExcludedEv& b) { return a.ts < b.ts; });
}

std::int64_t Evaluator::limit(std::int64_t start) const {
  constexpr auto k_max = std::numeric_limits<std::int64_t>::max();
  if (m_plan.window < 0 || start > k_max - m_plan.window) {
    return k_max;
  }
  return start + m_plan.window;
}

std::size_t Evaluator::cut(std::size_t level, const std::int64_t* t) const {
  if (m_excluded == nullptr || m_excluded->empty()) {
    return level;
  }
  const std::vector<ExcludedEv>& xs = *m_excluded;
  for (std::size_t x = 0; x < m_plan.excluded.size(); ++x) {
    const auto [from, to] = m_plan.excluded[x];
    if (level <= from + 1) {
      continue;  // no step after step I reached
    }
    const auto first =
        std::lower_bound(xs.begin(), xs.end(), t[from],
                         [](const ExcludedEv& e, std::int64_t ts) { return e.ts < ts; });
    const auto hit =
        std::find_if(first, xs.end(), [x](const ExcludedEv& e) { return (e.mask >> x & 1U) != 0; });
    if (hit == xs.end()) {
      continue;
    }
    const std::size_t last = std::min<std::size_t>(level - 1, to);
    for (std::size_t k = from + 1; k <= last; ++k) {
      if (t[k] > hit->ts) {
        level = k;
        break;
      }
    }
  }
  return level;
}

std::size_t Evaluator::run(const std::vector<Ev>& evs, const std::vector<ExcludedEv>& excluded) {
  m_best_start = 0;
  m_excluded = &excluded;
  if (evs.empty() || m_plan.steps == 0) {
    return 0;
  }
  if (m_plan.mode == Mode::clickhouse) {
    // The mode's own best attempt, then cut (ClickHouse has no exclusions).
    return cut(run_clickhouse(evs), m_best.data());
  }
  return m_plan.mode == Mode::any ? run_any(evs) : run_ordered(evs);
}

// ClickHouse's windowFunnel (getEventLevelStrictOnce) over entries: one per
// (event, step it is), in (time, step) order, another event being step 0.
// Sequences per level hold the events of their path, so that an event fills
// at most one step of a path. An entry of an event already on a path is not
// an out-of-order intervention (it is the same event).
std::size_t Evaluator::run_clickhouse(const std::vector<Ev>& evs) {
  const ClickHouseModes& ch = m_plan.clickhouse;
  const std::size_t m = m_plan.steps;
  m_entries.clear();
  for (std::size_t i = 0; i < evs.size(); ++i) {
    if (evs[i].slot == m_plan.other_slot()) {
      if (ch.strict_order) {
        m_entries.push_back(Entry{evs[i].ts, 0, static_cast<std::uint32_t>(i)});
      }
      continue;
    }
    for (std::size_t k = 0; k < m; ++k) {
      if (m_plan.slot_of_step[k] == evs[i].slot) {
        m_entries.push_back(
            Entry{evs[i].ts, static_cast<std::uint32_t>(k + 1), static_cast<std::uint32_t>(i)});
      }
    }
  }
  // Nearly in order already (evs are sorted by time): insertion sort is the
  // fast case, a stable sort the bound for long lists.
  const auto before = [](const Entry& a, const Entry& b) {
    return a.ts < b.ts || (a.ts == b.ts && a.type < b.type);
  };
  if (m_entries.size() > 64) {
    std::stable_sort(m_entries.begin(), m_entries.end(), before);
  } else {
    for (std::size_t i = 1; i < m_entries.size(); ++i) {
      const Entry e = m_entries[i];
      std::size_t j = i;
      for (; j > 0 && before(e, m_entries[j - 1]); --j) {
        m_entries[j] = m_entries[j - 1];
      }
      m_entries[j] = e;
    }
  }
  m_sequences.resize(m);
  for (std::vector<Sequence>& level : m_sequences) {
    level.clear();  // keeps the capacity for the next user
  }
  const auto on_a_path = [&](std::uint32_t pos) {
    for (std::size_t k = 0; k < m; ++k) {
      for (const Sequence& q : m_sequences[k]) {
        for (std::size_t j = 0; j <= k; ++j) {
          if (q.path[j] == pos) {
            return true;
          }
        }
      }
    }
    return false;
  };
  const auto reached_level = [&] {
    for (std::size_t k = m; k > 0; --k) {
      if (!m_sequences[k - 1].empty()) {
        return k;
      }
    }
    return std::size_t{0};
  };
  std::size_t level = 0;
  bool decided = false;
  bool has_first = false;
  const auto consecutive = [&] {
    std::size_t l = 0;
    while (l < m && !m_sequences[l].empty()) {
      ++l;
    }
    return l;
  };
  for (std::size_t n = 0; n < m_entries.size(); ++n) {
    const Entry& e = m_entries[n];
    if (e.type == 0) {
      if (has_first) {
        break;  // strict_order: another event after step 1
      }
      continue;
    }
    const std::size_t idx = e.type - 1;
    if (idx == 0) {
      // strict_order: step 1 again once step 2 was reached breaks the order
      // (allow_reentry: it is ignored, the funnel goes on).
      if (ch.strict_order && has_first && m > 1 && !m_sequences[1].empty() && !on_a_path(e.pos)) {
        if (ch.allow_reentry) {
          continue;
        }
        level = consecutive();
        decided = true;
        break;
      }
      Sequence q{e.ts, e.ts, {}};
      q.path[0] = e.pos;
      m_sequences[0].push_back(q);
      has_first = true;
      continue;
    }
    if (ch.strict_deduplication && !m_sequences[idx].empty()) {
      // As ClickHouse at the commit docs/spec.md names: the level is the
      // step of the entry before the repeated one.
      level = n > 0 ? m_entries[n - 1].type : 0;
      decided = true;
      break;
    }
    if (ch.strict_order && has_first && m_sequences[idx - 1].empty()) {
      if (on_a_path(e.pos)) {
        continue;  // the same event as a step already taken
      }
      level = consecutive();
      decided = true;
      break;
    }
    std::vector<Sequence>& prev = m_sequences[idx - 1];
    for (std::size_t i = 0; i < prev.size();) {
      bool matched = m_plan.window < 0 || e.ts <= limit(prev[i].first);
      if (!matched && prev.size() > 1) {
        prev.erase(prev.begin() + static_cast<std::ptrdiff_t>(i));  // out of the window
        continue;
      }
      for (std::size_t j = 0; matched && j < idx; ++j) {
        matched = prev[i].path[j] != e.pos;
      }
      if (matched && ch.strict_increase) {
        matched = prev[i].last < e.ts;
      }
      if (matched) {
        Sequence q = prev[i];
        q.last = e.ts;
        q.path[idx] = e.pos;
        m_sequences[idx].push_back(q);
        if (idx + 1 == m) {
          level = m;
          decided = true;
          break;
        }
      }
      ++i;
    }
    if (decided) {
      break;
    }
  }
  if (!decided) {
    level = reached_level();
  }
  if (level == 0) {
    return 0;
  }
  // The path that reached the level first gives the times and the start
  // (the deepest one there is, when a repeated step ended the search).
  std::size_t depth = std::min(level, reached_level());
  if (depth == 0) {
    return 0;
  }
  const Sequence& best = depth == m ? m_sequences[m - 1].back() : m_sequences[depth - 1].front();
  m_best_start = best.path[0];
  for (std::size_t k = 0; k < level; ++k) {
    m_best[k] = evs[best.path[std::min(k, depth - 1)]].ts;
    m_best_pos[k] = best.path[std::min(k, depth - 1)];
  }
  return level;
}

std::size_t Evaluator::run_ordered(const std::vector<Ev>& evs) {
  const std::size_t n = evs.size();
  const std::uint32_t first_slot = m_plan.slot_of_step[0];
  // For each start, the earliest eligible event for each next step is the
  // best choice, so an attempt is a walk along "next event of slot s". Rows
  // of up to 8 slots are 8 wide, so that copying one is two moves, not a
  // call to memmove (users have a few events each: this runs per event).
  const std::size_t d = m_plan.slots <= 8 ? 8 : m_plan.slots;
  m_next.resize((n + 1) * d);
  std::fill(m_next.begin() + static_cast<std::ptrdiff_t>(n * d), m_next.end(),
            static_cast<std::uint32_t>(n));
  for (std::size_t pos = n; pos-- > 0;) {
    std::uint32_t* row = m_next.data() + pos * d;
    if (d == 8) {
      std::memcpy(row, row + 8, 8 * sizeof(std::uint32_t));
    } else {
      std::copy_n(row + d, d, row);
    }
    row[evs[pos].slot] = static_cast<std::uint32_t>(pos);
  }
  const bool strict = m_plan.mode == Mode::strict;
  if (strict) {
    m_other.resize(n);
    m_other[n - 1] = static_cast<std::uint32_t>(n);
    for (std::size_t pos = n - 1; pos-- > 0;) {
      m_other[pos] = evs[pos + 1].slot != evs[pos].slot ? static_cast<std::uint32_t>(pos + 1)
                                                        : m_other[pos + 1];
    }
  }
  std::size_t best = 0;
  for (std::size_t start = 0; start < n; ++start) {
    if (evs[start].slot != first_slot) {
      continue;
    }
    const std::int64_t end = limit(evs[start].ts);
    std::size_t level = 1;
    std::size_t cur = start;
    m_times[0] = evs[start].ts;
    m_pos[0] = static_cast<std::uint32_t>(start);
    for (std::size_t k = 1; k < m_plan.steps; ++k) {
      const std::size_t q = m_next[(cur + 1) * d + m_plan.slot_of_step[k]];
      if (q >= n || evs[q].ts > end || (strict && q > m_other[cur])) {
        break;
      }
      cur = q;
      m_times[k] = evs[q].ts;
      m_pos[k] = static_cast<std::uint32_t>(q);
      ++level;
    }
    level = cut(level, m_times.data());
    if (level > best) {
      best = level;
      m_best_start = start;
      std::copy_n(m_times.begin(), level, m_best.begin());
      std::copy_n(m_pos.begin(), level, m_best_pos.begin());
      if (best == m_plan.steps) {
        break;
      }
    }
  }
  return best;
}

std::size_t Evaluator::run_any(const std::vector<Ev>& evs) {
  const std::size_t n = evs.size();
  const std::uint32_t first_slot = m_plan.slot_of_step[0];
  m_count.assign(m_plan.slots, 0);
  std::size_t lo = 0;
  std::size_t hi = 0;
  std::size_t best = 0;
  for (std::size_t start = 0; start < n; ++start) {
    if (evs[start].slot != first_slot) {
      continue;
    }
    const std::int64_t t0 = evs[start].ts;
    const std::int64_t end = limit(t0);
    while (hi < n && evs[hi].ts <= end) {
      ++m_count[evs[hi++].slot];
    }
    while (lo < n && evs[lo].ts < t0) {
      --m_count[evs[lo++].slot];
    }
    std::size_t level = 0;
    while (level < m_plan.steps && m_count[m_plan.slot_of_step[level]] >= m_plan.need[level]) {
      ++level;
    }
    if (level <= best) {
      continue;
    }
    // Step k is its slot's need[k]-th event in the window; the attempt
    // reached step k when steps 1..k had all happened.
    m_seen.assign(m_plan.slots, 0);
    std::vector<std::int64_t>& at = m_times;
    std::fill(at.begin(), at.end(), t0);
    std::size_t found = 0;
    for (std::size_t pos = lo; pos < hi && found < level; ++pos) {
      const std::uint32_t s = evs[pos].slot;
      ++m_seen[s];
      for (std::size_t k = 0; k < level; ++k) {
        if (m_plan.slot_of_step[k] == s && m_plan.need[k] == m_seen[s]) {
          at[k] = evs[pos].ts;
          m_pos[k] = static_cast<std::uint32_t>(pos);
          ++found;
        }
      }
    }
    at[0] = t0;
    m_pos[0] = static_cast<std::uint32_t>(start);
    for (std::size_t k = 1; k < level; ++k) {
      at[k] = std::max(at[k - 1], at[k]);
    }
    level = cut(level, at.data());
    if (level <= best) {
      continue;
    }
    best = level;
    m_best_start = start;
    std::copy_n(at.begin(), level, m_best.begin());
    std::copy_n(m_pos.begin(), level, m_best_pos.begin());
    if (best == m_plan.steps) {
      break;
    }
  }
  return best;
}

}  // namespace sopctl::funnel::detail
