// plan -> iCalendar (RFC 5545), for import into Google, Apple and Outlook
// calendars.

#include "ics_text.hpp"
#include "plan_fields.hpp"

#include <sopctl/base/timezone.hpp>
#include <sopctl/base/version.hpp>
#include <sopctl/render/plan_render.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sopctl::render {

namespace {

constexpr std::int64_t k_seconds_per_day = 86400;
// Length of an item without `duration`. Zero-length events show as hairlines
// or not at all in some calendar apps, so they get a short slot instead.
constexpr int k_default_duration_minutes = 15;

// "20261203T080000" for seconds since the epoch, read as a wall time.
std::string format_date_time(std::int64_t t) {
  std::int64_t days = t / k_seconds_per_day;
  std::int64_t secs = t % k_seconds_per_day;
  if (secs < 0) {
    secs += k_seconds_per_day;
    --days;
  }
  const Date d{static_cast<std::int32_t>(days)};
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}", d.year(), d.month(), d.day(), secs / 3600,
                     secs / 60 % 60, secs % 60);
}

std::string format_ics_date(Date d) {
  return fmt::format("{:04}{:02}{:02}", d.year(), d.month(), d.day());
}

// "+0800" / "-0330".
std::string format_offset(int seconds) {
  const char sign = seconds < 0 ? '-' : '+';
  const int a = seconds < 0 ? -seconds : seconds;
  return fmt::format("{}{:02}{:02}", sign, a / 3600, a / 60 % 60);
}

// The usual abbreviation of zones operators are likely to use; the numeric
// form otherwise (tzdata itself writes "+08" for many zones).
std::string zone_abbreviation(const std::string& name, int offset) {
  static const std::map<std::string, std::string, std::less<>> k_names = {
      {"Asia/Shanghai", "CST"},  {"Asia/Chongqing", "CST"},
      {"Asia/Harbin", "CST"},    {"PRC", "CST"},
      {"Asia/Taipei", "CST"},    {"Asia/Macau", "CST"},
      {"Asia/Hong_Kong", "HKT"}, {"Asia/Tokyo", "JST"},
      {"Asia/Seoul", "KST"},     {"UTC", "UTC"},
      {"Etc/UTC", "UTC"},
  };
  if (const auto it = k_names.find(name); it != k_names.end()) {
    return it->second;
  }
  return format_offset(offset);
}

// A TZID parameter value must not need quoting (IANA names never do).
bool safe_param_value(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u != 0x7F && c != '"' && c != ';' && c != ':' && c != ',';
  });
}

// How the timed items of one SOP time zone are written.
struct ZoneUse {
  std::optional<TimeZone> tz;  // nullopt: unknown name, items are floating
  bool fixed = false;          // one offset over the plan: TZID + VTIMEZONE
  int offset = 0;              // that offset, seconds east of UTC
};

const std::string& zone_name(const PlanItem& item) {
  static const std::string k_default = "Asia/Shanghai";
  if (item.sop == nullptr || item.sop->timezone.value.empty()) {
    return k_default;
  }
  return item.sop->timezone.value;
}

// Decides, once per zone, whether its offset is fixed over the dates its
// items fall on (padded by a day for the local/UTC difference).
std::map<std::string, ZoneUse> resolve_zones(const Plan& plan) {
  std::map<std::string, std::pair<Date, Date>> spans;
  for (const auto& item : plan.items) {
    if (item.time < 0) {
      continue;  // all-day items carry no time zone
    }
    auto [it, inserted] = spans.try_emplace(zone_name(item), item.date, item.date);
    it->second.first = std::min(it->second.first, item.date);
    it->second.second = std::max(it->second.second, item.date);
  }
  std::map<std::string, ZoneUse> zones;
  for (const auto& [name, span] : spans) {
    ZoneUse use;
    use.tz = TimeZone::load(name);
    if (use.tz) {
      const std::int64_t from = std::int64_t{span.first.days - 1} * k_seconds_per_day;
      const std::int64_t to = std::int64_t{span.second.days + 2} * k_seconds_per_day;
      use.fixed = safe_param_value(name) && use.tz->fixed_between(from, to);
      use.offset = use.tz->offset_at_utc(from);
    }
    zones.emplace(name, std::move(use));
  }
  return zones;
}

// The zone most items use, for X-WR-TIMEZONE (Google and Apple show the
// calendar in it); ties go to the first name in order.
std::string calendar_zone(const Plan& plan) {
  std::map<std::string, int> counts;
  for (const auto& item : plan.items) {
    ++counts[zone_name(item)];
  }
  std::string best = "Asia/Shanghai";
  int best_count = 0;
  for (const auto& [name, count] : counts) {
    if (count > best_count) {
      best = name;
      best_count = count;
    }
  }
  return best;
}

class IcsWriter {
public:
  void line(std::string_view content) { m_out += ics_fold(content); }
  void text(std::string_view name, std::string_view value) {
    line(fmt::format("{}:{}", name, ics_escape(value)));
  }
  std::string take() { return std::move(m_out); }

private:
  std::string m_out;
};

