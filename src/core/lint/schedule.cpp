// Expansion for the schedule-aware rules: which groups' plans to look at,
// over which span, expanded with the plan engine as few times as possible.
//
// A roster of a thousand groups usually shares a few SOPs and open dates, so
// groups are first reduced to one context per (SOP, open date), in roster
// order (the first group is the one findings name). Then tasks are split:
// - shift-invariant tasks (day numbers, `every: day` within day-numbered
//   bounds, no on_holiday moves) fall on the same group days whatever the
//   open date and the calendar: they are expanded once and shifted;
// - the calendar-dependent rest is expanded per open date, except that open
//   dates whose calendar looks the same over the plan (same weekdays, days
//   off, make-up days) share one expansion.
// Expansions are handed to the rules one at a time and then dropped.

#include "schedule_parts.hpp"

#include <sopctl/base/error.hpp>

#include <algorithm>
#include <unordered_map>

namespace sopctl::lint::detail {
namespace {

// Occurrences that on_holiday moves are looked for up to 31 days past the
// span, and the engine looks 31 days further for their candidates, so two
// open dates are alike only if their calendars agree that far and a little
// more beyond it.
constexpr int k_signature_margin_days = 75;

// The posts among `occs`, sorted: counted into days first (a plan spans at
// most a few thousand days), then each day's few posts sorted by minute and
// task. This runs once per distinct open date.
std::vector<Post> posts_of(const Sop& sop, const std::vector<std::uint8_t>& flags,
                           const std::vector<Occurrence>& occs) {
  if (occs.empty()) {
    return {};
  }
  std::int32_t lo = occs.front().date.days;
  std::int32_t hi = lo;
  for (const Occurrence& o : occs) {
    lo = std::min(lo, o.date.days);
    hi = std::max(hi, o.date.days);
  }
  std::vector<std::uint32_t> start(static_cast<std::size_t>(hi - lo) + 2, 0);
  std::size_t n = 0;
  for (const Occurrence& o : occs) {
    if (flags[task_index(sop, o.task)] & k_posts) {
      ++start[static_cast<std::size_t>(o.date.days - lo) + 1];
      ++n;
    }
  }
  for (std::size_t d = 1; d < start.size(); ++d) {
    start[d] += start[d - 1];
  }
  std::vector<Post> posts(n);
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (const Occurrence& o : occs) {
    const std::size_t i = task_index(sop, o.task);
    if (flags[i] & k_posts) {
      posts[next[static_cast<std::size_t>(o.date.days - lo)]++] = Post{
          o.date.days, o.task->at ? o.task->at->value : k_no_time, static_cast<std::uint32_t>(i)};
    }
  }
  for (std::size_t d = 0; d + 1 < start.size(); ++d) {
    std::sort(posts.begin() + start[d], posts.begin() + start[d + 1]);
  }
  return posts;
}

std::vector<Date> mass_dates_of(const Sop& sop, const std::vector<std::uint8_t>& flags,
                                const Expansion& e) {
  std::vector<Date> out;
  for (const Occurrence& o : e.occs) {
    if (flags[task_index(sop, o.task)] & k_mass) {
      out.push_back(o.date);
    }
  }
  return out;
}

// Some of an SOP's tasks, as an SOP of their own for the engine; occurrences
// are mapped back to the original tasks.
class SubSop {
public:
  SubSop(const Sop& sop, const std::vector<bool>& pick, bool value) : m_sop(sop) {
    m_part.path = sop.path;
    m_part.id = sop.id;
    m_part.phases = sop.phases;
    for (std::size_t i = 0; i < sop.tasks.size(); ++i) {
      if (pick[i] == value) {
        m_part.tasks.push_back(sop.tasks[i]);
        m_index.push_back(i);
      }
    }
  }
  bool empty() const { return m_part.tasks.empty(); }
  const Sop& part() const { return m_part; }
  void remap(std::vector<Occurrence>& occs) const {
    for (Occurrence& o : occs) {
      o.task = &m_sop.tasks[m_index[task_index(m_part, o.task)]];
    }
  }

private:
  const Sop& m_sop;
  Sop m_part;
  std::vector<std::size_t> m_index;
};

// What the calendar looks like around a group's plan, relative to its open
// date: two groups with the same signature get the same plan in group days.
std::string signature(Span span, Date open, bool month_days, const Calendar& calendar) {
  std::string sig;
  const auto put = [&](std::int32_t v) { sig.append(reinterpret_cast<const char*>(&v), sizeof v); };
  put(span.first - open);
  put(span.second - open);
  for (Date d = span.first - k_signature_margin_days; d <= span.second + k_signature_margin_days;
       d = d + 1) {
    sig.push_back(static_cast<char>(static_cast<int>(calendar.kind(d)) | (d.weekday() << 2)));
    if (month_days) {
      sig.push_back(static_cast<char>(d.day()));
    }
  }
  return sig;
}

std::vector<Context> contexts_of(const Sop& sop, const Roster* roster, const Group& example,
                                 bool date_only) {
  std::vector<Context> reps;
  if (roster && !sop.id.value.empty()) {
    std::vector<Date> seen;
    for (const Group& g : roster->groups) {
      if (!g.runs(sop.id.value)) {
        continue;
      }
      if (!g.open && !date_only) {
        continue;  // no-open-date was reported; the group has no plan
      }
      const std::optional<Date> open = g.open ? std::optional<Date>(g.open->value) : std::nullopt;
      if (date_only ? !reps.empty() : std::find(seen.begin(), seen.end(), *open) != seen.end()) {
        continue;
      }
      if (open) {
        seen.push_back(*open);
      }
      reps.push_back(Context{&g, false, date_only, open});
    }
  }
  if (reps.empty()) {
    reps.push_back(Context{&example, true, date_only, example.open->value});
  }
  return reps;
}

class Expander {
public:
  Expander(const Sop& sop, const Calendar& calendar,
           const std::function<void(const Expansion&)>& visit, SopSchedule& out)
      : m_sop(sop),
        m_traits(traits_of(sop)),
        m_flags(task_flags(sop)),
        m_calendar(calendar),
        m_visit(visit),
        m_out(out) {}

