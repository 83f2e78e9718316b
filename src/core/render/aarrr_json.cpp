// `aarrr --format json`: exactly docs/spec.md §2.4's shape and key order. Rates are
// fractions at full precision, null where a denominator is 0; `roi` is null
// without --cost. (The cohorts' weighted mean, shown by the other formats, is
// left out to keep that shape: it is sum(users x period) / sum(users) over
// the cohorts where the period is not null.)

#include <fmt/format.h>

#include <sopctl/render/aarrr_render.hpp>
#include <sopctl/text/json_writer.hpp>

namespace sopctl::render {

namespace {

void number(text::JsonWriter& w, std::string_view key, std::optional<double> v) {
  w.key(key);
  if (v) {
    w.value(*v);
  } else {
    w.null();
  }
}

void count(text::JsonWriter& w, std::string_view key, std::uint64_t n) {
  w.key(key).value(n);
}

}  // namespace

std::string aarrr_json(const aarrr::Result& r, const AarrrRenderOptions&) {
  text::JsonWriter w(2);
  w.begin_object();

  w.key("acquisition").begin_object();
  count(w, "users", r.acquisition.users);
  w.key("by").begin_array();
  for (const aarrr::ByValue& b : r.acquisition.by) {
    w.begin_object();
    w.key("value").value(b.value);
    count(w, "users", b.users);
    w.end_object();
  }
  w.end_array();
  w.end_object();

  w.key("activation").begin_object();
  count(w, "users", r.activation.users);
  number(w, "rate", r.activation.rate);
  w.end_object();

  w.key("retention").begin_object();
  for (const aarrr::RetentionDay& d : r.retention.days) {
    number(w, fmt::format("d{}", d.day), d.rate);
  }
  w.key("cohorts").begin_array();
  for (const aarrr::Cohort& c : r.retention.cohorts) {
    w.begin_object();
    w.key("cohort").value(format_date(c.start));
    count(w, "users", c.users);
    w.key("periods").begin_array();
    for (const std::optional<double>& p : c.periods) {
      if (p) {
        w.value(*p);
      } else {
        w.null();
      }
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();

  const aarrr::Revenue& rev = r.revenue;
  w.key("revenue").begin_object();
  count(w, "paying_users", rev.paying_users);
  number(w, "paying_rate", rev.paying_rate);
  number(w, "revenue", rev.revenue);
  number(w, "arpu", rev.arpu);
  number(w, "arppu", rev.arppu);
  number(w, "repeat_rate", rev.repeat_rate);
  w.end_object();

  const aarrr::Referral& ref = r.referral;
  w.key("referral").begin_object();
  count(w, "invites", ref.invites);
  count(w, "referred", ref.referred);
  count(w, "referrers", ref.referrers);
  number(w, "invites_per_user", ref.invites_per_user);
  number(w, "invite_conversion", ref.invite_conversion);
  number(w, "k_factor", ref.k_factor);
  w.end_object();

  w.key("roi");
  if (r.roi) {
    w.begin_object();
    number(w, "cost", r.roi->cost);
    number(w, "roi", r.roi->roi);
    number(w, "cost_per_acquired", r.roi->cost_per_acquired);
    number(w, "cost_per_paying", r.roi->cost_per_paying);
    w.end_object();
  } else {
    w.null();
  }

  w.end_object();
  return w.str() + "\n";
}

}  // namespace sopctl::render
