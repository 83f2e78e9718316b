#include "evaluate.hpp"

#include <algorithm>
#include <limits>

namespace sopctl::funnel::detail {

StepPlan::StepPlan(const Spec& spec, std::vector<std::string>& slot_names)
    : steps(spec.steps.size()), window(spec.window), mode(spec.mode) {
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

std::int64_t Evaluator::limit(std::int64_t start) const {
  constexpr auto k_max = std::numeric_limits<std::int64_t>::max();
  if (m_plan.window < 0 || start > k_max - m_plan.window) {
    return k_max;
  }
  return start + m_plan.window;
}

std::size_t Evaluator::run(const std::vector<Ev>& evs) {
  m_best_start = 0;
  if (evs.empty() || m_plan.steps == 0) {
    return 0;
  }
  return m_plan.mode == Mode::any ? run_any(evs) : run_ordered(evs);
}

std::size_t Evaluator::run_ordered(const std::vector<Ev>& evs) {
  const std::size_t n = evs.size();
  const std::size_t d = m_plan.slots;
  const std::uint32_t first_slot = m_plan.slot_of_step[0];
  // For each start, the earliest eligible event for each next step is the
  // best choice, so an attempt is a walk along "next event of slot s".
  m_next.resize((n + 1) * d);
  std::fill(m_next.begin() + static_cast<std::ptrdiff_t>(n * d), m_next.end(),
            static_cast<std::uint32_t>(n));
  for (std::size_t pos = n; pos-- > 0;) {
    std::copy_n(m_next.begin() + static_cast<std::ptrdiff_t>((pos + 1) * d), d,
                m_next.begin() + static_cast<std::ptrdiff_t>(pos * d));
    m_next[pos * d + evs[pos].slot] = static_cast<std::uint32_t>(pos);
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
    for (std::size_t k = 1; k < m_plan.steps; ++k) {
      const std::size_t q = m_next[(cur + 1) * d + m_plan.slot_of_step[k]];
      if (q >= n || evs[q].ts > end || (strict && q > m_other[cur])) {
        break;
      }
      cur = q;
      m_times[k] = evs[q].ts;
      ++level;
    }
    if (level > best) {
      best = level;
      m_best_start = start;
      std::copy_n(m_times.begin(), level, m_best.begin());
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
    best = level;
    m_best_start = start;
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
          ++found;
        }
      }
    }
    at[0] = t0;
    for (std::size_t k = 0; k < level; ++k) {
      m_best[k] = k == 0 ? t0 : std::max(m_best[k - 1], at[k]);
    }
    if (best == m_plan.steps) {
      break;
    }
  }
  return best;
}

}  // namespace sopctl::funnel::detail
