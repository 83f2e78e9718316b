#pragma once
// AARRR (docs/spec.md §2.4): acquisition, activation, retention (D1/D7/D30 and a
// cohort table), revenue, referral and ROI from an event log. Pure
// computation over an events::EventLog; the renderers are in
// render/aarrr_render.hpp. docs/reference.md ("aarrr") lists the choices the
// the spec (docs/spec.md) leaves open.

#include <sopctl/base/date.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/source.hpp>
#include <sopctl/events/events.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::aarrr {

enum class Stage : std::uint8_t { acquisition, activation, retention, revenue, referral };
constexpr std::size_t k_stages = 5;
constexpr std::array<Stage, k_stages> k_all_stages = {
    Stage::acquisition, Stage::activation, Stage::retention, Stage::revenue, Stage::referral};
const char* stage_name(Stage s);  // "acquisition", ...

// Event names per stage. A stage may take several names and a name may serve
// several stages (an `order` can be both revenue and retention).
struct Mapping {
  struct Name {
    std::string name;
    SourceLoc loc;  // where it was written (an SOP's `metrics:`), or unknown
  };
  std::array<std::vector<Name>, k_stages> stages;

  std::vector<Name>& operator[](Stage s) { return stages[static_cast<std::size_t>(s)]; }
  const std::vector<Name>& operator[](Stage s) const { return stages[static_cast<std::size_t>(s)]; }
};

// The distinct names of a mapping in stage order: the events to load.
std::vector<std::string> event_names(const Mapping& m);

// Throws Error naming `where` when the mapping has no acquisition event.
void require_acquisition(const Mapping& m, const SourceLoc& where);

// Checks that every mapped name occurs in `log` (loaded with `keep` =
// event_names(m)). Throws Error at the name's location (else at `path`)
// naming the stage, a did-you-mean, and the events that the file does hold
// (`present`, called only on failure: it may re-read the file).
void require_events_present(const events::EventLog& log, const Mapping& m, const std::string& path,
                            const std::string& event_column,
                            const std::function<std::vector<std::string>()>& present);

enum class CohortUnit { day, week, month };
std::optional<CohortUnit> parse_cohort_unit(std::string_view text);
const char* cohort_unit_name(CohortUnit u);  // "day", "week", "month"

// Cohort units as integers: days since 1970-01-01, weeks starting Monday, or
// months since January 1970. unit_start/unit_end are the unit's first and last day.
std::int64_t unit_of(Date d, CohortUnit u);
Date unit_start(std::int64_t unit, CohortUnit u);
Date unit_end(std::int64_t unit, CohortUnit u);
// The most periods after period 0 shown by default: 30 days, 12 weeks, 12 months.
int default_periods(CohortUnit u);
// The most cells (cohorts x periods 0..N) a cohort table holds: 4 million,
// about 100 MB for the report (a cell is a count and a share) and 40 MB of
// JSON. A table that would be larger is an error, not a slow swap.
constexpr std::uint64_t k_max_cohort_cells = 4'000'000;

// The local calendar day of local wall seconds.
Date day_of(std::int64_t local_seconds);

// An amount as written ("99", "-5.50", " 1e3 "): nullopt unless it is a
// finite number. Plain decimals with at most 6 decimal places are also kept
// exactly in millionths, so that sums of prices print as written (0.1 + 0.2
// = 0.3).
struct Amount {
  double value = 0;
  std::optional<std::int64_t> micros;
};
std::optional<Amount> parse_amount(std::string_view text);

// A revenue event whose amount is not a number. compute() throws it where its
// AmountLocator says (an EventLog keeps no lines; find_bad_amount() finds one).
class BadAmount : public Error {
public:
  BadAmount(std::string value, std::string event, std::string column, SourceLoc where = {});
  const std::string& value() const { return m_value; }

private:
  std::string m_value;
};

constexpr std::int64_t k_no_window = -1;

struct Spec {
  Mapping mapping;
  std::int64_t activation_window = 7 * 86400;  // seconds, inclusive; k_no_window: unlimited
  bool unbounded = false;                      // retention "on or after" day + N
  CohortUnit cohort = CohortUnit::day;
  std::optional<int> periods;  // the most periods after 0; default_periods()
  std::optional<double> cost;  // --cost
};

// Which columns of EventLog::extra hold the --by value, the referrer and the
// amount. Without an amount column every revenue event counts 0.
struct Columns {
  std::optional<std::size_t> by;
  std::optional<std::size_t> referrer;
  std::optional<std::size_t> amount;
};

struct ByValue {
  std::string value;
  std::uint64_t users = 0;
};

struct Acquisition {
  std::uint64_t users = 0;
  std::string by_column;    // empty without --by
  std::vector<ByValue> by;  // users descending, then value
};

