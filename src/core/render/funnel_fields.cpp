#include "funnel_fields.hpp"

#include <fmt/format.h>

#include <cmath>

namespace sopctl::render {

std::string format_count(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

std::string format_percent(std::optional<double> rate) {
  if (!rate) {
    return "-";
  }
  return fmt::format("{:.1f}%", *rate * 100.0);
}

std::string format_duration(std::optional<double> seconds) {
  if (!seconds) {
    return "-";
  }
  const auto s = static_cast<std::int64_t>(std::llround(*seconds));
  if (s < 60) {
    return fmt::format("{}s", s);
  }
  if (s < 3600) {
    return s % 60 == 0 ? fmt::format("{}m", s / 60) : fmt::format("{}m {:02}s", s / 60, s % 60);
  }
  if (s < 86400) {
    return fmt::format("{}h {:02}m", s / 3600, s / 60 % 60);
  }
  return fmt::format("{}d {}h", s / 86400, s / 3600 % 24);
}

std::string format_window(std::int64_t seconds) {
  if (seconds < 0) {
    return "none";
  }
  if (seconds % 86400 == 0) {
    return fmt::format("{}d", seconds / 86400);
  }
  if (seconds % 3600 == 0) {
    return fmt::format("{}h", seconds / 3600);
  }
  if (seconds % 60 == 0) {
    return fmt::format("{}m", seconds / 60);
  }
  return fmt::format("{}s", seconds);
}

std::string largest_drop_sentence(const funnel::Funnel& f) {
  if (!f.largest_drop) {
    return "";
  }
  const funnel::Step& to = f.steps[*f.largest_drop];
  const funnel::Step& from = f.steps[*f.largest_drop - 1];
  return fmt::format("Largest drop: {} → {}, {} of users lost ({}).", from.name, to.name,
                     format_percent(to.drop_off),
                     format_count(static_cast<std::uint64_t>(to.lost)));
}

std::string conversion_sentence(const funnel::Funnel& f) {
  if (f.steps.size() < 2) {
    return "";
  }
  if (!f.conversion) {
    return fmt::format("Conversion {} → {}: none (no users at {}).", f.steps.front().name,
                       f.steps.back().name, f.steps.front().name);
  }
  return fmt::format("Conversion {} → {}: {}.", f.steps.front().name, f.steps.back().name,
                     format_percent(f.conversion));
}

std::string goal_sentence(const funnel::GoalCheck& g, const funnel::Funnel& f) {
  const std::string first = f.steps.empty() ? "step 1" : f.steps.front().name;
  if (!g.actual) {
    return fmt::format("Goal of {}: {} at {} of {}; '{}' is not a step of this funnel.", g.sop,
                       g.metric, format_percent(g.target), first, g.metric);
  }
  return fmt::format("Goal of {}: {} at {} of {}; actual {}, {}.", g.sop, g.metric,
                     format_percent(g.target), first, format_percent(g.actual),
                     g.met ? "goal met" : "below the goal");
}

std::string step_chain(const funnel::Funnel& f) {
  std::string out;
  for (const funnel::Step& s : f.steps) {
    out += (out.empty() ? "" : " → ") + s.name;
  }
  return out;
}

std::string input_summary(const funnel::Result& r, const FunnelRenderOptions& opts) {
  if (!r.from_events) {
    return "stage counts";
  }
  return fmt::format("{}, window {}; {} rows, {} users", funnel::mode_name(opts.mode),
                     format_window(opts.window), format_count(r.rows), format_count(r.users));
}

std::string markdown_cell(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
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
