// `aarrr --format csv`: one row per figure (stage,metric,segment,value), so
// that a spreadsheet can filter or pivot it. Numbers at full precision,
// empty for null. `segment` holds a --by value (metric users_by), a cohort's
// first day or "mean" (metrics cohort_users and period_K), else is empty.

#include <fmt/format.h>

#include <sopctl/render/aarrr_render.hpp>
#include <sopctl/text/csv_writer.hpp>
#include <sopctl/text/json_writer.hpp>

namespace sopctl::render {

namespace {

class Rows {
public:
  void add(const char* stage, const std::string& metric, const std::string& segment,
           const std::string& value) {
    m_out += text::csv_row({stage, metric, segment, value}, ',');
  }
  void count(const char* stage, const std::string& metric, std::uint64_t n,
             const std::string& segment = {}) {
    add(stage, metric, segment, std::to_string(n));
  }
  void number(const char* stage, const std::string& metric, std::optional<double> v,
              const std::string& segment = {}) {
    add(stage, metric, segment, v ? text::json_number(*v) : "");
  }
  std::string take() { return std::move(m_out); }

private:
  std::string m_out = "stage,metric,segment,value\n";
};

}  // namespace

std::string aarrr_csv(const aarrr::Result& r, const AarrrRenderOptions&) {
  Rows out;
  out.count("acquisition", "users", r.acquisition.users);
  for (const aarrr::ByValue& b : r.acquisition.by) {
    out.count("acquisition", "users_by", b.users, b.value);
  }

  out.count("activation", "users", r.activation.users);
  out.number("activation", "rate", r.activation.rate);

  for (const aarrr::RetentionDay& d : r.retention.days) {
    const std::string name = fmt::format("d{}", d.day);
    out.number("retention", name, d.rate);
    out.count("retention", name + "_users", d.retained);
    out.count("retention", name + "_eligible", d.eligible);
  }
  for (const aarrr::Cohort& c : r.retention.cohorts) {
    const std::string label = format_date(c.start);
    out.count("retention", "cohort_users", c.users, label);
    for (std::size_t k = 0; k < c.periods.size(); ++k) {
      out.number("retention", "period_" + std::to_string(k), c.periods[k], label);
    }
  }
  for (std::size_t k = 0; k < r.retention.mean.size(); ++k) {
    out.number("retention", "period_" + std::to_string(k), r.retention.mean[k], "mean");
  }

  const aarrr::Revenue& rev = r.revenue;
  out.count("revenue", "paying_users", rev.paying_users);
  out.number("revenue", "paying_rate", rev.paying_rate);
  out.number("revenue", "revenue", rev.revenue);
  out.count("revenue", "purchases", rev.purchases);
  out.number("revenue", "arpu", rev.arpu);
  out.number("revenue", "arppu", rev.arppu);
  out.number("revenue", "repeat_rate", rev.repeat_rate);

  const aarrr::Referral& ref = r.referral;
  out.count("referral", "invites", ref.invites);
  out.count("referral", "referred", ref.referred);
  out.count("referral", "referrers", ref.referrers);
  out.number("referral", "invites_per_user", ref.invites_per_user);
  out.number("referral", "invite_conversion", ref.invite_conversion);
  out.number("referral", "k_factor", ref.k_factor);

  if (r.roi) {
    out.number("roi", "cost", r.roi->cost);
    out.number("roi", "roi", r.roi->roi);
    out.number("roi", "cost_per_acquired", r.roi->cost_per_acquired);
    out.number("roi", "cost_per_paying", r.roi->cost_per_paying);
  }
  return out.take();
}

}  // namespace sopctl::render
