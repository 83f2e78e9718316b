#pragma once
// Funnels (docs/spec.md §2.3): users per step and drop-off, from an event log or from
// stage counts. Pure computation; the renderers are in render/funnel_render.hpp.

#include <sopctl/events/events.hpp>
#include <sopctl/text/csv.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::funnel {

// The window when neither --window nor the SOP's funnel: gives one: 7 days,
// written "7d" in --help.
inline constexpr std::int64_t k_default_window = 7 * 86400;
inline constexpr const char* k_default_window_text = "7d";

enum class Mode {
  ordered,     // steps in order, timestamps non-decreasing
  strict,      // ordered, and no other funnel step between consecutive steps
  any,         // every step within the window after step 1, in any order
  clickhouse,  // ClickHouse windowFunnel with the flags of ClickHouseModes
};

// ClickHouse's windowFunnel modes (docs/funnel.md), combinable. Their
// semantics are ClickHouse's (its 00632 test decides), except that one
// event fills at most one step: strict_once always holds.
struct ClickHouseModes {
  bool strict_order = false;          // any other event after step 1 ends the search
  bool strict_deduplication = false;  // a step's event seen again ends it
  bool strict_increase = false;       // each step strictly later than the previous
  bool strict_once = false;           // one event at most one step (always so here)
  bool allow_reentry = false;         // with strict_order: skip out-of-order events
};

std::optional<Mode> parse_mode(std::string_view text);
const char* mode_name(Mode m);

constexpr std::int64_t k_no_window = -1;
constexpr std::size_t k_max_steps = 32;
constexpr std::size_t k_max_exclusions = 32;

// An exclusion step (docs/spec.md §5.5, PostHog's): an attempt with `event`
// at or after its step `from` and before a later step up to `to` that it
// reached counts only up to the steps reached before the event. An event in
// the same second as a step comes after that step.
struct Exclusion {
  std::string event;
  std::size_t from = 1;  // step I, 1-based
  std::size_t to = 0;    // step J, 1-based; 0 until resolved to the last step
};

struct Spec {
  std::vector<std::string> steps;          // event names; one may repeat (view,view,order)
  std::int64_t window = k_default_window;  // seconds, inclusive; k_no_window: unlimited
  Mode mode = Mode::ordered;
  ClickHouseModes clickhouse;  // with Mode::clickhouse
  // --by-step: the step whose event gives a user's --by value: 1 (the
  // first, default), N, or 0 for the last step the user reached. A user who
  // did not reach step N takes it from the last step reached.
  std::size_t by_step = 1;
  std::vector<Exclusion> exclusions;
  // Whether the funnel needs every event of a user, not only its steps'
  // (strict_order counts any other event as an intervention).
  bool needs_other_events() const { return mode == Mode::clickhouse && clickhouse.strict_order; }
  // The event names the funnel reads (steps, then exclusions), or none for
  // every event (needs_other_events()).
  std::vector<std::string> events_read() const;
};

// "EVENT" or "EVENT:I-J" against the steps (I < J, both steps, EVENT no
// step); nullopt with `error` set otherwise.
std::optional<Exclusion> parse_exclusion(std::string_view text,
                                         const std::vector<std::string>& steps, std::string& error);

// "ordered", "strict", "any", or ClickHouse modes comma-combined
// ("strict_order,allow_reentry"); nullopt with `error` set otherwise.
std::optional<Spec> parse_mode_list(std::string_view text, std::string& error);
// The mode as --mode takes it ("ordered", "strict_order,strict_increase").
std::string mode_label(const Spec& spec);

struct Step {
  std::string name;
  std::uint64_t users = 0;
  std::optional<double> from_previous;   // step 1: 1; null when the previous step has no users
  std::optional<double> from_first;      // null when step 1 has no users
  std::int64_t lost = 0;                 // users of the previous step minus these (step 1: 0)
  std::optional<double> drop_off;        // 1 - from_previous (step 1: 0)
  std::optional<double> median_seconds;  // from the previous step; event logs, step >= 2
  std::optional<double> p90_seconds;     // the 90th percentile of the same times
  std::optional<double> mean_seconds;
};

