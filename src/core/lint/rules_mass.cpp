// mass-send-quota: WeCom's 企业群发 quota per customer group, counted per day,
// week (Monday to Sunday) or month over each group's expanded plan.

#include "lint_parts.hpp"

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

namespace sopctl::lint::detail {
namespace {

// A period's key: comparable, and in date order.
std::int32_t period_key(MassQuota::Per per, Date d) {
  switch (per) {
    case MassQuota::Per::day:
      return d.days;
    case MassQuota::Per::week:
      return d.days - d.weekday();
    case MassQuota::Per::month:
      return d.year() * 12 + (d.month() - 1);
  }
  return d.days;
}

struct Over {
  Date first_day;  // a day of the period
  std::size_t count = 0;
  int max = 0;
  std::size_t more = 0;  // further periods over the quota
};

std::optional<Over> first_over(const MassQuota& quota, const std::vector<Date>& dates) {
  std::vector<std::pair<std::int32_t, Date>> keyed;
  keyed.reserve(dates.size());
  for (Date d : dates) {
    keyed.emplace_back(period_key(quota.per, d), d);
  }
  std::sort(keyed.begin(), keyed.end());
  std::optional<Over> found;
  for (std::size_t i = 0; i < keyed.size();) {
    std::size_t j = i;
    while (j < keyed.size() && keyed[j].first == keyed[i].first) {
      ++j;
    }
    const Date d = keyed[i].second;
    const int max = quota.max >= 0 ? quota.max : days_in_month(d.year(), d.month());
    if (j - i > static_cast<std::size_t>(max)) {
      if (found) {
        ++found->more;
      } else {
        found = Over{d, j - i, max, 0};
      }
    }
    i = j;
  }
  return found;
}

std::string period_text(MassQuota::Per per, Date d) {
  switch (per) {
    case MassQuota::Per::day:
      return trf("on {}", format_date(d));
    case MassQuota::Per::week:
      return trf("in the week of {}", format_date(d - d.weekday()));
    case MassQuota::Per::month:
      return trf("in {:04}-{:02}", d.year(), d.month());
  }
  return format_date(d);
}

const char* per_name(MassQuota::Per per) {
  switch (per) {
    case MassQuota::Per::day:
      return tr("day");
    case MassQuota::Per::week:
      return tr("week");
    case MassQuota::Per::month:
      return tr("month");
  }
  return tr("month");
}

}  // namespace

void mass_send_quota(const SopSchedule& schedule, Reporter& out) {
  const Sop& sop = *schedule.sop;
  const auto first_mass = std::find_if(sop.tasks.begin(), sop.tasks.end(),
                                       [](const Task& t) { return t.channel.value == "mass"; });
  if (first_mass == sop.tasks.end()) {
    return;
  }
  const MassQuota& quota = sop.limits.mass_sends;
  auto report = [&](const Context& ctx, const Over& over) {
    std::string more;
    if (over.more > 0) {
      more = trf(" ({} more {}{} over it too)", over.more, per_name(quota.per),
                 over.more == 1 ? " is" : "s are");
    }
    out.add("mass-send-quota", first_mass->channel.loc,
            trf("{} would send {} mass message{} {}, over the WeCom quota of {} per {}{}",
                ctx.who(), over.count, over.count == 1 ? "" : "s",
                period_text(quota.per, over.first_day), over.max, per_name(quota.per), more));
  };

  // Each context in roster order: its expansion's sends, shifted when it
  // shares another open date's plan (weeks and months may then cut it
  // differently).
  std::vector<Date> dates;
  for (const ContextRef& ref : schedule.refs) {
    dates = schedule.mass_dates[ref.expansion];
    for (Date& d : dates) {
      d = d + ref.delta;
    }
    if (auto over = first_over(quota, dates)) {
      report(ref.ctx, *over);
      return;  // once per SOP
    }
  }
}

}  // namespace sopctl::lint::detail
