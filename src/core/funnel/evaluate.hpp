#pragma once
// One user's best attempt (docs/spec.md §2.3), shared by compute() and evaluate_user().

#include <sopctl/funnel/funnel.hpp>

#include <array>
#include <cstdint>
#include <vector>

namespace sopctl::funnel::detail {

// The steps as distinct names ("slots"): view,view,order has slots 0,0,1.
struct StepPlan {
  std::size_t steps = 0;
  std::vector<std::uint32_t> slot_of_step;
  std::size_t slots = 0;
  std::vector<std::uint32_t> key_of_slot;  // the first step with that slot: the sort key
  std::vector<std::uint32_t> need;         // steps 0..k with step k's slot (for `any`)
  std::int64_t window = k_no_window;
  Mode mode = Mode::ordered;
  ClickHouseModes clickhouse;
  // Per exclusion: its steps I and J, 0-based.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> excluded;
  // The slot of events that are no step (kept only when strict_order needs
  // them): `slots`, one past the steps' slots.
  std::uint32_t other_slot() const { return static_cast<std::uint32_t>(slots); }

  // Slots by first appearance of each name in spec.steps.
  StepPlan(const Spec& spec, std::vector<std::string>& slot_names);
};

struct Ev {
  std::int64_t ts;
  std::uint32_t key;  // sort key: (ts, key)
  std::uint32_t slot;
  std::uint32_t origin;  // position in the caller's list
};

// An event of an exclusion: bit x of `mask` for exclusion x.
struct ExcludedEv {
  std::int64_t ts;
  std::uint32_t mask;
};

// Sorts by (ts, key), keeping the given order among equals.
void sort_events(std::vector<Ev>& evs);
// Sorts by time.
void sort_excluded(std::vector<ExcludedEv>& evs);

class Evaluator {
public:
  explicit Evaluator(const StepPlan& plan)
      : m_plan(plan),
        m_times(plan.steps),
        m_best(plan.steps),
        m_pos(plan.steps),
        m_best_pos(plan.steps) {}

  // `evs` sorted by sort_events. Returns the level; best_start() and
  // reached() describe the best attempt (the earliest that got furthest).
  // `excluded`: the user's exclusion events in time order.
  std::size_t run(const std::vector<Ev>& evs, const std::vector<ExcludedEv>& excluded = {});
  std::size_t best_start() const { return m_best_start; }
  // Time step k was reached on the best attempt, k < level.
  std::int64_t reached(std::size_t k) const { return m_best[k]; }
  // Position in evs of the event that filled step k of the best attempt, k < level.
  std::size_t reached_at(std::size_t k) const { return m_best_pos[k]; }

private:
  std::size_t run_ordered(const std::vector<Ev>& evs);
  std::size_t run_any(const std::vector<Ev>& evs);
  std::size_t run_clickhouse(const std::vector<Ev>& evs);
  std::int64_t limit(std::int64_t start) const;
  // The level of an attempt that reached `level` steps at times t, cut at
  // the first exclusion event within its range.
  std::size_t cut(std::size_t level, const std::int64_t* t) const;

  const std::vector<ExcludedEv>* m_excluded = nullptr;

  const StepPlan& m_plan;
  std::vector<std::uint32_t> m_next;   // per position and slot: next position with that slot
  std::vector<std::uint32_t> m_other;  // per position: next position with another slot
  std::vector<std::uint32_t> m_count;
  std::vector<std::uint32_t> m_seen;
  std::vector<std::int64_t> m_times;
  std::vector<std::int64_t> m_best;
  std::vector<std::uint32_t> m_pos;
  std::vector<std::uint32_t> m_best_pos;
  std::size_t m_best_start = 0;
  // run_clickhouse(): (ts, condition, event) entries and the open sequences.
  struct Entry {
    std::int64_t ts;
    std::uint32_t type;  // step + 1; 0: another event
    std::uint32_t pos;   // index into evs
  };
  struct Sequence {
    std::int64_t first;
    std::int64_t last;
    std::array<std::uint32_t, k_max_steps> path;  // positions in evs, per step
  };
  std::vector<Entry> m_entries;
  std::vector<std::vector<Sequence>> m_sequences;
};

}  // namespace sopctl::funnel::detail
