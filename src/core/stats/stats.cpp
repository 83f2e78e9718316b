#include <sopctl/stats/stats.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sopctl::stats {
namespace {

// log C(n, k)
double log_choose(double n, double k) {
  return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1);
}

// The continued fraction of the incomplete beta (Lentz's method).
double beta_fraction(double a, double b, double x) {
  constexpr int k_max_iterations = 500;
  constexpr double k_eps = 1e-15;
  constexpr double k_tiny = 1e-300;
  const double qab = a + b;
  const double qap = a + 1;
  const double qam = a - 1;
  double c = 1;
  double d = 1 - qab * x / qap;
  if (std::fabs(d) < k_tiny) {
    d = k_tiny;
  }
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= k_max_iterations; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    d = std::fabs(d) < k_tiny ? k_tiny : d;
    c = 1 + aa / c;
    c = std::fabs(c) < k_tiny ? k_tiny : c;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    d = std::fabs(d) < k_tiny ? k_tiny : d;
    c = 1 + aa / c;
    c = std::fabs(c) < k_tiny ? k_tiny : c;
    d = 1 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1) < k_eps) {
      break;
    }
  }
  return h;
}

double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (const double x : v) {
    s += x;
  }
  return s / static_cast<double>(v.size());
}

double variance_of(const std::vector<double>& v, double mean) {
  double s = 0;
  for (const double x : v) {
    s += (x - mean) * (x - mean);
  }
  return s / static_cast<double>(v.size() - 1);
}

}  // namespace

std::pair<double, double> wilson(std::uint64_t x, std::uint64_t n, double z) {
  if (n == 0) {
    return {0, 1};
  }
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(x) / nn;
  const double z2 = z * z;
  const double denom = 1 + z2 / nn;
  const double center = (p + z2 / (2 * nn)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denom;
  return {std::max(0.0, center - half), std::min(1.0, center + half)};
}

double normal_two_sided_p(double z) {
  return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

ZTest two_proportion_z(std::uint64_t x1, std::uint64_t n1, std::uint64_t x2, std::uint64_t n2) {
  ZTest out;
  if (n1 == 0 || n2 == 0) {
    return out;
  }
  const double p1 = static_cast<double>(x1) / static_cast<double>(n1);
  const double p2 = static_cast<double>(x2) / static_cast<double>(n2);
  const double pooled = static_cast<double>(x1 + x2) / static_cast<double>(n1 + n2);
  const double se = std::sqrt(pooled * (1 - pooled) *
                              (1 / static_cast<double>(n1) + 1 / static_cast<double>(n2)));
  if (se == 0) {
    return out;
  }
  out.z = (p1 - p2) / se;
  out.p = normal_two_sided_p(out.z);
  return out;
}

double fisher_exact(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
  // Rows n1 = a+b, n2 = c+d; first column n = a+c; a follows a hypergeometric law.
  const double n1 = static_cast<double>(a + b);
  const double n2 = static_cast<double>(c + d);
  const double n = static_cast<double>(a + c);
  const double total = n1 + n2;
  if (n1 == 0 || n2 == 0 || n == 0 || n == total) {
    return 1;
  }
  const double log_denominator = log_choose(total, n);
  const auto log_pmf = [&](double k) {
    return log_choose(n1, k) + log_choose(n2, n - k) - log_denominator;
  };
  const double lo = std::max(0.0, n - n2);
  const double hi = std::min(n, n1);
  const double observed = log_pmf(static_cast<double>(a));
  // scipy: tables no more likely than the observed one, with a relative
  // tolerance of 1e-7 so that ties count.
  const double threshold = observed + std::log1p(1e-7);
  double p = 0;
  for (double k = lo; k <= hi; k += 1) {
    const double lp = log_pmf(k);
    if (lp <= threshold) {
      p += std::exp(lp);
    }
  }
  return std::min(1.0, p);
}

double incomplete_beta(double a, double b, double x) {
  if (x <= 0) {
    return 0;
  }
  if (x >= 1) {
    return 1;
  }
  const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                                a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1) / (a + b + 2)) {
    return front * beta_fraction(a, b, x) / a;
  }
  return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

double student_t_two_sided_p(double t, double df) {
  if (!std::isfinite(t)) {
    return 0;
  }
  return incomplete_beta(df / 2, 0.5, df / (df + t * t));
}

TTest welch(const std::vector<double>& a, const std::vector<double>& b) {
  TTest out;
  if (a.size() < 2 || b.size() < 2) {
    return out;
  }
  const double ma = mean_of(a);
  const double mb = mean_of(b);
  const double va = variance_of(a, ma) / static_cast<double>(a.size());
  const double vb = variance_of(b, mb) / static_cast<double>(b.size());
  if (va + vb == 0) {
    return out;
  }
  out.t = (ma - mb) / std::sqrt(va + vb);
  out.df =
      (va + vb) * (va + vb) /
      (va * va / static_cast<double>(a.size() - 1) + vb * vb / static_cast<double>(b.size() - 1));
  out.p = student_t_two_sided_p(out.t, out.df);
  out.defined = true;
  return out;
}

}  // namespace sopctl::stats
