// Reference values from scipy 1.10 (Debian 12's python3-scipy).
#include <sopctl/stats/stats.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("stats::wilson") {
  const auto [lo, hi] = stats::wilson(12, 100);
  CHECK(lo == doctest::Approx(0.0699940643701949).epsilon(1e-12));
  CHECK(hi == doctest::Approx(0.19812099426711421).epsilon(1e-12));
  const auto [lo0, hi0] = stats::wilson(0, 10);
  CHECK(lo0 == 0.0);
  CHECK(hi0 == doctest::Approx(0.27753279986288926).epsilon(1e-12));
}

TEST_CASE("stats::fisher_exact") {
  CHECK(stats::fisher_exact(8, 2, 1, 5) == doctest::Approx(0.034965034965034975).epsilon(1e-12));
  CHECK(stats::fisher_exact(1, 13, 7, 4) == doctest::Approx(0.0072006102212051875).epsilon(1e-12));
  CHECK(stats::fisher_exact(3, 3, 3, 3) == doctest::Approx(1.0));
  CHECK(stats::fisher_exact(0, 0, 3, 3) == 1.0);  // an empty row
}

TEST_CASE("stats::two_proportion_z and the normal") {
  CHECK(stats::normal_two_sided_p(stats::k_z95) == doctest::Approx(0.05).epsilon(1e-12));
  const auto z = stats::two_proportion_z(120, 1000, 150, 1000);
  // pooled 0.135: z = -0.03 / sqrt(0.135 * 0.865 * 0.002)
  CHECK(z.z == doctest::Approx(-1.963049807622355).epsilon(1e-12));
  CHECK(stats::two_proportion_z(0, 10, 0, 10).p == 1.0);
}

TEST_CASE("stats::welch and Student's t") {
  CHECK(stats::student_t_two_sided_p(2.5, 7.3) ==
        doctest::Approx(0.039650234665600415).epsilon(1e-10));
  const auto t = stats::welch({0.1, 0.14, 0.08, 0.12, 0.2}, {0.18, 0.22, 0.15, 0.25, 0.19, 0.16});
  CHECK(t.defined);
  CHECK(t.t == doctest::Approx(-2.47801306073438).epsilon(1e-12));
  CHECK(t.p == doctest::Approx(0.03907932156630899).epsilon(1e-10));
  CHECK_FALSE(stats::welch({0.1}, {0.2, 0.3}).defined);
  CHECK_FALSE(stats::welch({0.1, 0.1}, {0.2, 0.2}).defined);  // no variance
}

}  // namespace SOPCTL_TU_ID
