// Calendars and schedule selectors. The first byte picks what the rest is:
//   0: a calendar file (Calendar::parse), then day kinds and a plan with it;
//   1: a project config (.sopctl.yaml, lint::parse_config);
//   2: a YAML mapping of selector keys (day, days, date, dates, every, from,
//      to) read as a task's selector and bounds;
//   3: one value for the date, time, duration, timestamp and amount parsers;
//   4: a TZif file (the time zone reader, through $TZDIR), then conversions
//      and a plan whose ICS carries the zone's VTIMEZONE.

#include "fuzz_common.hpp"
#include "load/sop_parts.hpp"
#include "load/values.hpp"
#include "load/yaml_walk.hpp"

#include <sopctl/aarrr/aarrr.hpp>
#include <sopctl/base/date.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/timestamp.hpp>
#include <sopctl/base/timezone.hpp>
#include <sopctl/calendar/calendar.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace sopctl;

namespace {

void calendar_file(std::string_view text) {
  const Calendar calendar = calendar::parse(text, "fuzz.calendar.yaml");
  const Date first = *parse_date("2024-12-25");
  for (Date d = first; d <= first + 800; d = d + 1) {
    (void)calendar.kind(d);
    (void)calendar.is_weekend(d);
  }
  (void)calendar.covers(first, first + 800);
  Diagnostics diags;
  std::vector<Sop> sops;
  sops.push_back(load_sop(fuzz::k_sop_yaml, "fixed.sop.yaml", diags));
  Roster roster;
  load_roster_yaml(fuzz::k_roster_yaml, "fixed.roster.yaml", roster, diags);
  calendar.require_covers(*parse_date("2026-11-25"), *parse_date("2026-12-20"));
  fuzz::plan_and_render(sops, roster, calendar);
}

void selectors(std::string_view text) {
  Diagnostics diags;
  const text::YamlFile file(text, "fuzz.sop.yaml");
  if (!file.root().is_map()) {
    return;
  }
  load::Reader r(file, diags);
  const auto fields =
      r.fields(file.root(), {"day", "days", "date", "dates", "every", "from", "to"});
  for (const load::Field& f : fields.all()) {
    if (f.key == "from" || f.key == "to") {
      (void)load::read_day_ref(r, f);
    } else if (auto sel = load::read_selector(r, f)) {
      (void)sel->days.size();
    }
  }
}

void values(std::string_view text) {
  (void)parse_date(text);
  (void)parse_month(text);
  (void)parse_time_of_day(text);
  (void)parse_duration(text);
  (void)parse_weekday(text);
  (void)load::date_problem(text);
  (void)aarrr::parse_amount(text);
  if (const auto ts = parse_timestamp(text)) {
    static const TimeZone zone = *TimeZone::load("Asia/Shanghai");
    (void)format_local_time(to_local(*ts, &zone));
  }
  if (load::split_range(text)) {
    Diagnostics diags;
    const Located<std::string> located(std::string(text), SourceLoc{"fuzz", 1, 1});
    std::vector<int> days;
    load::expand_day_range(diags, located, days);
    std::vector<Date> dates;
    load::expand_date_range(diags, located, dates);
  }
}

// The zone file goes to a directory of its own, named by $TZDIR while it is read.
void tzif(std::string_view bytes) {
  static const std::string dir = [] {
    std::string tmpl = "/tmp/sopctl-fuzz-tz-XXXXXX";
    const char* made = ::mkdtemp(tmpl.data());
    const std::string d = made != nullptr ? made : "/tmp";
    ::mkdir((d + "/Fuzz").c_str(), 0700);
    return d;
  }();
  {
    std::FILE* f = std::fopen((dir + "/Fuzz/Zone").c_str(), "wb");
    if (f == nullptr) {
      return;
    }
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
  }
  ::setenv("TZDIR", dir.c_str(), 1);
  const std::optional<TimeZone> zone = TimeZone::load("Fuzz/Zone");
  ::unsetenv("TZDIR");
  if (!zone) {
    return;
  }
  for (const std::int64_t t : {std::int64_t{-2'000'000'000'000}, std::int64_t{-1}, std::int64_t{0},
                               std::int64_t{1'764'547'200}, std::int64_t{4'000'000'000},
                               std::int64_t{2'000'000'000'000}}) {
    (void)zone->offset_at_utc(t);
    (void)zone->to_utc(t);
    (void)zone->fixed_between(t, t + 86400 * 400);
  }
  // A plan in that zone: the ICS renderer writes its VTIMEZONE.
  ::setenv("TZDIR", dir.c_str(), 1);
  Diagnostics diags;
  std::vector<Sop> sops;
  sops.push_back(load_sop(std::string("timezone: Fuzz/Zone\n") + std::string(fuzz::k_sop_yaml),
                          "fixed.sop.yaml", diags));
  Roster roster;
  load_roster_yaml(fuzz::k_roster_yaml, "fixed.roster.yaml", roster, diags);
  try {
    fuzz::plan_and_render(sops, roster, calendar::builtin_cn());
  } catch (...) {
    ::unsetenv("TZDIR");
    throw;
  }
  ::unsetenv("TZDIR");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  try {
    switch (data[0] % 5) {
      case 0:
        calendar_file(text);
        break;
      case 1:
        (void)lint::parse_config(text, "fuzz/.sopctl.yaml");
        break;
      case 2:
        selectors(text);
        break;
      case 3:
        values(text);
        break;
      default:
        tzif(text);
        break;
    }
  } catch (const Error&) {
  }
  return 0;
}
