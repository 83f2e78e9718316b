// The funnel of an event log: every user's best attempt, on one thread per
// core over ranges of users, then counts and medians per --by value.

#include "evaluate.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/funnel/funnel.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <thread>

namespace sopctl::funnel {

namespace {

constexpr std::uint32_t k_none = 0xFFFFFFFF;

// Counts and durations of one --by value (or of everyone).
struct Tally {
  std::vector<std::uint64_t> levels;               // users per level 0..steps
  std::vector<std::vector<std::int64_t>> seconds;  // per step: from the previous, per user
  std::vector<std::int64_t> to_convert;            // step 1 to the last, per converted user
};

// Linear between order statistics (numpy's default). Reorders `v` (two
// selections, linear time: sorting millions of durations cost more).
std::optional<double> percentile(std::vector<std::int64_t>& v, double q) {
  if (v.empty()) {
    return std::nullopt;
  }
  const double h = (static_cast<double>(v.size()) - 1) * q;
  const auto lo = static_cast<std::size_t>(h);
  const auto at = v.begin() + static_cast<std::ptrdiff_t>(lo);
  std::nth_element(v.begin(), at, v.end());
  const double a = static_cast<double>(*at);
  const double b = lo + 1 < v.size() ? static_cast<double>(*std::min_element(at + 1, v.end())) : a;
  return a + (h - static_cast<double>(lo)) * (b - a);
}

std::optional<double> mean(const std::vector<std::int64_t>& v) {
  if (v.empty()) {
    return std::nullopt;
  }
  long double sum = 0;
  for (const std::int64_t x : v) {
    sum += static_cast<long double>(x);
  }
  return static_cast<double>(sum / static_cast<long double>(v.size()));
}

struct Partial {
  std::vector<Tally> tallies;  // per segment
  std::vector<std::uint64_t> slot_events;
  std::uint64_t users = 0;
};

std::optional<double> median(std::vector<std::int64_t>& v) {
  if (v.empty()) {
    return std::nullopt;
  }
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double hi = static_cast<double>(v[mid]);
  if (v.size() % 2 == 1) {
    return hi;
  }
  const double lo = static_cast<double>(
      *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)));
  return (lo + hi) / 2;
}

Funnel funnel_of(Tally& t, const std::vector<std::string>& names) {
  const std::size_t m = names.size();
  std::vector<std::uint64_t> users(m, 0);
  std::uint64_t at_least = 0;
  for (std::size_t k = m; k-- > 0;) {
    at_least += t.levels[k + 1];
    users[k] = at_least;
  }
  std::vector<std::optional<double>> medians(m);
  for (std::size_t k = 1; k < m; ++k) {
    medians[k] = median(t.seconds[k]);
  }
  Funnel f = make_funnel(names, users, medians);
  for (std::size_t k = 1; k < m; ++k) {
    f.steps[k].p90_seconds = percentile(t.seconds[k], 0.9);
    f.steps[k].mean_seconds = mean(t.seconds[k]);
  }
  if (m >= 2) {
    TimeToConvert c;
    c.users = t.to_convert.size();
    c.p50_seconds = percentile(t.to_convert, 0.5);
    c.p90_seconds = percentile(t.to_convert, 0.9);
    c.mean_seconds = mean(t.to_convert);
    const std::vector<std::int64_t>& bins = time_bins();
    c.histogram.assign(bins.size(), 0);
    for (const std::int64_t s : t.to_convert) {
      const auto it = std::upper_bound(bins.begin(), bins.end(), s);
      ++c.histogram[static_cast<std::size_t>(it - bins.begin()) - 1];
    }
    f.time_to_convert = std::move(c);
  }
  return f;
}

void add(Tally& into, Tally& from) {
  for (std::size_t i = 0; i < into.levels.size(); ++i) {
    into.levels[i] += from.levels[i];
  }
  for (std::size_t k = 0; k < into.seconds.size(); ++k) {
    into.seconds[k].insert(into.seconds[k].end(), from.seconds[k].begin(), from.seconds[k].end());
    std::vector<std::int64_t>().swap(from.seconds[k]);
  }
  into.to_convert.insert(into.to_convert.end(), from.to_convert.begin(), from.to_convert.end());
  std::vector<std::int64_t>().swap(from.to_convert);
}

}  // namespace

