#include "funnel_fields.hpp"
#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

#include <cmath>

namespace sopctl::render {

std::string largest_drop_sentence(const funnel::Funnel& f) {
  if (!f.largest_drop) {
    return "";
  }
  const funnel::Step& to = f.steps[*f.largest_drop];
  const funnel::Step& from = f.steps[*f.largest_drop - 1];
  return trf("Largest drop: {} → {}, {} of users lost ({}).", from.name, to.name,
             format_percent(to.drop_off), format_count(static_cast<std::uint64_t>(to.lost)));
}

std::string conversion_sentence(const funnel::Funnel& f) {
  if (f.steps.size() < 2) {
    return "";
  }
  if (!f.conversion) {
    return trf("Conversion {} → {}: none (no users at {}).", f.steps.front().name,
               f.steps.back().name, f.steps.front().name);
  }
  return trf("Conversion {} → {}: {}.", f.steps.front().name, f.steps.back().name,
             format_percent(f.conversion));
}

std::string goal_sentence(const funnel::GoalCheck& g, const funnel::Funnel& f) {
  const std::string first = f.steps.empty() ? tr("step 1") : f.steps.front().name;
  if (!g.actual) {
    return trf("Goal of {}: {} at {} of {}; '{}' is not a step of this funnel.", g.sop, g.metric,
               format_percent(g.target), first, g.metric);
  }
  return trf("Goal of {}: {} at {} of {}; actual {}, {}.", g.sop, g.metric,
             format_percent(g.target), first, format_percent(g.actual),
             g.met ? tr("goal met") : tr("below the goal"));
}

std::string step_chain(const funnel::Funnel& f) {
  std::string out;
  for (const funnel::Step& s : f.steps) {
    out += (out.empty() ? "" : " → ") + s.name;
  }
  return out;
}

std::string input_summary(const funnel::Result& r) {
  if (!r.from_events) {
    return tr("stage counts");
  }
  // ", excluding quit, mute in steps 2-3"
  std::string excluding;
  for (const funnel::Exclusion& x : r.exclusions) {
    excluding += (excluding.empty() ? tr(", excluding ") : ", ") + x.event;
    if (x.from != 1 || x.to != r.total.steps.size()) {
      excluding += trf(" in steps {}-{}", x.from, x.to);
    }
  }
  return trf("{}, window {}{}; {} rows, {} users", r.mode, format_window(r.window), excluding,
             format_count(r.rows), format_count(r.users));
}

std::string summary_sentences(const funnel::Funnel& f) {
  std::string out;
  for (const std::string& sentence : {largest_drop_sentence(f), conversion_sentence(f)}) {
    if (!sentence.empty()) {
      out += sentence + "\n";
    }
  }
  return out;
}

}  // namespace sopctl::render
