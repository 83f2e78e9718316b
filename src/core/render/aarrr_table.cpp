// `aarrr --format table` (the default): a block per stage with its figures
// aligned by display width, the --by values as a small table, and the
// cohort retention table as a triangle (periods not yet complete are blank).

#include "aarrr_fields.hpp"
#include "funnel_fields.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/aarrr_render.hpp>
#include <sopctl/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace sopctl::render {

namespace {

constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_reset = "\x1b[0m";

using Row = std::vector<std::string>;

std::string paint(std::string_view text, std::string_view style, bool color) {
  if (!color || text.empty()) {
    return std::string(text);
  }
  return fmt::format("{}{}{}", style, text, k_reset);
}

// A cell on one terminal line: control characters become "?".
std::string one_line(std::string_view s) {
  std::string out;
  for (const char c : s) {
    out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  }
  return out;
}

// Rows aligned by display width, two spaces apart, indented: the first
// column left-aligned, the others right-aligned except the last when
// `last_left` (a note). Trailing spaces are trimmed; row `bold_row` is bold.
std::string align(const std::vector<Row>& rows, bool last_left, bool color,
                  std::optional<std::size_t> bold_row = std::nullopt) {
  std::size_t columns = 0;
  for (const Row& row : rows) {
    columns = std::max(columns, row.size());
  }
  std::vector<std::size_t> width(columns, 0);
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      width[c] = std::max(width[c], text::display_width(row[c]));
    }
  }
  std::string out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string line = "  ";
    for (std::size_t c = 0; c < columns; ++c) {
      const std::string cell = c < rows[i].size() ? rows[i][c] : "";
      const std::size_t pad = width[c] - text::display_width(cell);
      if (c > 0) {
        line += "  ";
      }
      const bool left = c == 0 || (last_left && c + 1 == columns);
      line += left ? cell + std::string(pad, ' ') : std::string(pad, ' ') + cell;
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += (bold_row && *bold_row == i ? paint(line, k_bold, color) : line) + "\n";
  }
  return out;
}

std::string heading(const std::string& text, bool color) {
  return fmt::format("\n{}\n", paint(text, k_bold, color));
}

std::string acquisition(const aarrr::Result& r, bool color) {
  const aarrr::Acquisition& a = r.acquisition;
  std::string out = heading(tr("Acquisition"), color);
  out += align({{tr("acquired users"), format_count(a.users)}}, false, color);
  if (!a.by_column.empty()) {
    std::vector<Row> rows{{one_line(a.by_column), tr("users"), tr("share")}};
    for (const aarrr::ByValue& b : a.by) {
      rows.push_back({b.value.empty() ? tr("(empty)") : one_line(b.value), format_count(b.users),
                      format_percent(static_cast<double>(b.users) / static_cast<double>(a.users))});
    }
    out += fmt::format("\n{}", align(rows, false, color, 0));
  }
  return out;
}

std::string activation(const aarrr::Result& r, bool color) {
  const std::string window =
      r.activation_window < 0 ? tr("any time after acquisition")
                              : trf("within {} of acquisition", format_window(r.activation_window));
  std::string out = heading(trf("Activation ({})", window), color);
  out += align({{tr("activated users"), format_count(r.activation.users),
                 format_percent(r.activation.rate) + tr(" of acquired users")}},
               true, color);
  return out;
}

std::string retention(const aarrr::Result& r, bool color) {
  const aarrr::Retention& ret = r.retention;
  std::string out = heading(trf("Retention ({})", retention_rule(r)), color);
  std::vector<Row> days;
  for (const aarrr::RetentionDay& d : ret.days) {
    days.push_back({fmt::format("D{}", d.day), format_percent(d.rate),
                    d.eligible == 0 ? tr("no user acquired early enough")
                                    : of_users(d.retained, d.eligible) + tr(" users")});
  }
  out += align(days, true, color);
  if (ret.cohorts.empty()) {
    return out;
  }
  const aarrr::CohortUnit unit = r.cohort;
  const std::size_t n = ret.mean.size();
  std::vector<Row> rows;
  Row head{trf("cohort ({})", aarrr::cohort_unit_name(unit)), tr("users")};
  for (std::size_t k = 0; k < n; ++k) {
    head.push_back(period_label(k, unit));
  }
  rows.push_back(head);
  for (const aarrr::Cohort& c : ret.cohorts) {
    Row row{cohort_label(c.start, unit), format_count(c.users)};
    for (const std::optional<double>& p : c.periods) {
      row.push_back(p ? format_percent(p) : "");
    }
    while (row.size() > 2 && row.back().empty()) {
      row.pop_back();  // the triangle
    }
    rows.push_back(row);
  }
  Row mean{tr("mean"), ""};  // over the cohorts where each period is complete
  for (const std::optional<double>& p : ret.mean) {
    mean.push_back(p ? format_percent(p) : "");
  }
  rows.push_back(mean);
  out += fmt::format("\n{}", align(rows, false, color, 0));
  return out;
}

std::string revenue(const aarrr::Result& r, bool color) {
  const aarrr::Revenue& v = r.revenue;
  std::string out = heading(tr("Revenue"), color);
  out +=
      align({{tr("paying users"), format_count(v.paying_users),
              format_percent(v.paying_rate) + tr(" of acquired users")},
             {tr("revenue"), format_money(v.revenue), purchases(v.purchases)},
             {tr("ARPU"), format_money(v.arpu), tr("per acquired user")},
             {tr("ARPPU"), format_money(v.arppu), tr("per paying user")},
             {tr("repeat rate"), format_percent(v.repeat_rate),
              of_users(v.repeat_users, v.paying_users) + tr(" paying users bought twice or more")}},
            true, color);
  return out;
}

std::string referral(const aarrr::Result& r, bool color) {
  const aarrr::Referral& f = r.referral;
  std::string out = heading(tr("Referral"), color);
  out += align(
      {{tr("invites"), format_count(f.invites), tr("referral events")},
       {tr("referred users"), format_count(f.referred), tr("acquired with a referrer")},
       {tr("referrers"), format_count(f.referrers), tr("distinct referrers of them")},
       {tr("invites per user"), format_ratio(f.invites_per_user), tr("invites / acquired users")},
       {tr("invite conversion"), format_percent(f.invite_conversion), tr("referred / invites")},
       {tr("K-factor"), format_ratio(f.k_factor), tr("invites per user x invite conversion")}},
      true, color);
  return out;
}

std::string roi(const aarrr::Result& r, bool color) {
  if (!r.roi) {
    return heading(tr("ROI"), color) + tr("  (give --cost N to compare revenue with the cost)\n");
  }
  const aarrr::Roi& x = *r.roi;
  std::string out = heading(trf("ROI (cost {})", format_money(x.cost)), color);
  out += align({{tr("ROI"), format_percent(x.roi), tr("(revenue - cost) / cost")},
                {tr("cost per acquired user"), format_money(x.cost_per_acquired), ""},
                {tr("cost per paying user"), format_money(x.cost_per_paying), ""}},
               true, color);
  return out;
}

}  // namespace

std::string aarrr_table(const aarrr::Result& r, const AarrrRenderOptions& opts) {
  std::string out =
      fmt::format("{} {}\n", paint("AARRR", k_bold, opts.color), one_line(aarrr_summary(r, opts)));
  out += acquisition(r, opts.color);
  out += activation(r, opts.color);
  out += retention(r, opts.color);
  out += revenue(r, opts.color);
  out += referral(r, opts.color);
  out += roi(r, opts.color);
  return out;
}

}  // namespace sopctl::render