Result compute(const events::EventLog& log, const Spec& spec, std::optional<std::size_t> by) {
  std::vector<std::string> slot_names;
  const detail::StepPlan plan(spec, slot_names);
  const std::size_t m = plan.steps;

  // Event name id -> slot.
  std::vector<std::uint32_t> slot_of_name(log.names.size(), k_none);
  for (std::size_t s = 0; s < slot_names.size(); ++s) {
    if (auto id = log.names.find(slot_names[s])) {
      slot_of_name[*id] = static_cast<std::uint32_t>(s);
    }
  }
  // Event name id -> the exclusions (bits) it is the event of.
  std::vector<std::uint32_t> excluded_of_name(log.names.size(), 0);
  for (std::size_t x = 0; x < spec.exclusions.size(); ++x) {
    if (auto id = log.names.find(spec.exclusions[x].event)) {
      excluded_of_name[*id] |= 1U << x;
    }
  }
  // strict_order counts every other event of a user as an intervention.
  const bool others = spec.needs_other_events();
  const std::size_t n_segments = by ? std::max<std::size_t>(log.extra[*by].values.size(), 1) : 1;
  const std::uint32_t* by_values = by ? log.extra[*by].value_of.data() : nullptr;

  // Users in ranges of about equal numbers of events.
  const std::size_t n_users = log.user_count();
  unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 16U);
  if (log.events.size() < 100000) {
    threads = 1;
  }
  std::vector<std::size_t> cut{0};
  for (unsigned t = 1; t < threads; ++t) {
    const std::size_t target = log.events.size() * t / threads;
    const auto it = std::lower_bound(log.user_begin.begin(), log.user_begin.end() - 1, target);
    cut.push_back(std::max(cut.back(), static_cast<std::size_t>(it - log.user_begin.begin())));
  }
  cut.push_back(n_users);

  std::vector<Partial> partials(threads);
  auto work = [&](std::size_t t) {
    Partial& part = partials[t];
    part.tallies.resize(n_segments);
    for (Tally& tally : part.tallies) {
      tally.levels.assign(m + 1, 0);
      tally.seconds.resize(m);
    }
    part.slot_events.assign(plan.slots, 0);
    detail::Evaluator eval(plan);
    std::vector<detail::Ev> evs;
    std::vector<detail::ExcludedEv> excluded;
    for (std::size_t u = cut[t]; u < cut[t + 1]; ++u) {
      evs.clear();
      excluded.clear();
      const std::size_t b = log.user_begin[u];
      const std::size_t e = log.user_begin[u + 1];
      for (std::size_t i = b; i < e; ++i) {
        const events::Event& ev = log.events[i];
        std::uint32_t slot = ev.name < slot_of_name.size() ? slot_of_name[ev.name] : k_none;
        if (slot == k_none && ev.name < excluded_of_name.size() && excluded_of_name[ev.name] != 0) {
          excluded.push_back(detail::ExcludedEv{ev.ts, excluded_of_name[ev.name]});
          if (!others) {
            continue;
          }
        }
        if (slot == k_none && others) {
          evs.push_back(
              detail::Ev{ev.ts, k_none, plan.other_slot(), static_cast<std::uint32_t>(i - b)});
          continue;
        }
        if (slot != k_none) {
          evs.push_back(
              detail::Ev{ev.ts, plan.key_of_slot[slot], slot, static_cast<std::uint32_t>(i - b)});
          ++part.slot_events[slot];
        }
      }
      if (std::none_of(evs.begin(), evs.end(),
                       [&](const detail::Ev& x) { return x.slot != plan.other_slot(); })) {
        continue;  // no step event (perhaps other events for strict_order)
      }
      ++part.users;
      detail::sort_events(evs);
      if (by_values != nullptr) {
        // Events of one step in the same second: by their --by value, so
        // that the answer does not depend on the order of the file's rows
        // (and equals the SQL's, docs/warehouse.md).
        const auto& values = log.extra[*by].values;
        for (std::size_t i = 0; i < evs.size();) {
          std::size_t j = i + 1;
          while (j < evs.size() && evs[j].ts == evs[i].ts && evs[j].key == evs[i].key) {
            ++j;
          }
          if (j - i > 1) {
            std::stable_sort(evs.begin() + static_cast<std::ptrdiff_t>(i),
                             evs.begin() + static_cast<std::ptrdiff_t>(j),
                             [&](const detail::Ev& x, const detail::Ev& y) {
                               return values[by_values[b + x.origin]] <
                                      values[by_values[b + y.origin]];
                             });
          }
          i = j;
        }
      }
      detail::sort_excluded(excluded);
      const std::size_t level = eval.run(evs, excluded);
      if (level == 0) {
        continue;
      }
      std::size_t segment = 0;
      if (by_values != nullptr) {
        // The step whose event gives the value (--by-step), within the level.
        const std::size_t k = spec.by_step == 0 ? level - 1 : std::min(spec.by_step, level) - 1;
        segment = by_values[b + evs[k == 0 ? eval.best_start() : eval.reached_at(k)].origin];
      }
      Tally& tally = part.tallies[segment];
      ++tally.levels[level];
      for (std::size_t k = 1; k < level; ++k) {
        tally.seconds[k].push_back(eval.reached(k) - eval.reached(k - 1));
      }
      if (level == m && m >= 2) {
        tally.to_convert.push_back(eval.reached(m - 1) - eval.reached(0));
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    pool.emplace_back(work, t);
  }
  work(0);
  for (auto& th : pool) {
    th.join();
  }

  // Merge the partials into segment tallies, then everyone's.
  Result result;
  result.from_events = true;
  result.mode = mode_label(spec);
  result.window = spec.window;
  result.exclusions = spec.exclusions;
  for (Exclusion& x : result.exclusions) {
    x.to = x.to == 0 ? m : x.to;
  }
  result.rows = log.rows;
  std::vector<Tally> tallies = std::move(partials[0].tallies);
  std::vector<std::uint64_t> slot_events = partials[0].slot_events;
  result.users = partials[0].users;
  for (std::size_t t = 1; t < threads; ++t) {
    for (std::size_t s = 0; s < n_segments; ++s) {
      add(tallies[s], partials[t].tallies[s]);
    }
    for (std::size_t s = 0; s < plan.slots; ++s) {
      slot_events[s] += partials[t].slot_events[s];
    }
    result.users += partials[t].users;
  }
  for (std::size_t s = 0; s < plan.slots; ++s) {
    if (slot_events[s] == 0) {
      result.notes.push_back(trf("no '{}' event in the log", slot_names[s]));
    }
  }
  for (const Exclusion& x : spec.exclusions) {
    if (!log.names.find(x.event)) {
      result.notes.push_back(trf("no '{}' event in the log to exclude", x.event));
    }
  }
  Tally total;
  total.levels.assign(m + 1, 0);
  total.seconds.resize(m);
  if (by) {
    result.by_column = log.extra[*by].name;
    for (std::size_t s = 0; s < n_segments; ++s) {
      Tally copy = tallies[s];
      add(total, copy);
      std::uint64_t users = 0;
      for (std::size_t l = 1; l <= m; ++l) {
        users += tallies[s].levels[l];
      }
      if (users == 0) {
        continue;
      }
      result.segments.push_back(
          Segment{std::string(log.extra[*by].values[s]), funnel_of(tallies[s], spec.steps)});
    }
    std::stable_sort(result.segments.begin(), result.segments.end(),
                     [](const Segment& a, const Segment& b) {
                       const auto ua = a.funnel.steps.empty() ? 0 : a.funnel.steps[0].users;
                       const auto ub = b.funnel.steps.empty() ? 0 : b.funnel.steps[0].users;
                       return ua != ub ? ua > ub : a.value < b.value;
                     });
  } else {
    total = std::move(tallies[0]);
  }
  result.total = funnel_of(total, spec.steps);
  return result;
}

const std::vector<std::int64_t>& time_bins() {
  static const std::vector<std::int64_t> bins = {0,        60,    5 * 60,    15 * 60,  3600,
                                                 6 * 3600, 86400, 3 * 86400, 7 * 86400};
  return bins;
}

UserResult evaluate_user(const std::vector<std::pair<std::int64_t, std::string>>& events,
                         const Spec& spec) {
  std::vector<std::string> slot_names;
  const detail::StepPlan plan(spec, slot_names);
  std::vector<detail::Ev> evs;
  std::vector<detail::ExcludedEv> excluded;
  for (std::size_t i = 0; i < events.size(); ++i) {
    std::uint32_t mask = 0;
    for (std::size_t x = 0; x < spec.exclusions.size(); ++x) {
      mask |= spec.exclusions[x].event == events[i].second ? 1U << x : 0U;
    }
    if (mask != 0) {
      excluded.push_back(detail::ExcludedEv{events[i].first, mask});
    }
    const auto it = std::find(slot_names.begin(), slot_names.end(), events[i].second);
    if (it != slot_names.end()) {
      const auto slot = static_cast<std::uint32_t>(it - slot_names.begin());
      evs.push_back(
          detail::Ev{events[i].first, plan.key_of_slot[slot], slot, static_cast<std::uint32_t>(i)});
    } else if (spec.needs_other_events()) {
      evs.push_back(detail::Ev{events[i].first, 0xFFFFFFFF, plan.other_slot(),
                               static_cast<std::uint32_t>(i)});
    }
  }
  detail::sort_events(evs);
  detail::sort_excluded(excluded);
  detail::Evaluator eval(plan);
  UserResult r;
  r.level = eval.run(evs, excluded);
  for (std::size_t k = 0; k < r.level; ++k) {
    r.reached.push_back(eval.reached(k));
  }
  if (r.level > 0) {
    r.best_start = evs[eval.best_start()].origin;
  }
  return r;
}

}  // namespace sopctl::funnel
