// The AARRR report of an event log: one pass to find each user's
// acquisition (and check amounts), one pass to measure every stage from it.

#include "parts.hpp"

#include <algorithm>
#include <limits>
#include <string_view>

namespace sopctl::aarrr {

using detail::k_days;
using detail::k_never;
using detail::ratio;

namespace {

constexpr std::size_t k_none = std::numeric_limits<std::size_t>::max();
__extension__ typedef __int128 Int128;  // sums of millionths

std::uint8_t bit(Stage s) {
  return static_cast<std::uint8_t>(1U << static_cast<unsigned>(s));
}

// Amounts of revenue events, parsed once per distinct value, summed exactly
// in millionths where they were written as plain decimals.
class Amounts {
public:
  Amounts(const events::EventLog& log, std::optional<std::size_t> column,
          const AmountLocator& locate)
      : m_column(column ? &log.extra[*column] : nullptr), m_locate(locate) {
    if (m_column != nullptr) {
      m_parsed.resize(m_column->values.size());
    }
  }

  // Checks the amount of event `i` (of event name `event`).
  void check(std::size_t i, std::string_view event) {
    if (m_column != nullptr) {
      get(i, event);
    }
  }

  void add(std::size_t i) {
    if (m_column == nullptr) {
      return;
    }
    const Amount& a = get(i, {});
    if (a.micros) {
      m_micros += *a.micros;
    } else {
      m_other += a.value;
    }
  }

  double total() const { return static_cast<double>(m_micros) / 1e6 + m_other; }

private:
  const Amount& get(std::size_t i, std::string_view event) {
    const std::uint32_t v = m_column->value_of[i];
    std::optional<Amount>& slot = m_parsed[v];
    if (!slot) {
      slot = parse_amount(m_column->values[v]);
      if (!slot) {
        throw BadAmount(std::string(m_column->values[v]), std::string(event), m_column->name,
                        m_locate ? m_locate() : SourceLoc{});
      }
    }
    return *slot;
  }

