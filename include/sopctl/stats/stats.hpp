#pragma once
// The statistics `compare` reports (docs/spec.md §5.5), written to agree with
// scipy: Wilson intervals (scipy.stats.binomtest(...).proportion_ci("wilson")),
// the two-proportion z-test, Fisher's exact test (scipy.stats.fisher_exact,
// two-sided) and Welch's t-test (scipy.stats.ttest_ind(equal_var=False)).

#include <cstdint>
#include <utility>
#include <vector>

namespace sopctl::stats {

// The 97.5% quantile of the standard normal: 95% two-sided.
inline constexpr double k_z95 = 1.959963984540054;

// The Wilson score interval of x successes in n trials (n > 0).
std::pair<double, double> wilson(std::uint64_t x, std::uint64_t n, double z = k_z95);

// Two-sided p-value of a standard normal statistic.
double normal_two_sided_p(double z);

struct ZTest {
  double z = 0;
  double p = 1;
};
// Pooled two-proportion z-test of x1/n1 against x2/n2 (p = 1 when the pooled
// rate is 0 or 1).
ZTest two_proportion_z(std::uint64_t x1, std::uint64_t n1, std::uint64_t x2, std::uint64_t n2);

// Two-sided p-value of Fisher's exact test on [[a, b], [c, d]].
double fisher_exact(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d);

// The regularized incomplete beta function I_x(a, b).
double incomplete_beta(double a, double b, double x);
// Two-sided p-value of Student's t with `df` degrees of freedom.
double student_t_two_sided_p(double t, double df);

struct TTest {
  double t = 0;
  double df = 0;
  double p = 1;
  bool defined = false;  // false: fewer than 2 values on a side, or no variance
};
// Welch's t-test of the means of `a` and `b` (sample variances, ddof 1).
TTest welch(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace sopctl::stats
