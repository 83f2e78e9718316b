// The audit report's vocabulary: status and --by names, the on-time rate.

#include <sopctl/audit/audit.hpp>

namespace sopctl::audit {

const char* status_name(Status s) {
  switch (s) {
    case Status::on_time:
      return "on_time";
    case Status::late:
      return "late";
    case Status::missed:
      return "missed";
    case Status::pending:
      return "pending";
  }
  return "missed";
}

std::optional<By> parse_by(std::string_view text) {
  for (By b : {By::staff, By::group, By::task, By::day}) {
    if (text == by_name(b)) {
      return b;
    }
  }
  return std::nullopt;
}

const char* by_name(By by) {
  switch (by) {
    case By::staff:
      return "staff";
    case By::group:
      return "group";
    case By::task:
      return "task";
    case By::day:
      return "day";
  }
  return "staff";
}

std::optional<double> Counts::on_time_rate() const {
  const std::int64_t due = planned - pending;
  if (due <= 0) {
    return std::nullopt;
  }
  return static_cast<double>(on_time) / static_cast<double>(due);
}

}  // namespace sopctl::audit
