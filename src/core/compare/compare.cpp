#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/compare/compare.hpp>
#include <sopctl/stats/stats.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace sopctl::compare {
namespace {

constexpr std::size_t k_min_clusters = 5;
constexpr double k_min_expected = 5;
constexpr char k_separator = '\x1f';

// Whether any expected cell of the 2x2 table (converted or not, arm or
// control) is under 5: then Fisher's exact test instead of the z-test.
bool small_cells(const Arm& a, const Arm& b) {
  const double n = static_cast<double>(a.users + b.users);
  const double conv = static_cast<double>(a.converted + b.converted);
  for (const double row : {static_cast<double>(a.users), static_cast<double>(b.users)}) {
    for (const double col : {conv, n - conv}) {
      if (row * col / n < k_min_expected) {
        return true;
      }
    }
  }
  return false;
}

std::vector<double> rates_of(const Arm& a) {
  std::vector<double> out;
  for (const Cluster& c : a.clusters) {
    if (c.users > 0) {
      out.push_back(static_cast<double>(c.converted) / static_cast<double>(c.users));
    }
  }
  return out;
}

}  // namespace

void compare_arms(Comparison& c, const std::string& control) {
  if (c.arms.size() < 2) {
    throw Error(
        trf("compare needs at least two variants in column '{}'; found {}", c.by, c.arms.size()));
  }
  std::size_t ci = 0;
  if (!control.empty()) {
    const auto it = std::find_if(c.arms.begin(), c.arms.end(),
                                 [&](const Arm& a) { return a.value == control; });
    if (it == c.arms.end()) {
      std::string values;
      for (const Arm& a : c.arms) {
        values += (values.empty() ? "" : ", ") + a.value;
      }
      throw Error(trf("--control {}: no such variant in column '{}' (the variants: {})", control,
                      c.by, values));
    }
    ci = static_cast<std::size_t>(it - c.arms.begin());
  } else {
    for (std::size_t i = 1; i < c.arms.size(); ++i) {
      if (c.arms[i].users > c.arms[ci].users) {
        ci = i;
      }
    }
  }
  for (Arm& a : c.arms) {
    if (a.users > 0) {
      a.rate = static_cast<double>(a.converted) / static_cast<double>(a.users);
      a.interval = stats::wilson(a.converted, a.users);
    }
    const std::vector<double> rates = rates_of(a);
    if (!rates.empty()) {
      double s = 0;
      for (const double r : rates) {
        s += r;
      }
      a.cluster_mean = s / static_cast<double>(rates.size());
    }
  }
  Arm& base = c.arms[ci];
  base.control = true;
  const bool clustered = !c.cluster.empty();
  for (Arm& a : c.arms) {
    if (&a == &base) {
      continue;
    }
    if (a.rate && base.rate) {
      a.lift = *a.rate - *base.rate;
      if (*base.rate > 0) {
        a.relative_lift = *a.lift / *base.rate;
      }
    }
    if (clustered) {
      const stats::TTest t = stats::welch(rates_of(a), rates_of(base));
      a.test = "welch";
      if (t.defined) {
        a.p_value = t.p;
      }
    } else if (a.users > 0 && base.users > 0) {
      if (small_cells(a, base)) {
        a.test = "fisher";
        a.p_value = stats::fisher_exact(a.converted, a.users - a.converted, base.converted,
                                        base.users - base.converted);
      } else {
        a.test = "z";
        a.p_value = stats::two_proportion_z(a.converted, a.users, base.converted, base.users).p;
      }
    }
  }
  if (clustered) {
    for (const Arm& a : c.arms) {
      if (a.clusters.size() < k_min_clusters) {
        c.warnings.push_back(trf(
            "variant {} has {} {}{}: a test at the {} level needs at least {} per variant to mean "
            "much",
            a.value, a.clusters.size(), c.cluster, a.clusters.size() == 1 ? "" : "s", c.cluster,
            k_min_clusters));
      }
    }
  }
}

Comparison from_events(events::EventLog& log, const funnel::Spec& spec, std::size_t by,
                       std::optional<std::size_t> cluster) {
  Comparison c;
  c.steps = spec.steps;
  c.by = log.extra[by].name;
  std::size_t column = by;
  if (cluster) {
    c.cluster = log.extra[*cluster].name;
    // One column of "variant US cluster" pairs, so that one funnel pass
    // gives every (variant, cluster) cell.
    events::ExtraColumn combined;
    combined.name = c.by + "+" + c.cluster;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> ids;
    const events::ExtraColumn& v = log.extra[by];
    const events::ExtraColumn& g = log.extra[*cluster];
    combined.value_of.resize(v.value_of.size());
    for (std::size_t i = 0; i < v.value_of.size(); ++i) {
      const auto key = std::make_pair(v.value_of[i], g.value_of[i]);
      auto it = ids.find(key);
      if (it == ids.end()) {
        std::string value(v.values[key.first]);
        value += k_separator;
        value += g.values[key.second];
        it = ids.emplace(key, combined.values.push_back(value)).first;
      }
      combined.value_of[i] = it->second;
    }
    log.extra.push_back(std::move(combined));
    column = log.extra.size() - 1;
  }
  const funnel::Result r = funnel::compute(log, spec, column);
  std::map<std::string, Arm> arms;
  for (const funnel::Segment& s : r.segments) {
    if (s.funnel.steps.empty()) {
      continue;
    }
    std::string variant = s.value;
    std::string group;
    if (cluster) {
      const std::size_t sep = s.value.find(k_separator);
      variant = s.value.substr(0, sep);
      group = sep == std::string::npos ? std::string() : s.value.substr(sep + 1);
    }
    Arm& a = arms[variant];
    a.value = variant;
    const std::uint64_t users = s.funnel.steps.front().users;
    const std::uint64_t converted = s.funnel.steps.back().users;
    a.users += users;
    a.converted += converted;
    if (cluster) {
      a.clusters.push_back(Cluster{group, users, converted});
    }
  }
  for (auto& [value, arm] : arms) {
    std::sort(arm.clusters.begin(), arm.clusters.end(),
              [](const Cluster& x, const Cluster& y) { return x.value < y.value; });
    c.arms.push_back(std::move(arm));
  }
  return c;
}

}  // namespace sopctl::compare