struct Activation {
  std::uint64_t users = 0;
  std::optional<double> rate;
};

// DN: users with a retention event on (or, unbounded, on or after) their
// acquisition day + N, over the users whose day + N is not after the end of data.
struct RetentionDay {
  int day = 0;
  std::uint64_t retained = 0;
  std::uint64_t eligible = 0;
  std::optional<double> rate;
};

struct Cohort {
  Date start;  // the first day of the cohort's day, week or month
  std::uint64_t users = 0;
  std::vector<std::optional<double>> periods;  // 0..N; null: not complete at the end of data
  std::vector<std::uint64_t> retained;         // users per period (0 where null)
};

struct Retention {
  std::array<RetentionDay, 3> days;  // D1, D7, D30
  std::vector<Cohort> cohorts;       // ascending, only cohorts with users
  // Per period: the mean over the cohorts for which it is complete, weighted
  // by their users (retained and users summed); null when none is.
  std::vector<std::optional<double>> mean;
  std::vector<std::uint64_t> mean_users;
};

struct Revenue {
  std::uint64_t paying_users = 0;
  std::uint64_t purchases = 0;  // revenue events counted
  std::uint64_t repeat_users = 0;
  std::optional<double> paying_rate;
  double revenue = 0;
  std::optional<double> arpu;
  std::optional<double> arppu;
  std::optional<double> repeat_rate;
};

struct Referral {
  std::uint64_t invites = 0;
  std::uint64_t referred = 0;
  std::uint64_t referrers = 0;
  std::optional<double> invites_per_user;
  std::optional<double> invite_conversion;
  std::optional<double> k_factor;
  // Median seconds from a referrer's acquisition to a referred user's: the
  // viral cycle `grow --from` projects with (not printed by aarrr).
  std::optional<double> cycle_seconds;
};

struct Roi {
  double cost = 0;
  std::optional<double> roi;
  std::optional<double> cost_per_acquired;
  std::optional<double> cost_per_paying;
};

struct Result {
  Acquisition acquisition;
  Activation activation;
  Retention retention;
  Revenue revenue;
  Referral referral;
  std::optional<Roi> roi;

  // How it was computed, for the renderers.
  std::int64_t activation_window = 7 * 86400;
  bool unbounded = false;
  CohortUnit cohort = CohortUnit::day;
  std::optional<Date> end_of_data;  // the local date of the latest event in the file
  std::uint64_t rows = 0;           // data rows read
  std::uint64_t users = 0;          // users with a mapped event
  // Events of mapped names that count for nothing (docs/spec.md §2.4: "ignored").
  std::uint64_t ignored_not_acquired = 0;        // of users with no acquisition event
  std::uint64_t ignored_before_acquisition = 0;  // earlier than the user's acquisition
};

// --by values in the order of Acquisition::by: users descending, then value.
void sort_by_values(std::vector<ByValue>& values);

// Fills in the rates of `r` (activation, revenue, referral) and its ROI
// from its counts and spec.cost: compute() and a warehouse's answer share it.
void derive_rates(Result& r, const Spec& spec);

// The retention compute() gives, from counts per acquisition day instead of
// events (what a warehouse answers: sql/aarrr_sql.hpp). Per day: the users
// acquired on it, how many of them count for D1, D7, D30 (a retention event
// on, or with spec.unbounded on or after, that day), and per cohort period
// 1.. (at most the cap of spec.periods) how many were retained in it.
struct DayCounts {
  Date day;
  std::uint64_t users = 0;
  std::array<std::uint64_t, 3> hits{};
  std::vector<std::uint64_t> periods;  // [k - 1]: period k
};
Retention retention_of_days(const std::vector<DayCounts>& days, const Spec& spec,
                            std::optional<Date> end_of_data);

// Where in the input a revenue event's amount is not a number: called once,
// only on that error, to put its line in the message.
using AmountLocator = std::function<SourceLoc()>;

// The report of `log`; `log.names` are matched to the mapping by name.
// Throws BadAmount (at `locate()`) when a revenue event's amount is not a number.
Result compute(const events::EventLog& log, const Spec& spec, const Columns& columns = {},
               const AmountLocator& locate = {});

// The first data row of `text` whose event is one of `revenue_events` and
// whose `amount_column` is not a number: its line and value. Reads the whole
// text (only to name the line in an error).
struct BadRow {
  std::int64_t line = 0;
  std::string value;
};
std::optional<BadRow> find_bad_amount(std::string_view text, const std::string& path,
                                      const csv::Header& header, std::size_t event_column,
                                      std::size_t amount_column,
                                      const std::vector<std::string>& revenue_events);

// The distinct values of one column of `text`, sorted (for error messages).
std::vector<std::string> column_values(std::string_view text, const std::string& path,
                                       const csv::Header& header, std::size_t column);

}  // namespace sopctl::aarrr
