// Stage mappings, cohort units and amounts: the small vocabulary of `aarrr`.

#include <sopctl/aarrr/aarrr.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/text/did_you_mean.hpp>
#include <sopctl/text/strings.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sopctl::aarrr {

namespace {

constexpr std::int64_t k_day = 86400;
constexpr std::size_t k_max_listed = 30;  // event names listed in an error

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// "12.50" -> 12500000 millionths; nullopt for anything but a plain decimal
// with at most 6 decimal places that fits comfortably.
std::optional<std::int64_t> parse_micros(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::int64_t whole = 0;
  std::size_t i = 0;
  std::size_t int_digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (++int_digits > 12) {
      return std::nullopt;
    }
    whole = whole * 10 + (s[i] - '0');
    ++i;
  }
  std::int64_t frac = 0;
  std::size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (++frac_digits > 6) {
        return std::nullopt;
      }
      frac = frac * 10 + (s[i] - '0');
      ++i;
    }
  }
  if (i != s.size() || int_digits + frac_digits == 0) {
    return std::nullopt;
  }
  for (std::size_t k = frac_digits; k < 6; ++k) {
    frac *= 10;
  }
  const std::int64_t micros = whole * 1'000'000 + frac;
  return negative ? -micros : micros;
}

}  // namespace

const char* stage_name(Stage s) {
  switch (s) {
    case Stage::acquisition:
      return "acquisition";
    case Stage::activation:
      return "activation";
    case Stage::retention:
      return "retention";
    case Stage::revenue:
      return "revenue";
    case Stage::referral:
      return "referral";
  }
  return "?";
}

std::vector<std::string> event_names(const Mapping& m) {
  std::vector<std::string> out;
  for (const Stage s : k_all_stages) {
    for (const Mapping::Name& n : m[s]) {
      if (std::find(out.begin(), out.end(), n.name) == out.end()) {
        out.push_back(n.name);
      }
    }
  }
  return out;
}

void require_acquisition(const Mapping& m, const SourceLoc& where) {
  if (m[Stage::acquisition].empty()) {
    throw Error(tr("no acquisition event: name one with --acquisition join_group (or in the SOP's "
                   "'metrics: {acquisition: [...]}')"),
                where);
  }
}

void require_events_present(const events::EventLog& log, const Mapping& m, const std::string& path,
                            const std::string& event_column,
                            const std::function<std::vector<std::string>()>& present) {
  std::vector<bool> seen(log.names.size(), false);
  for (const events::Event& e : log.events) {
    seen[e.name] = true;
  }
  struct Missing {
    const Mapping::Name* name;
    Stage stage;
  };
  std::vector<Missing> missing;
  for (const Stage s : k_all_stages) {
    for (const Mapping::Name& n : m[s]) {
      const auto id = log.names.find(n.name);
      if (!id || !seen[*id]) {
        missing.push_back({&n, s});
      }
    }
  }
  if (missing.empty()) {
    return;
  }
  const std::vector<std::string> names = present();
  std::string what;
  for (const Missing& x : missing) {
    what += what.empty() ? "" : ", ";
    what += fmt::format("'{}' ({}", x.name->name, stage_name(x.stage));
    if (std::find(names.begin(), names.end(), x.name->name) != names.end()) {
      what += "; only on rows without a user id)";
      continue;
    }
    const std::string close = text::closest_match(x.name->name, names);
    what += close.empty() ? ")" : trf("; did you mean '{}'?)", close);
  }
  std::string listed;
  for (std::size_t i = 0; i < names.size() && i < k_max_listed; ++i) {
    listed += (i == 0 ? "" : ", ") + names[i];
  }
  if (names.size() > k_max_listed) {
    listed += trf(" and {} more", names.size() - k_max_listed);
  }
  // At the name in the SOP when it came from one (naming the log), else at the log.
  const SourceLoc& loc = missing.front().name->loc;
  const bool in_log = loc.file.empty();
  const std::string message =
      trf("no event{} {} in column '{}'{}; the events there are: {}",
          missing.size() == 1 ? "" : "s", what, event_column, in_log ? "" : " of " + path,
          names.empty() ? std::string("(none)") : listed);
  throw Error(message, in_log ? SourceLoc{path, 0, 0} : loc);
}

std::optional<CohortUnit> parse_cohort_unit(std::string_view text) {
  if (text == "day") {
    return CohortUnit::day;
  }
  if (text == "week") {
    return CohortUnit::week;
  }
  if (text == "month") {
    return CohortUnit::month;
  }
  return std::nullopt;
}

const char* cohort_unit_name(CohortUnit u) {
  switch (u) {
    case CohortUnit::day:
      return "day";
    case CohortUnit::week:
      return "week";
    case CohortUnit::month:
      return "month";
  }
  return "?";
}

std::int64_t unit_of(Date d, CohortUnit u) {
  switch (u) {
    case CohortUnit::day:
      return d.days;
    case CohortUnit::week:
      return floor_div(d.days + 3, 7);  // 1970-01-01 was a Thursday
    case CohortUnit::month:
      return static_cast<std::int64_t>(d.year()) * 12 + (d.month() - 1);
  }
  return 0;
}

Date unit_start(std::int64_t unit, CohortUnit u) {
  switch (u) {
    case CohortUnit::day:
      return Date{static_cast<std::int32_t>(unit)};
    case CohortUnit::week:
      return Date{static_cast<std::int32_t>(unit * 7 - 3)};
    case CohortUnit::month:
      return Date::from_ymd(static_cast<int>(floor_div(unit, 12)),
                            static_cast<int>(unit - floor_div(unit, 12) * 12) + 1, 1);
  }
  return Date{};
}

Date unit_end(std::int64_t unit, CohortUnit u) {
  return unit_start(unit + 1, u) - 1;
}

int default_periods(CohortUnit u) {
  return u == CohortUnit::day ? 30 : 12;
}

Date day_of(std::int64_t local_seconds) {
  return Date{static_cast<std::int32_t>(floor_div(local_seconds, k_day))};
}

std::optional<Amount> parse_amount(std::string_view text) {
  const std::string_view s = text::trim(text);
  if (s.empty()) {
    return std::nullopt;
  }
  Amount a;
  const char* begin = s.data() + (s.front() == '+' ? 1 : 0);
  const auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), a.value);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(a.value)) {
    return std::nullopt;
  }
  a.micros = parse_micros(s);
  return a;
}

BadAmount::BadAmount(std::string value, std::string event, std::string column, SourceLoc where)
    : Error(value.empty() ? trf("revenue event '{}' has no amount in column '{}' (write 0 for a "
                                "free order)",
                                event, column)
                          : trf("amount '{}' (column '{}', event '{}') is not a number (write "
                                "plain numbers such as 99 or 12.50, without currency signs or "
                                "thousands separators)",
                                text::shorten(value), column, event),
            std::move(where)),
      m_value(std::move(value)) {}

}  // namespace sopctl::aarrr