  void run(const Roster* roster, const Group& example) {
    const bool date_only = !m_traits.has_day_items && m_traits.has_date_items;
    m_out.reps = contexts_of(m_sop, roster, example, date_only);
    if (date_only) {
      whole(m_out.reps.front(), true);  // the same plan for every group
    } else if (m_traits.all_invariant) {
      // One plan, shifted, stands for every group; the calendar plays no part.
      if (whole(m_out.reps.front(), false)) {
        for (std::size_t r = 1; r < m_out.reps.size(); ++r) {
          const Context& ctx = m_out.reps[r];
          m_out.refs.push_back(ContextRef{ctx, 0, *ctx.open - *m_out.reps.front().open});
        }
      }
    } else {
      split();
    }
  }

private:
  // Expands every task for one context; false when it cannot be expanded.
  bool whole(const Context& ctx, bool check_calendar) {
    const auto span = span_of(ctx, check_calendar);
    if (!span) {
      return false;
    }
    const Span w = window(*span, m_traits.moves, m_calendar);
    Expansion e{ctx,
                span->first,
                span->second,
                group_occurrences(m_sop, *ctx.group, m_calendar, w.first, w.second),
                {}};
    e.posts = posts_of(m_sop, m_flags, e.occs);
    emit(e);
    return true;
  }

  // The span of a context's plan. Without absolute dates in the SOP it is
  // the same in group days for every open date: computed once (group_span()
  // walks every task) and shifted.
  std::optional<Span> span_of(const Context& ctx, bool check_calendar) {
    std::optional<Span> span;
    bool guessed = false;
    if (!m_traits.has_date_items && ctx.open) {
      if (!m_relative_done) {
        m_relative_done = true;
        if (auto s = plan_span(m_sop, m_traits, ctx, m_relative_guessed)) {
          m_relative = std::make_pair(s->first - *ctx.open, s->second - *ctx.open);
        }
      }
      if (m_relative) {
        span = Span{*ctx.open + m_relative->first, *ctx.open + m_relative->second};
      }
      guessed = m_relative_guessed;
    } else {
      span = plan_span(m_sop, m_traits, ctx, guessed);
    }
    if (span && check_calendar) {
      span = covered(*span, guessed, m_calendar);
    }
    return span;
  }

  void emit(const Expansion& e) {
    m_visit(e);
    m_out.mass_dates.push_back(mass_dates_of(m_sop, m_flags, e));
    m_out.refs.push_back(ContextRef{e.ctx, m_out.mass_dates.size() - 1, 0});
    m_open_of.push_back(e.ctx.open);
  }

