#include <sopctl/base/error.hpp>
#include <sopctl/sql/aarrr_sql.hpp>

#include <doctest/doctest.h>

#include "sql_fixture.hpp"

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

namespace aarrr = sopctl::aarrr;
using sopctl::Error;
using sopctl::sql::AarrrSource;
using sopctl::sql::read_aarrr_answer;

// The answer's columns with two cohort periods (aarrr_sql.cpp's names).
const std::string k_header =
    "kind\tacq_day\tseg\tusers\trows\tlast_ts\tactivated\thit_1\thit_7\thit_30\tp_1\tp_2\tpaying\t"
    "purchases\trepeaters\tmicros\tother\tinvites\treferred\treferrers\tignored_not_acquired\t"
    "ignored_before\tbad\tbad_value\tbad_event\n";

// 2026-12-01 is day 20788; 1798376633 is 2026-12-27 local.
std::string row(const std::string& kind_day_seg, const std::string& counts,
                const std::string& bad = "0\t\t") {
  return kind_day_seg + "\t" + counts + "\t" + bad + "\n";
}

aarrr::Spec spec() {
  aarrr::Spec s;
  s.periods = 2;
  s.cost = 100;
  return s;
}

AarrrSource source(const std::string& by = "channel") {
  AarrrSource s{sql_fixture::on("ev"), "referrer", "amount"};
  s.events.by_column = by;
  return s;
}

// users rows last activated hit_1 hit_7 hit_30 p_1 p_2 paying purchases
// repeaters micros other invites referred referrers ignored_not ignored_before
const std::string k_answer =
    k_header + row("0\t0\t", "3\t5\t1798000000\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0") +
    row("1\t0\t", "2\t4\t1798000000\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t6\t0") +
    row("2\t20788\tdouyin",
        "2\t9\t1798000000\t1\t1\t1\t0\t1\t1\t1\t2\t1\t99900000\t0\t1\t1\t1\t0\t1") +
    row("2\t20788\twechat", "4\t9\t1798376633\t2\t2\t1\t0\t2\t1\t0\t0\t0\t0\t0\t3\t1\t1\t0\t0") +
    row("2\t20789\twechat",
        "4\t9\t1798000000\t1\t0\t0\t0\t0\t0\t1\t1\t0\t100000\t0.5\t0\t0\t0\t0\t2") +
    "\n" +
    row("0\t0\t", "15\t36\t1798376633\t4\t3\t2\t0\t3\t2\t2\t3\t1\t100000000\t0.5\t4\t2\t1\t6\t3");

TEST_CASE("sql::read_aarrr_answer: days fold into the report") {
  const aarrr::Result r = read_aarrr_answer(k_answer, spec(), source(), "--clickhouse x");
  CHECK(r.rows == 36);
  CHECK(r.users == 12);  // kinds 1 and 2
  REQUIRE(r.end_of_data);
  CHECK(sopctl::format_date(*r.end_of_data) == "2026-12-27");
  CHECK(r.acquisition.users == 10);
  CHECK(r.acquisition.by_column == "channel");
  REQUIRE(r.acquisition.by.size() == 2);
  CHECK(r.acquisition.by[0].value == "wechat");
  CHECK(r.acquisition.by[0].users == 8);
  CHECK(r.activation.users == 4);
  CHECK(*r.activation.rate == doctest::Approx(0.4));
  CHECK(r.retention.days[0].retained == 3);
  CHECK(r.retention.days[0].eligible == 10);
  CHECK(r.retention.days[2].eligible == 0);  // day 30 is after 12-27
  REQUIRE(r.retention.cohorts.size() == 2);
  CHECK(r.retention.cohorts[0].users == 6);
  CHECK(r.retention.cohorts[0].retained == std::vector<std::uint64_t>{6, 3, 2});
  CHECK(r.revenue.paying_users == 2);
  CHECK(r.revenue.purchases == 3);
  CHECK(r.revenue.repeat_users == 1);
  CHECK(r.revenue.revenue == 100.5);  // 99.9 + 0.1 exactly, then 0.5
  CHECK(r.referral.invites == 4);
  CHECK(r.referral.referred == 2);
  CHECK(r.referral.referrers == 1);
  CHECK(*r.referral.k_factor == doctest::Approx(0.2));
  REQUIRE(r.roi);
  CHECK(*r.roi->roi == doctest::Approx(0.005));
  CHECK(r.ignored_not_acquired == 6);
  CHECK(r.ignored_before_acquisition == 3);

  SUBCASE("without --by the values are not listed") {
    const aarrr::Result plain = read_aarrr_answer(k_answer, spec(), source(""), "x");
    CHECK(plain.acquisition.by.empty());
    CHECK(plain.acquisition.users == 10);
  }
}

TEST_CASE("sql::read_aarrr_answer: errors") {
  const auto read = [](const std::string& text, aarrr::Spec s = spec()) {
    return read_aarrr_answer(text, s, source(), "--clickhouse http://h/");
  };
  SUBCASE("a revenue amount that is not a number") {
    const std::string bad =
        k_header + "\n" +
        row("0\t0\t", "1\t1\t1798000000\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
            "2\t¥99\torder");
    CHECK_THROWS_WITH_AS(read(bad),
                         doctest::Contains("amount '¥99' (column 'amount', event 'order')"),
                         aarrr::BadAmount);
  }
  SUBCASE("an empty table") {
    CHECK_THROWS_WITH_AS(read(k_header), doctest::Contains("table ev holds no rows"), Error);
  }
  SUBCASE("another query's answer") {
    CHECK_THROWS_WITH_AS(read("users\trows\n1\t2\n\n1\t2\n"),
                         doctest::Contains("the answer is not the aarrr query's: no column 'p_1'"),
                         Error);
    aarrr::Spec more = spec();
    more.periods = 3;
    CHECK_THROWS_WITH_AS(read(k_answer, more), doctest::Contains("no column 'p_3'"), Error);
  }
  SUBCASE("no totals row, a short row, a bad count, a day out of range") {
    CHECK_THROWS_WITH_AS(read(k_answer.substr(0, k_answer.rfind("\n\n") + 1)),
                         doctest::Contains("no totals row"), Error);
    CHECK_THROWS_WITH_AS(read(k_header + "2\t1\n"),
                         doctest::Contains("2 fields where the header has 25"), Error);
    std::string text = k_answer;
    text.replace(text.find("\t2\t9\t"), 5, "\t-2\t9\t");
    CHECK_THROWS_WITH_AS(read(text), doctest::Contains("holds '-2', not a count"), Error);
    text = k_answer;
    text.replace(text.find("20789"), 5, "99999999");
    CHECK_THROWS_WITH_AS(read(text), doctest::Contains("outside 0001-01-01..9999-12-31"), Error);
  }
}

}  // namespace SOPCTL_TU_ID