void write_vtimezone(IcsWriter& w, const std::string& name, const ZoneUse& zone) {
  const std::string offset = format_offset(zone.offset);
  w.line("BEGIN:VTIMEZONE");
  w.line("TZID:" + name);
  w.line("BEGIN:STANDARD");
  w.line("DTSTART:19700101T000000");
  w.line("TZOFFSETFROM:" + offset);
  w.line("TZOFFSETTO:" + offset);
  w.text("TZNAME", zone_abbreviation(name, zone.offset));
  w.line("END:STANDARD");
  w.line("END:VTIMEZONE");
}

// "-PT15M", "-PT1H30M", "-P1D": RFC 5545 durations before the start.
std::string trigger(int minutes) {
  std::string out = "-P";
  if (minutes % (24 * 60) == 0) {
    return out + std::to_string(minutes / (24 * 60)) + "D";
  }
  out += "T";
  if (minutes >= 60) {
    out += std::to_string(minutes / 60) + "H";
  }
  if (minutes % 60 != 0) {
    out += std::to_string(minutes % 60) + "M";
  }
  return out;
}

void write_event(IcsWriter& w, const PlanItem& item, const std::string& uid,
                 const std::string& dtstamp, const std::map<std::string, ZoneUse>& zones,
                 std::optional<int> alarm_minutes) {
  const ItemFields f = item_fields(item);
  w.line("BEGIN:VEVENT");
  w.line("UID:" + uid);
  w.line("DTSTAMP:" + dtstamp);
  if (item.time < 0) {
    w.line("DTSTART;VALUE=DATE:" + format_ics_date(item.date));
    w.line("DTEND;VALUE=DATE:" + format_ics_date(item.date + 1));
  } else {
    const std::string& name = zone_name(item);
    const ZoneUse& zone = zones.at(name);
    const std::int64_t local = std::int64_t{item.date.days} * k_seconds_per_day + item.time * 60;
    if (zone.fixed) {
      w.line(fmt::format("DTSTART;TZID={}:{}", name, format_date_time(local)));
    } else if (zone.tz) {
      w.line(fmt::format("DTSTART:{}Z", format_date_time(zone.tz->to_utc(local))));
    } else {
      // Unknown zone (no tzdata): floating time, read in the viewer's zone.
      w.line("DTSTART:" + format_date_time(local));
    }
    const int minutes =
        item.duration_minutes > 0 ? item.duration_minutes : k_default_duration_minutes;
    w.line(fmt::format("DURATION:PT{}M", minutes));
  }
  w.text("SUMMARY", fmt::format("[{}] {}", f.is_customer ? f.customer_name : f.group, f.title));
  std::vector<std::string> description;
  if (!f.script.empty()) {
    description.push_back(f.script);
  }
  if (const std::string staff = staff_names(f, "、"); !staff.empty()) {
    description.push_back(staff);
  }
  if (const std::string label = day_phase_label(f); !label.empty()) {
    description.push_back(label);
  }
  if (!description.empty()) {
    w.text("DESCRIPTION", join(description, "\n\n"));
  }
  if (!shown_name(f).empty()) {
    w.text("LOCATION", shown_name(f));
  }
  if (!f.type.empty()) {
    w.text("CATEGORIES", f.type);
  }
  if (alarm_minutes) {
    w.line("BEGIN:VALARM");
    w.line("ACTION:DISPLAY");
    w.text("DESCRIPTION", item.task != nullptr ? item.task->title.value : std::string("SOP"));
    w.line("TRIGGER:" + trigger(*alarm_minutes));
    w.line("END:VALARM");
  }
  w.line("END:VEVENT");
}

}  // namespace

std::string plan_ics(const Plan& plan, const PlanRenderOptions& opts) {
  const auto zones = resolve_zones(plan);
  const std::string dtstamp = format_date_time(opts.dtstamp) + "Z";

  IcsWriter w;
  w.line("BEGIN:VCALENDAR");
  w.line("VERSION:2.0");
  w.line("PRODID:-//sopctl//sopctl " + std::string(version()) + "//ZH");
  w.line("CALSCALE:GREGORIAN");
  w.line("METHOD:PUBLISH");
  w.text("X-WR-CALNAME",
         !opts.title.empty()
             ? opts.title
             : fmt::format("sopctl plan {}..{}", format_date(plan.from), format_date(plan.to)));
  w.text("X-WR-TIMEZONE", calendar_zone(plan));
  for (const auto& [name, zone] : zones) {
    if (zone.fixed) {
      write_vtimezone(w, name, zone);
    }
  }
  for (const auto& item : plan.items) {
    write_event(w, item, item.key + "@sopctl", dtstamp, zones, opts.alarm_minutes);
  }
  w.line("END:VCALENDAR");
  return w.take();
}

}  // namespace sopctl::render
