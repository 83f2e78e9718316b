#include "dates.hpp"
#include <sopctl/base/i18n.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/timestamp.hpp>
#include <sopctl/base/timezone.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <ctime>

namespace sopctl::cli {

void add_range_options(CLI::App& cmd, RangeOptions& opts, const std::string& what, bool with_date) {
  auto* month =
      cmd.add_option("--month", opts.month, tr("One month, e.g. 2026-12"))->type_name("YYYY-MM");
  auto* from =
      cmd.add_option("--from", opts.from, trf("First day of the {}", what))->type_name("DATE");
  auto* to = cmd.add_option("--to", opts.to, trf("Last day of the {}", what))->type_name("DATE");
  month->excludes(from)->excludes(to);
  if (with_date) {
    auto* date =
        cmd.add_option("--date", opts.date, tr("One day: a date or 'today'"))->type_name("DATE");
    month->excludes(date);
    date->excludes(from)->excludes(to);
  }
}

Date parse_date_option(const std::string& option, const std::string& value) {
  if (auto d = parse_date(value)) {
    return *d;
  }
  throw Error(option + " " + value + tr(": not a date (use YYYY-MM-DD, e.g. 2026-12-03)"));
}

std::int64_t now_local(const std::string& zone_name) {
  const auto zone = TimeZone::load(zone_name);
  if (const char* env = std::getenv("SOPCTL_NOW"); env != nullptr && *env != '\0') {
    const auto t = parse_timestamp(env);
    if (!t) {
      throw Error(std::string("SOPCTL_NOW=") + env +
                  tr(": not a timestamp (e.g. 2026-12-03T19:30:00+08:00)"));
    }
    return to_local(*t, zone ? &*zone : nullptr);
  }
  const std::int64_t now = std::time(nullptr);
  return now + (zone ? zone->offset_at_utc(now) : 8 * 3600);
}

Date today_in(const std::string& zone) {
  const std::int64_t local = now_local(zone);
  return Date{static_cast<std::int32_t>((local >= 0 ? local : local - 86399) / 86400)};
}

std::optional<std::pair<Date, Date>> resolve_range(const RangeOptions& o, const std::string& zone) {
  if (!o.month.empty()) {
    const auto first = parse_month(o.month);
    if (!first) {
      throw Error("--month " + o.month + tr(": not a month (use YYYY-MM, e.g. 2026-12)"));
    }
    return std::make_pair(*first, *first + (days_in_month(first->year(), first->month()) - 1));
  }
  if (!o.date.empty()) {
    const Date d = o.date == "today" ? today_in(zone) : parse_date_option("--date", o.date);
    return std::make_pair(d, d);
  }
  if (!o.from.empty() || !o.to.empty()) {
    if (o.from.empty() || o.to.empty()) {
      throw Error(tr("--from and --to go together (or use --month or --date)"));
    }
    return std::make_pair(parse_date_option("--from", o.from), parse_date_option("--to", o.to));
  }
  return std::nullopt;
}

double parse_rate_option(const std::string& option, const std::string& text) {
  std::string_view s = text;
  double scale = 1.0;
  if (!s.empty() && s.back() == '%') {
    s.remove_suffix(1);
    scale = 0.01;
  }
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v) ||
      v * scale < 0 || v * scale > 1) {
    throw Error(option + " " + text + tr(": not a rate between 0 and 1 (e.g. 0.05 or 5%)"));
  }
  return v * scale;
}

std::int64_t parse_duration_option(const std::string& option, const std::string& text,
                                   bool allow_zero) {
  if (allow_zero && text == "0") {
    return 0;
  }
  if (auto d = parse_duration(text)) {
    return *d;
  }
  throw Error(option + " " + text +
              tr(": not a duration (use a number and s, m, h or d: 30m, 1h)"));
}

}  // namespace sopctl::cli
