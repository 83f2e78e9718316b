#pragma once
// `compare` (docs/spec.md §5.5): an SOP's variants (A/B) side by side, each
// with its funnel conversion, a 95% Wilson interval, the lift against the
// control and a two-sided p-value: the two-proportion z-test, or Fisher's
// exact test when an expected cell is under 5; with clusters (the groups an
// operator assigns to variants), Welch's t-test on the groups' rates.

#include <sopctl/events/events.hpp>
#include <sopctl/funnel/funnel.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sopctl::compare {

struct Cluster {
  std::string value;
  std::uint64_t users = 0;
  std::uint64_t converted = 0;
};

struct Arm {
  std::string value;
  std::uint64_t users = 0;      // reached step 1
  std::uint64_t converted = 0;  // reached the last step
  std::vector<Cluster> clusters;

  // Computed by compare_arms():
  std::optional<double> rate;
  std::pair<double, double> interval{0, 1};  // 95% Wilson
  bool control = false;
  std::optional<double> lift;           // rate - the control's
  std::optional<double> relative_lift;  // lift / the control's rate
  std::optional<double> p_value;
  std::string test;                    // "z", "fisher", "welch", or "" for the control
  std::optional<double> cluster_mean;  // the mean of its clusters' rates
};

struct Comparison {
  std::vector<std::string> steps;
  std::string by;         // the variant column
  std::string cluster;    // empty: users are the unit
  std::vector<Arm> arms;  // sorted by value
  std::vector<std::string> warnings;
};

// Fills in the statistics. `control` names the control arm; empty: the arm
// with the most users (the first by value among equals). Throws Error for an
// unknown control or fewer than two arms.
void compare_arms(Comparison& c, const std::string& control);

// Arms (and clusters) from an event log: the variant is the `by` column of
// the step-1 event of each user's best attempt (as funnel --by), the cluster
// the `cluster` column there. `log` gains a combined column when clustered.
Comparison from_events(events::EventLog& log, const funnel::Spec& spec, std::size_t by,
                       std::optional<std::size_t> cluster);

}  // namespace sopctl::compare