  const events::ExtraColumn* m_column;
  const AmountLocator& m_locate;
  std::vector<std::optional<Amount>> m_parsed;
  Int128 m_micros = 0;
  double m_other = 0;
};

// What one acquired user did from acquisition on.
struct UserFacts {
  bool activated = false;
  std::array<bool, 3> day_hit{};
  std::int64_t max_offset = -1;  // days after acquisition of the latest retention event
  std::int64_t max_period = -1;
  std::uint64_t purchases = 0;
  std::uint64_t invites = 0;
};

std::vector<ByValue> by_values(const events::ExtraColumn& column,
                               const std::vector<std::uint64_t>& users) {
  std::vector<ByValue> out;
  for (std::size_t v = 0; v < users.size(); ++v) {
    if (users[v] > 0) {
      out.push_back({std::string(column.values[v]), users[v]});
    }
  }
  sort_by_values(out);
  return out;
}

}  // namespace

void sort_by_values(std::vector<ByValue>& values) {
  std::sort(values.begin(), values.end(), [](const ByValue& a, const ByValue& b) {
    return a.users != b.users ? a.users > b.users : a.value < b.value;
  });
}

void derive_rates(Result& r, const Spec& spec) {
  const std::uint64_t acquired = r.acquisition.users;
  r.activation.rate = ratio(r.activation.users, acquired);

  Revenue& rev = r.revenue;
  rev.paying_rate = ratio(rev.paying_users, acquired);
  rev.arpu = ratio(rev.revenue, static_cast<double>(acquired));
  rev.arppu = ratio(rev.revenue, static_cast<double>(rev.paying_users));
  rev.repeat_rate = ratio(rev.repeat_users, rev.paying_users);

  Referral& ref = r.referral;
  ref.invites_per_user = ratio(ref.invites, acquired);
  ref.invite_conversion = ratio(ref.referred, ref.invites);
  ref.k_factor.reset();
  if (ref.invites_per_user && ref.invite_conversion) {
    ref.k_factor = *ref.invites_per_user * *ref.invite_conversion;
  }

  r.roi.reset();
  if (spec.cost) {
    Roi roi;
    roi.cost = *spec.cost;
    roi.roi = ratio(rev.revenue - roi.cost, roi.cost);
    roi.cost_per_acquired = ratio(roi.cost, static_cast<double>(acquired));
    roi.cost_per_paying = ratio(roi.cost, static_cast<double>(rev.paying_users));
    r.roi = roi;
  }
}

Result compute(const events::EventLog& log, const Spec& spec, const Columns& columns,
               const AmountLocator& locate) {
  Result r;
  r.activation_window = spec.activation_window;
  r.unbounded = spec.unbounded;
  r.cohort = spec.cohort;
  r.rows = log.rows;
  r.users = log.user_count();
  if (log.max_ts) {
    r.end_of_data = day_of(*log.max_ts);
  }

  std::vector<std::uint8_t> mask(log.names.size(), 0);
  for (const Stage s : k_all_stages) {
    for (const Mapping::Name& n : spec.mapping[s]) {
      if (const auto id = log.names.find(n.name)) {
        mask[*id] |= bit(s);
      }
    }
  }
  const CohortUnit unit = spec.cohort;

  // Pass 1: each user's acquisition (the first acquisition event; at the
  // same second, the least --by value, then referrer, byte by byte, so that
  // the answer does not depend on row order: a warehouse has none) and the
  // amount of every revenue event.
  Amounts amounts(log, columns.amount, locate);
  const auto text_of = [&](std::optional<std::size_t> column, std::size_t i) {
    const events::ExtraColumn& c = log.extra[*column];
    return c.values[c.value_of[i]];
  };
  const auto earlier = [&](std::size_t i, std::size_t best) {
    const std::int64_t a = log.events[i].ts;
    const std::int64_t b = log.events[best].ts;
    if (a != b) {
      return a < b;
    }
    for (const auto column : {columns.by, columns.referrer}) {
      if (column) {
        const std::string_view x = text_of(column, i);
        const std::string_view y = text_of(column, best);
        if (x != y) {
          return x < y;
        }
      }
    }
    return false;
  };
  std::vector<std::size_t> acquired_at(log.user_count(), k_none);
  std::optional<std::int64_t> first_unit;
  for (std::size_t u = 0; u < log.user_count(); ++u) {
    std::size_t best = k_none;
    for (std::size_t i = log.user_begin[u]; i < log.user_begin[u + 1]; ++i) {
      const events::Event& e = log.events[i];
      const std::uint8_t m = mask[e.name];
      if ((m & bit(Stage::acquisition)) != 0 && (best == k_none || earlier(i, best))) {
        best = i;
      }
      if ((m & bit(Stage::revenue)) != 0) {
        amounts.check(i, log.names[e.name]);
      }
    }
    acquired_at[u] = best;
    if (best != k_none) {
      const std::int64_t c = unit_of(day_of(log.events[best].ts), unit);
      first_unit = first_unit ? std::min(*first_unit, c) : c;
    }
  }

  // Periods 0..N: N is the last period complete for the earliest cohort.
  const std::int64_t periods = detail::period_count(first_unit, r.end_of_data, unit, spec.periods);
  std::optional<std::int64_t> end_day;
  if (r.end_of_data) {
    end_day = r.end_of_data->days;
  }

  // Pass 2: every stage, from each acquired user's acquisition on.
  const events::ExtraColumn* by = columns.by ? &log.extra[*columns.by] : nullptr;
  const events::ExtraColumn* referrer = columns.referrer ? &log.extra[*columns.referrer] : nullptr;
  std::vector<std::uint64_t> by_users(by != nullptr ? by->values.size() : 0, 0);
  std::vector<bool> is_referrer(referrer != nullptr ? referrer->values.size() : 0, false);
  // For the referral cycle: when each referred user joined (referrer value,
  // time), and when every user joined.
  std::vector<std::pair<std::uint32_t, std::int64_t>> referred_at;
  std::vector<std::int64_t> user_acquired(referrer != nullptr ? log.user_count() : 0, k_never);
  detail::CohortTable cohorts(periods, unit);
  std::array<std::uint64_t, 3> day_retained{}, day_eligible{};
  std::vector<std::int64_t> user_periods;  // cohort periods with a retention event (exact mode)
  for (std::size_t u = 0; u < log.user_count(); ++u) {
    const std::size_t begin = log.user_begin[u];
    const std::size_t end = log.user_begin[u + 1];
    const std::size_t acq = acquired_at[u];
    if (acq == k_none) {
      for (std::size_t i = begin; i < end; ++i) {
        r.ignored_not_acquired += mask[log.events[i].name] != 0 ? 1 : 0;
      }
      continue;
    }
    ++r.acquisition.users;
    const std::int64_t acq_ts = log.events[acq].ts;
    const std::int64_t acq_day = day_of(acq_ts).days;
    const std::int64_t cohort = unit_of(Date{static_cast<std::int32_t>(acq_day)}, unit);
    if (by != nullptr) {
      ++by_users[by->value_of[acq]];
    }
    if (referrer != nullptr) {
      const std::uint32_t v = referrer->value_of[acq];
      if (!referrer->values[v].empty()) {
        ++r.referral.referred;
        is_referrer[v] = true;
        referred_at.emplace_back(v, acq_ts);
      }
      user_acquired[u] = acq_ts;
    }

    UserFacts f;
    user_periods.clear();
    for (std::size_t i = begin; i < end; ++i) {
      const events::Event& e = log.events[i];
      const std::uint8_t m = mask[e.name];
      if (e.ts < acq_ts) {
        r.ignored_before_acquisition += m != 0 ? 1 : 0;
        continue;
      }
      if ((m & bit(Stage::activation)) != 0 &&
          (spec.activation_window < 0 || e.ts - acq_ts <= spec.activation_window)) {
        f.activated = true;
      }
      if ((m & bit(Stage::retention)) != 0) {
        const Date day = day_of(e.ts);
        const std::int64_t offset = day.days - acq_day;
        const std::int64_t period = unit_of(day, unit) - cohort;
        if (spec.unbounded) {
          f.max_offset = std::max(f.max_offset, offset);
          f.max_period = std::max(f.max_period, period);
        } else {
          for (std::size_t k = 0; k < k_days.size(); ++k) {
            f.day_hit[k] = f.day_hit[k] || offset == k_days[k];
          }
          if (period >= 1 && period <= periods) {
            user_periods.push_back(period);
          }
        }
      }
      if ((m & bit(Stage::revenue)) != 0) {
        ++f.purchases;
        amounts.add(i);
      }
      if ((m & bit(Stage::referral)) != 0) {
        ++f.invites;
      }
    }

    r.activation.users += f.activated ? 1 : 0;
    for (std::size_t k = 0; k < k_days.size(); ++k) {
      if (end_day && acq_day + k_days[k] <= *end_day) {
        ++day_eligible[k];
        const bool hit = spec.unbounded ? f.max_offset >= k_days[k] : f.day_hit[k];
        day_retained[k] += hit ? 1 : 0;
      }
    }
    if (spec.unbounded) {
      cohorts.add_through(cohort, f.max_period);
    } else {
      cohorts.add(cohort, user_periods);
    }
    if (f.purchases > 0) {
      ++r.revenue.paying_users;
      r.revenue.purchases += f.purchases;
      r.revenue.repeat_users += f.purchases >= 2 ? 1 : 0;
    }
    r.referral.invites += f.invites;
  }

  if (by != nullptr) {
    r.acquisition.by_column = by->name;
    r.acquisition.by = by_values(*by, by_users);
  }
  for (std::size_t k = 0; k < k_days.size(); ++k) {
    r.retention.days[k] = RetentionDay{k_days[k], day_retained[k], day_eligible[k],
                                       ratio(day_retained[k], day_eligible[k])};
  }
  cohorts.finish(end_day, r.retention);
  r.revenue.revenue = amounts.total();
  r.referral.referrers =
      static_cast<std::uint64_t>(std::count(is_referrer.begin(), is_referrer.end(), true));
  if (referrer != nullptr && !referred_at.empty()) {
    r.referral.cycle_seconds = detail::referral_cycle(log, *referrer, referred_at, user_acquired);
  }
  derive_rates(r, spec);
  return r;
}

}  // namespace sopctl::aarrr
