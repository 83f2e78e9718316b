#include <sopctl/base/error.hpp>
#include <sopctl/grow/grow.hpp>

#include <doctest/doctest.h>

#include <cmath>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("grow::project") {
  SUBCASE("viral: M(1 + K + ... + K^n), tending to M/(1-K)") {
    grow::Params p;
    p.users = 1000;
    p.k = 0.5;
    p.cycles = 3;
    const auto r = grow::project(p);
    REQUIRE(r.rows.size() == 4);
    CHECK(r.rows[0].total == 1000);
    CHECK(r.rows[1].added == doctest::Approx(500));
    CHECK(r.rows[2].total == doctest::Approx(1750));
    CHECK(r.rows[3].total == doctest::Approx(1875));
    CHECK(r.rows[3].seconds == 3 * 7 * 86400);
    REQUIRE(r.limit);
    CHECK(*r.limit == doctest::Approx(2000));
    CHECK(r.assumption.find("M/(1-K) = 2000") != std::string::npos);
  }
  SUBCASE("rocket: M(1+K)^n; seed-002's S = m*2^n is K = 1") {
    grow::Params p;
    p.model = grow::Model::rocket;
    p.users = 100;
    p.k = 1;
    p.cycles = 5;
    const auto r = grow::project(p);
    CHECK(r.rows[5].total == doctest::Approx(3200));
    CHECK(r.rows[5].added == doctest::Approx(1600));
    CHECK_FALSE(r.limit);
    p.k = 0.3;
    p.cycles = 10;
    CHECK(grow::project(p).rows[10].total == doctest::Approx(100 * std::pow(1.3, 10)));
  }
  SUBCASE("viral with K >= 1 has no limit") {
    grow::Params p;
    p.users = 10;
    p.k = 1.2;
    p.cycles = 2;
    const auto r = grow::project(p);
    CHECK_FALSE(r.limit);
    CHECK(r.rows[2].total == doctest::Approx(10 + 12 + 14.4));
  }
  SUBCASE("bad parameters") {
    grow::Params p;
    p.users = -1;
    CHECK_THROWS_AS(grow::project(p), Error);
    p.users = 1;
    p.k = std::nan("");
    CHECK_THROWS_AS(grow::project(p), Error);
    p.k = 0.1;
    p.cycles = 1001;
    CHECK_THROWS_AS(grow::project(p), Error);
  }
}

}  // namespace SOPCTL_TU_ID
