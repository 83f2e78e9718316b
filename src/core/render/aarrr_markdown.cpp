// `aarrr --format md`: a Markdown section per stage, for reports and chats.

#include "aarrr_fields.hpp"
#include "funnel_fields.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/aarrr_render.hpp>

#include <fmt/format.h>

#include <vector>

namespace sopctl::render {

namespace {

struct Figure {
  std::string name, value, note;
};

std::string figures(const std::string& title, const std::vector<Figure>& rows) {
  std::string out = trf("\n### {}\n\n| | value | note |\n|---|---:|---|\n", title);
  for (const Figure& f : rows) {
    out += fmt::format("| {} | {} | {} |\n", f.name, f.value, f.note);
  }
  return out;
}

std::string cohorts(const aarrr::Result& r) {
  const aarrr::Retention& ret = r.retention;
  if (ret.cohorts.empty()) {
    return "";
  }
  std::string out = trf("\n| cohort ({}) | users |", aarrr::cohort_unit_name(r.cohort));
  std::string rule = "\n|---|---:|";
  for (std::size_t k = 0; k < ret.mean.size(); ++k) {
    out += fmt::format(" {} |", period_label(k, r.cohort));
    rule += "---:|";
  }
  out += rule + "\n";
  auto periods = [](const std::vector<std::optional<double>>& ps) {
    std::string s;
    for (const std::optional<double>& p : ps) {
      s += fmt::format(" {} |", p ? format_percent(p) : "");
    }
    return s;
  };
  for (const aarrr::Cohort& c : ret.cohorts) {
    out += fmt::format("| {} | {} |{}\n", cohort_label(c.start, r.cohort), format_count(c.users),
                       periods(c.periods));
  }
  out += fmt::format("| **mean** | |{}\n", periods(ret.mean));
  return out;
}

}  // namespace

std::string aarrr_markdown(const aarrr::Result& r, const AarrrRenderOptions& opts) {
  std::string out = trf("## AARRR\n\n_{}_\n", markdown_cell(aarrr_summary(r, opts)));

  const aarrr::Acquisition& a = r.acquisition;
  out += figures(tr("Acquisition"), {{tr("acquired users"), format_count(a.users), ""}});
  if (!a.by_column.empty()) {
    out += trf("\n| {} | users | share |\n|---|---:|---:|\n", markdown_cell(a.by_column));
    for (const aarrr::ByValue& b : a.by) {
      out += fmt::format(
          "| {} | {} | {} |\n", b.value.empty() ? tr("(empty)") : markdown_cell(b.value),
          format_count(b.users),
          format_percent(static_cast<double>(b.users) / static_cast<double>(a.users)));
    }
  }

  const std::string window = r.activation_window < 0
                                 ? tr("any time after acquisition")
                                 : trf("within {}", format_window(r.activation_window));
  out += figures(tr("Activation"),
                 {{tr("activated users"), format_count(r.activation.users),
                   trf("{} of acquired users, {}", format_percent(r.activation.rate), window)}});

  std::vector<Figure> days;
  for (const aarrr::RetentionDay& d : r.retention.days) {
    days.push_back({fmt::format("D{}", d.day), format_percent(d.rate),
                    d.eligible == 0 ? tr("no user acquired early enough")
                                    : of_users(d.retained, d.eligible) + tr(" users")});
  }
  out += figures(tr("Retention"), days);
  out += fmt::format("\n_{}_\n", retention_rule(r));
  out += cohorts(r);

  const aarrr::Revenue& v = r.revenue;
  out += figures(tr("Revenue"), {{tr("paying users"), format_count(v.paying_users),
                                  format_percent(v.paying_rate) + tr(" of acquired users")},
                                 {tr("revenue"), format_money(v.revenue), purchases(v.purchases)},
                                 {tr("ARPU"), format_money(v.arpu), tr("per acquired user")},
                                 {tr("ARPPU"), format_money(v.arppu), tr("per paying user")},
                                 {tr("repeat rate"), format_percent(v.repeat_rate),
                                  of_users(v.repeat_users, v.paying_users) + tr(" paying users")}});

  const aarrr::Referral& f = r.referral;
  out += figures(
      tr("Referral"),
      {{tr("invites"), format_count(f.invites), tr("referral events")},
       {tr("referred users"), format_count(f.referred), tr("acquired with a referrer")},
       {tr("referrers"), format_count(f.referrers), tr("distinct referrers")},
       {tr("invites per user"), format_ratio(f.invites_per_user), tr("invites / acquired users")},
       {tr("invite conversion"), format_percent(f.invite_conversion), tr("referred / invites")},
       {tr("K-factor"), format_ratio(f.k_factor), tr("invites per user × invite conversion")}});

  if (r.roi) {
    const aarrr::Roi& x = *r.roi;
    out +=
        figures(tr("ROI"), {{tr("cost"), format_money(x.cost), ""},
                            {tr("ROI"), format_percent(x.roi), tr("(revenue − cost) / cost")},
                            {tr("cost per acquired user"), format_money(x.cost_per_acquired), ""},
                            {tr("cost per paying user"), format_money(x.cost_per_paying), ""}});
  }
  return out;
}

}  // namespace sopctl::render
