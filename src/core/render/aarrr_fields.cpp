#include "aarrr_fields.hpp"
#include <sopctl/base/i18n.hpp>

#include "funnel_fields.hpp"

#include <fmt/format.h>

#include <cmath>

namespace sopctl::render {

std::string format_money(std::optional<double> v) {
  if (!v) {
    return "-";
  }
  const std::string fixed = fmt::format("{:.2f}", std::fabs(*v));
  const std::size_t dot = fixed.find('.');
  std::string out;
  for (std::size_t i = 0; i < dot; ++i) {
    if (i > 0 && (dot - i) % 3 == 0) {
      out += ',';
    }
    out += fixed[i];
  }
  out += fixed.substr(dot);
  return fmt::format("{}{}", *v < 0 && out != "0.00" ? "-" : "", out);
}

std::string format_ratio(std::optional<double> v) {
  if (!v) {
    return "-";
  }
  if (*v != 0 && std::fabs(*v) < 0.01) {
    return fmt::format("{:.2g}", *v);
  }
  return fmt::format("{:.2f}", *v);
}

std::string cohort_label(Date start, aarrr::CohortUnit unit) {
  const std::string date = format_date(start);
  return unit == aarrr::CohortUnit::month ? date.substr(0, 7) : date;
}

std::string period_label(std::size_t k, aarrr::CohortUnit unit) {
  const char prefix = unit == aarrr::CohortUnit::day    ? 'D'
                      : unit == aarrr::CohortUnit::week ? 'W'
                                                        : 'M';
  return fmt::format("{}{}", prefix, k);
}

std::string aarrr_summary(const aarrr::Result& r, const AarrrRenderOptions& opts) {
  std::string out = trf("{}: {} rows, {} users with mapped events", opts.input,
                        format_count(r.rows), format_count(r.users));
  if (r.end_of_data) {
    out += trf("; data to {}", format_date(*r.end_of_data));
  }
  if (!opts.zone.empty()) {
    out += fmt::format(" ({})", opts.zone);
  }
  return out;
}

std::string retention_rule(const aarrr::Result& r) {
  return r.unbounded ? tr("a retention event on or after day N after acquisition")
                     : tr("a retention event on day N after acquisition");
}

std::string purchases(std::uint64_t n) {
  return trf("from {} purchase{}", format_count(n), n == 1 ? "" : "s");
}

std::string of_users(std::uint64_t part, std::uint64_t whole) {
  return trf("{} of {}", format_count(part), format_count(whole));
}

}  // namespace sopctl::render
