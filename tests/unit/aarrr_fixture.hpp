#pragma once
// Helpers for the aarrr tests: an event log in a string, loaded as the CLI
// loads it (mapped events only; --by, referrer and amount as extra columns).

#include <sopctl/aarrr/aarrr.hpp>
#include <sopctl/base/timezone.hpp>
#include <sopctl/events/events.hpp>
#include <sopctl/text/csv.hpp>

#include <optional>
#include <string>
#include <vector>

namespace aarrr_fixture {

namespace aarrr = sopctl::aarrr;

// acquisition join_group, activation check_in, retention read, revenue
// order, referral invite (docs/spec.md §2.4's stages as the tests name them).
inline aarrr::Mapping mapping(const std::vector<std::vector<std::string>>& stages = {
                                  {"join_group"}, {"check_in"}, {"read"}, {"order"}, {"invite"}}) {
  aarrr::Mapping m;
  for (std::size_t s = 0; s < stages.size() && s < aarrr::k_stages; ++s) {
    for (const std::string& n : stages[s]) {
      m.stages[s].push_back({n, {}});
    }
  }
  return m;
}

struct Options {
  std::string by;                      // --by column, or none
  std::string zone = "Asia/Shanghai";  // --tz
};

// The report of `csv` (header user_id,event,ts[,channel][,amount][,referrer]).
inline aarrr::Result run(const std::string& csv, aarrr::Spec spec, const Options& o = {}) {
  namespace events = sopctl::events;
  const sopctl::csv::Header header = sopctl::csv::read_header(csv, "ev.csv");
  const auto zone = sopctl::TimeZone::load(o.zone);
  events::LoadOptions lo;
  lo.keep = aarrr::event_names(spec.mapping);
  lo.zone = &*zone;
  aarrr::Columns cols;
  if (!o.by.empty()) {
    cols.by = lo.extra_columns.size();
    lo.extra_columns.push_back(o.by);
  }
  if (header.find("referrer")) {
    cols.referrer = lo.extra_columns.size();
    lo.extra_columns.push_back("referrer");
  }
  if (header.find("amount")) {
    cols.amount = lo.extra_columns.size();
    lo.extra_columns.push_back("amount");
  }
  const events::EventLog log = events::load(csv, "ev.csv", header, lo);
  return aarrr::compute(log, spec, cols);
}

inline aarrr::Spec spec(aarrr::CohortUnit unit = aarrr::CohortUnit::day) {
  aarrr::Spec s;
  s.mapping = mapping();
  s.cohort = unit;
  return s;
}

// The header of the logs the tests write.
inline const std::string k_head = "user_id,event,ts,channel,amount,referrer\n";

// The retention of one cohort, period by period.
inline std::vector<std::optional<double>> periods(const aarrr::Result& r, std::size_t cohort) {
  return r.retention.cohorts.at(cohort).periods;
}

}  // namespace aarrr_fixture
