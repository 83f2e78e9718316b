#pragma once
// What `plan`, `audit` and `notify` share about dates: the range options
// (--month, --from/--to, --date), the clock (today, now), rates.

#include <sopctl/base/date.hpp>

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace sopctl::cli {

struct RangeOptions {
  std::string month;
  std::string from;
  std::string to;
  std::string date;
};

// Adds --month, --from, --to and, with `with_date`, --date (exclusive as
// they should be). `what` is "plan" or "audit", for the help texts.
void add_range_options(CLI::App& cmd, RangeOptions& opts, const std::string& what, bool with_date);

// The range the options give, or none (the whole plan). `zone` is the time
// zone 'today' is taken in. Throws Error for a malformed value.
std::optional<std::pair<Date, Date>> resolve_range(const RangeOptions& opts,
                                                   const std::string& zone);

// Now as local wall seconds in `zone` (seconds since 1970 as if local were
// UTC). $SOPCTL_NOW (a timestamp such as 2026-12-03T19:30:00+08:00) stands
// in for the clock, for tests and for re-running a cron job by hand.
std::int64_t now_local(const std::string& zone);
Date today_in(const std::string& zone);

// YYYY-MM-DD for `option`, or Error.
Date parse_date_option(const std::string& option, const std::string& value);

// A RATE argument (docs/spec.md §5.8): "0.05" or "5%", within 0..1.
double parse_rate_option(const std::string& option, const std::string& text);

// A duration argument: "30m", "1h", "90s", "2d"; `allow_zero` also takes "0".
std::int64_t parse_duration_option(const std::string& option, const std::string& text,
                                   bool allow_zero);

}  // namespace sopctl::cli