// From step 1 to the last step, over the users who reached the last step on
// their best attempt (docs/spec.md §5.5): percentiles are linear between
// order statistics (numpy's default; the median as for steps).
struct TimeToConvert {
  std::uint64_t users = 0;
  std::optional<double> p50_seconds;
  std::optional<double> p90_seconds;
  std::optional<double> mean_seconds;
  std::vector<std::uint64_t> histogram;  // users per bin of time_bins()
};
// The lower edges of the histogram's fixed bins, in seconds: 0, 1m, 5m, 15m,
// 1h, 6h, 1d, 3d, 7d (the last bin is open).
const std::vector<std::int64_t>& time_bins();

struct Funnel {
  std::vector<Step> steps;
  std::optional<double> conversion;              // last step's users / first step's
  std::optional<std::size_t> largest_drop;       // the step (>= 1) with the largest drop_off
  std::optional<TimeToConvert> time_to_convert;  // event logs with two steps or more
};

// Rates, drop-off and the largest drop from users per step (and medians).
Funnel make_funnel(const std::vector<std::string>& names, const std::vector<std::uint64_t>& users,
                   const std::vector<std::optional<double>>& medians = {});

struct Segment {
  std::string value;  // of the --by column on the user's best attempt's step-1 event
  Funnel funnel;
};

struct Result {
  bool from_events = false;  // false: stage counts (no times)
  bool trend = false;        // segments are periods (--trend), in time order
  // How the event log was read (event logs only).
  std::string mode = "ordered";            // as --mode takes it (mode_label())
  std::int64_t window = k_default_window;  // seconds; k_no_window: none
  std::vector<Exclusion> exclusions;       // resolved: `to` is a step number
  Funnel total;
  std::string by_column;           // empty without --by
  std::vector<Segment> segments;   // by step-1 users, descending, then value
  std::uint64_t rows = 0;          // data rows read
  std::uint64_t users = 0;         // distinct users with any step event
  std::vector<std::string> notes;  // e.g. a step that never occurs
};

// The funnel of an event log. `by` indexes log.extra (the --by column).
Result compute(const events::EventLog& log, const Spec& spec,
               std::optional<std::size_t> by = std::nullopt);

// --trend: the period of an attempt's step-1 event.
enum class Period { day, week, month };
std::optional<Period> parse_period(std::string_view text);
const char* period_name(Period p);
// Adds to `log` a column holding each event's period ("2026-12-01", the
// week's Monday "2026-11-30", "2026-12") and returns its index, for
// compute(log, spec, index); then trend_order() puts the segments in time order.
std::size_t add_period_column(events::EventLog& log, Period p);
void trend_order(Result& r);

// One user's events, for tests and for compute(): (ts, step name) pairs in
// any order; returns the level (0..steps) of the best attempt and, for
// levels >= 1, the time each step was reached on it.
struct UserResult {
  std::size_t level = 0;
  std::vector<std::int64_t> reached;  // per step < level
  std::size_t best_start = 0;         // index into the input of the attempt's step-1 event
};
UserResult evaluate_user(const std::vector<std::pair<std::int64_t, std::string>>& events,
                         const Spec& spec);

// Stage counts (docs/spec.md §1.5): a header step,users (or stage, count), one row
// per step in funnel order.
struct StageRow {
  std::string step;
  std::uint64_t users = 0;
  std::int64_t line = 0;
};

// Whether the header is one of stage counts.
bool is_stage_counts(const csv::Header& header);

// Reads the rows; throws Error with file and line on a bad count.
std::vector<StageRow> read_stage_counts(std::string_view text, const std::string& path,
                                        const csv::Header& header);

// The funnel of stage counts: every row in order, or the rows named by
// `steps` in that order (Error when one is missing).
Result from_stage_counts(const std::vector<StageRow>& rows, const std::vector<std::string>& steps,
                         const std::string& path);

// A SOP's goal (metric: a step name, target: a rate) against the result.
struct GoalCheck {
  std::string sop;
  std::string metric;
  double target = 0;
  std::optional<double> actual;  // the step's conversion from the first; null: not a step
  bool met = false;
};
GoalCheck check_goal(const Funnel& funnel, const std::string& sop, const std::string& metric,
                     double target);

}  // namespace sopctl::funnel
