// Helpers shared by the rule files (lint_parts.hpp).

#include "lint_parts.hpp"

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

namespace sopctl::lint::detail {

void Reporter::add(std::string_view rule, const SourceLoc& loc, std::string message) {
  const RuleInfo* info = find_rule(rule);
  m_diags.push_back(Diagnostic{loc, info ? info->severity : Severity::error, std::string(rule),
                               std::move(message)});
}

EffectiveLimits effective_limits(const Sop& sop, const Config* config) {
  EffectiveLimits out;
  const Limits& own = sop.limits;
  if (own.quiet_hours_set || !config || !config->quiet_start || !config->quiet_end) {
    out.quiet_start = own.quiet_start;
    out.quiet_end = own.quiet_end;
  } else {
    out.quiet_start = *config->quiet_start;
    out.quiet_end = *config->quiet_end;
  }
  if (own.max_posts_set || !config || !config->max_posts_per_group_per_day) {
    out.max_posts_per_group_per_day = own.max_posts_per_group_per_day;
  } else {
    out.max_posts_per_group_per_day = *config->max_posts_per_group_per_day;
  }
  return out;
}

bool in_quiet_hours(int minute, int start, int end) {
  if (start == end) {
    return false;
  }
  if (start < end) {
    return minute >= start && minute < end;
  }
  return minute >= start || minute < end;
}

std::string format_quiet_hours(int start, int end) {
  return format_time_of_day(start) + "-" + format_time_of_day(end);
}

const SourceLoc& task_loc(const Task& task) {
  return task.id.loc.known() ? task.id.loc : task.loc;
}

SourceLoc sop_loc(const Sop& sop) {
  if (sop.id.loc.known()) {
    return sop.id.loc;
  }
  return SourceLoc{sop.path, 1, 1};
}

std::string task_name(const Sop& sop, const Task& task) {
  if (!task.id.value.empty()) {
    return trf("task '{}'", task.id.value);
  }
  return trf("task #{}", task_index(sop, &task) + 1);
}

bool posts_to_group(const Task& task) {
  const std::string& c = task.channel.value;
  return c == "group" || c == "announcement" || c == "mass" || c == "live";
}

std::vector<std::uint8_t> task_flags(const Sop& sop) {
  std::vector<std::uint8_t> flags;
  flags.reserve(sop.tasks.size());
  for (const Task& t : sop.tasks) {
    std::uint8_t f = 0;
    f |= posts_to_group(t) ? k_posts : 0;
    f |= t.channel.value == "mass" ? k_mass : 0;
    f |= t.type.value == "education" ? k_education : 0;
    f |= t.type.value == "conversion" ? k_conversion : 0;
    flags.push_back(f);
  }
  return flags;
}

std::optional<Date> resolve_ref(const DayRef& ref, std::optional<Date> open) {
  if (ref.kind == DayRef::Kind::date) {
    return ref.date;
  }
  if (!open || ref.day == 0) {
    return std::nullopt;
  }
  return *open + (ref.day > 0 ? ref.day - 1 : ref.day);
}

std::string describe_ref(const DayRef& ref) {
  return ref.kind == DayRef::Kind::date ? format_date(ref.date) : trf("day {}", ref.day);
}

std::string Context::who() const {
  if (date_only && synthetic) {
    return tr("each group");
  }
  return trf("group {}", group ? group->id.value : std::string("?"));
}

std::string Context::when(Date d) const {
  if (open && !date_only) {
    const int diff = d - *open;
    return trf("day {} ({})", diff >= 0 ? diff + 1 : diff, format_date(d));
  }
  return format_date(d);
}

std::vector<std::optional<std::pair<int, int>>> DaysMemo::operator()(
    const std::vector<const Sop*>& sops) {
  std::vector<std::optional<std::pair<int, int>>> out;
  for (const Sop* sop : sops) {
    auto it = m_days.find(sop);
    if (it == m_days.end()) {
      it = m_days.emplace(sop, sop->relative_days()).first;
    }
    out.push_back(it->second);
  }
  return out;
}

}  // namespace sopctl::lint::detail
