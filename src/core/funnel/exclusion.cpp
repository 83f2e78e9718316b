// Exclusion steps (docs/spec.md §5.5): parsing EVENT[:I-J], and the event
// names a funnel reads.

#include <sopctl/funnel/funnel.hpp>
#include <sopctl/text/strings.hpp>

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace sopctl::funnel {

namespace {

// A step number, or false.
bool step_number(std::string_view s, std::size_t& n) {
  s = text::trim(s);
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  return !s.empty() && ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

std::optional<Exclusion> parse_exclusion(std::string_view text,
                                         const std::vector<std::string>& steps,
                                         std::string& error) {
  Exclusion x;
  const std::size_t colon = text.rfind(':');
  x.event = std::string(text::trim(text.substr(0, colon)));
  x.to = steps.size();
  if (x.event.empty()) {
    error = "name the event to exclude, e.g. unsubscribe or unsubscribe:2-3";
    return std::nullopt;
  }
  if (std::find(steps.begin(), steps.end(), x.event) != steps.end()) {
    error = trf("'{}' is a step of the funnel; an excluded event must be another event", x.event);
    return std::nullopt;
  }
  if (steps.size() < 2) {
    error = "an exclusion needs a funnel of two steps or more";
    return std::nullopt;
  }
  if (colon != std::string_view::npos) {
    const std::string_view range = text.substr(colon + 1);
    const std::size_t dash = range.find('-');
    std::size_t from = 0;
    std::size_t to = 0;
    if (dash == std::string_view::npos || !step_number(range.substr(0, dash), from) ||
        !step_number(range.substr(dash + 1), to)) {
      error =
          trf("'{}' is not a step range: write I-J, e.g. {}:1-{}", range, x.event, steps.size());
      return std::nullopt;
    }
    if (from < 1 || to > steps.size() || from >= to) {
      error = trf("steps {}-{}: the range must go from a step to a later one, within 1-{}", from,
                  to, steps.size());
      return std::nullopt;
    }
    x.from = from;
    x.to = to;
  }
  return x;
}

std::vector<std::string> Spec::events_read() const {
  if (needs_other_events()) {
    return {};
  }
  std::vector<std::string> names = steps;
  for (const Exclusion& x : exclusions) {
    if (std::find(names.begin(), names.end(), x.event) == names.end()) {
      names.push_back(x.event);
    }
  }
  return names;
}

}  // namespace sopctl::funnel
