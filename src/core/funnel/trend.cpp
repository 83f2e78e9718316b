// --trend (docs/spec.md §5.5): the funnel per period of the attempt's step-1
// event, as a --by over a column of periods.

#include <sopctl/base/date.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/limits.hpp>
#include <sopctl/funnel/funnel.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace sopctl::funnel {

std::optional<Period> parse_period(std::string_view text) {
  if (text == "day") {
    return Period::day;
  }
  if (text == "week") {
    return Period::week;
  }
  if (text == "month") {
    return Period::month;
  }
  return std::nullopt;
}

const char* period_name(Period p) {
  return p == Period::day ? "day" : p == Period::week ? "week" : "month";
}

std::size_t add_period_column(events::EventLog& log, Period p) {
  events::ExtraColumn col;
  col.name = period_name(p);
  col.value_of.resize(log.events.size());
  std::map<std::int32_t, std::uint32_t> ids;  // period's first day -> value id
  for (std::size_t i = 0; i < log.events.size(); ++i) {
    const std::int64_t ts = log.events[i].ts;
    Date d{static_cast<std::int32_t>(ts >= 0 ? ts / 86400 : -((-ts + 86399) / 86400))};
    if (p == Period::week) {
      d = d - d.weekday();  // Monday (weekday 0)
    } else if (p == Period::month) {
      d = Date::from_ymd(d.year(), d.month(), 1);
    }
    auto it = ids.find(d.days);
    if (it == ids.end()) {
      if (ids.size() == limits::k_max_segments) {
        throw Error(
            trf("the log's step events span more than {} {}s, the most --trend "
                "reports (one row per {}); use a longer period, or filter the "
                "log to the time you want to see",
                limits::k_max_segments, period_name(p), period_name(p)));
      }
      const std::string label = p == Period::month ? format_date(d).substr(0, 7) : format_date(d);
      it = ids.emplace(d.days, col.values.push_back(label)).first;
    }
    col.value_of[i] = it->second;
  }
  log.extra.push_back(std::move(col));
  return log.extra.size() - 1;
}

void trend_order(Result& r) {
  r.trend = true;
  // Labels are ISO dates (or months): text order is time order.
  std::stable_sort(r.segments.begin(), r.segments.end(),
                   [](const Segment& a, const Segment& b) { return a.value < b.value; });
}

}  // namespace sopctl::funnel