  void split() {
    const SubSop fixed(m_sop, m_traits.invariant, true);
    const SubSop moving(m_sop, m_traits.invariant, false);
    const Context& base = m_out.reps.front();
    std::vector<std::optional<Span>> spans;
    std::optional<std::pair<int, int>> rel;  // union of the spans, in days from the open date
    for (const Context& ctx : m_out.reps) {
      spans.push_back(span_of(ctx, true));
      if (spans.back()) {
        const int a = spans.back()->first - *ctx.open;
        const int b = spans.back()->second - *ctx.open;
        rel = rel ? std::make_pair(std::min(rel->first, a), std::max(rel->second, b))
                  : std::make_pair(a, b);
      }
    }
    if (!rel) {
      return;
    }
    // The invariant tasks, once, relative to the first context's open date.
    std::vector<Occurrence> fixed_occs;
    if (!fixed.empty()) {
      fixed_occs = group_occurrences(fixed.part(), *base.group, m_calendar, *base.open + rel->first,
                                     *base.open + rel->second);
      fixed.remap(fixed_occs);
    }
    const std::vector<Post> fixed_posts = posts_of(m_sop, m_flags, fixed_occs);

    // Open dates alike in the calendar share an expansion, unless absolute
    // dates in the SOP make every open date different anyway.
    const bool alias = !m_traits.has_date_items;
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t r = 0; r < m_out.reps.size(); ++r) {
      const Context& ctx = m_out.reps[r];
      if (!spans[r]) {
        continue;
      }
      const Span span = *spans[r];
      std::string sig;
      if (alias) {
        sig = signature(span, *ctx.open, m_traits.has_month_days, m_calendar);
        if (auto it = seen.find(sig); it != seen.end()) {
          m_out.refs.push_back(ContextRef{ctx, it->second, *ctx.open - *m_open_of[it->second]});
          continue;
        }
      }
      const Span w = window(span, m_traits.moves, m_calendar);
      std::vector<Occurrence> occs =
          group_occurrences(moving.part(), *ctx.group, m_calendar, w.first, w.second);
      moving.remap(occs);
      Expansion e{ctx, span.first, span.second, std::move(occs), {}};
      e.posts = posts_of(m_sop, m_flags, e.occs);
      const int delta = *ctx.open - *base.open;
      for (const Occurrence& o : fixed_occs) {
        const Date d = o.date + delta;
        if (d >= span.first && d <= span.second) {
          e.occs.push_back(Occurrence{d, o.task, std::nullopt});
        }
      }
      // fixed_posts is sorted by date first: the span is one slice of it.
      const auto lo = std::lower_bound(fixed_posts.begin(), fixed_posts.end(),
                                       Post{span.first.days - delta, -1, 0});
      const auto hi = std::lower_bound(fixed_posts.begin(), fixed_posts.end(),
                                       Post{span.second.days - delta + 1, -1, 0});
      std::vector<Post> shifted(lo, hi);
      for (Post& p : shifted) {
        p.date += delta;
      }
      std::vector<Post> merged;
      merged.reserve(e.posts.size() + shifted.size());
      std::merge(e.posts.begin(), e.posts.end(), shifted.begin(), shifted.end(),
                 std::back_inserter(merged));
      e.posts = std::move(merged);
      emit(e);
      if (alias) {
        seen.emplace(std::move(sig), m_out.mass_dates.size() - 1);
      }
    }
  }

  const Sop& m_sop;
  const Traits m_traits;
  const std::vector<std::uint8_t> m_flags;
  const Calendar& m_calendar;
  const std::function<void(const Expansion&)>& m_visit;
  SopSchedule& m_out;
  std::vector<std::optional<Date>> m_open_of;  // per distinct expansion
  bool m_relative_done = false;
  bool m_relative_guessed = false;
  std::optional<std::pair<int, int>> m_relative;  // span_of() in days from the open date
};

}  // namespace

SopSchedule expand_sop(const Sop& sop, const Roster* roster, const Calendar& calendar,
                       const Group& example, const std::function<void(const Expansion&)>& visit) {
  SopSchedule out;
  out.sop = &sop;
  Expander(sop, calendar, visit, out).run(roster, example);
  return out;
}

}  // namespace sopctl::lint::detail
