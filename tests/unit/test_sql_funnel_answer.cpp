#include <sopctl/base/error.hpp>
#include <sopctl/sql/sql.hpp>

#include <doctest/doctest.h>

#include "sql_fixture.hpp"

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Error;
using sopctl::funnel::Spec;
using sopctl::sql::read_funnel_answer;
using sopctl::sql::Source;
using sql_fixture::on;

// The answer's columns for a two-step funnel (funnel_aggregate.cpp's names).
std::string header(bool by) {
  std::string h = by ? "seg\t" : "";
  h += "users\tusers_1\tusers_2\tevents_1\tevents_2\tmedian_2\tp90_2\tmean_2\tttc_users\tttc_p50\t"
       "ttc_p90\tttc_mean";
  for (int b = 1; b <= 9; ++b) {
    h += "\thist_" + std::to_string(b);
  }
  return h + "\trows\n";
}

// users u1 u2 events e1 e2 then the times, the histogram and rows.
// seg: nullptr without --by.
std::string row(const char* seg, const std::string& counts, const std::string& times,
                const std::string& hist = "0\t0\t1\t0\t0\t0\t0\t0\t0") {
  return (seg == nullptr ? std::string() : std::string(seg) + "\t") + counts + "\t" + times + "\t" +
         hist + "\t100\n";
}

Spec two_steps() {
  Spec s;
  s.steps = {"view", "order"};
  return s;
}

TEST_CASE("sql::read_funnel_answer: one row without --by") {
  const std::string answer =
      header(false) + row(nullptr, "5\t4\t1\t9\t1", "600\t600\t600\t1\t600\t600\t600");
  const auto r = read_funnel_answer(answer, two_steps(), on("ev"), "--clickhouse x");
  CHECK(r.from_events);
  CHECK(r.mode == "ordered");
  CHECK(r.rows == 100);
  CHECK(r.users == 5);
  REQUIRE(r.total.steps.size() == 2);
  CHECK(r.total.steps[0].users == 4);
  CHECK(r.total.steps[1].users == 1);
  CHECK(r.total.steps[1].median_seconds == doctest::Approx(600));
  REQUIRE(r.total.time_to_convert);
  CHECK(r.total.time_to_convert->histogram.size() == 9);
  CHECK(r.total.time_to_convert->histogram[2] == 1);
  CHECK(r.notes.empty());
  CHECK(r.segments.empty());
}

TEST_CASE("sql::read_funnel_answer: --by segments and WITH TOTALS") {
  const std::string none = "\\N\t\\N\t\\N\t0\t\\N\t\\N\t\\N";
  const std::string answer = header(true) +
                             row("", "2\t0\t0\t0\t0", none, "0\t0\t0\t0\t0\t0\t0\t0\t0") +
                             row("wechat", "1\t1\t0\t1\t0", none, "0\t0\t0\t0\t0\t0\t0\t0\t0") +
                             row("a\\tb", "3\t3\t1\t3\t1", "60\t60\t60\t1\t60\t60\t60") + "\n" +
                             row("", "6\t4\t1\t4\t1", "60\t60\t60\t1\t60\t60\t60");
  Source src = on("ev");
  src.by_column = "channel";
  const auto r = read_funnel_answer(answer, two_steps(), src, "--clickhouse x");
  CHECK(r.by_column == "channel");
  CHECK(r.total.steps[0].users == 4);
  // The empty value has no step-1 user: no segment, like a local run.
  REQUIRE(r.segments.size() == 2);
  CHECK(r.segments[0].value == "a\tb");  // unescaped; most step-1 users first
  CHECK(r.segments[1].value == "wechat");
  CHECK_FALSE(r.segments[1].funnel.steps[1].median_seconds);
}

TEST_CASE("sql::read_funnel_answer: a step with no event is a note") {
  const std::string answer =
      header(false) +
      row(nullptr, "5\t4\t0\t9\t0", "\\N\t\\N\t\\N\t0\t\\N\t\\N\t\\N", "0\t0\t0\t0\t0\t0\t0\t0\t0");
  const auto r = read_funnel_answer(answer, two_steps(), on("ev"), "w");
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0] == "no 'order' event in the table");
}

TEST_CASE("sql::read_funnel_answer: answers of another shape name the server") {
  const Spec spec = two_steps();
  const Source src = on("ev");
  const std::string good = row(nullptr, "5\t4\t1\t9\t1", "600\t600\t600\t1\t600\t600\t600");
  const auto fails = [&](const std::string& answer, const std::string& fragment) {
    try {
      read_funnel_answer(answer, spec, src, "--clickhouse http://h/");
      FAIL("no error for: " << answer);
    } catch (const Error& e) {
      const std::string what = e.what();
      CHECK_MESSAGE(what.find("--clickhouse http://h/") == 0, what);
      CHECK_MESSAGE(what.find(fragment) != std::string::npos, what);
    }
  };
  fails("", "an empty answer");
  fails("<html>502 Bad Gateway</html>\n", "not one row");
  fails(header(false), "not one row");
  fails(header(false) + good + good, "not one row");
  fails(header(false) + "5\t4\n", "line 2: 2 fields where the header has 22");
  fails(header(false) + good + "\n\n" + good, "a second empty line");
  fails(header(false) + row(nullptr, "5\tx\t1\t9\t1", "1\t1\t1\t1\t1\t1\t1"), "'x', not a count");
  fails(header(false) + row(nullptr, "5\t-4\t1\t9\t1", "1\t1\t1\t1\t1\t1\t1"), "not a count");
  fails(header(false) + row(nullptr, "5\t4\t1\t9\t1", "1e999\t1\t1\t1\t1\t1\t1"), "not a number");
  fails(header(false) + row(nullptr, "5\t1\t4\t9\t1", "1\t1\t1\t1\t1\t1\t1"),
        "more users at step 2 than at step 1");
  fails("users\trows\n1\t2\n", "no column 'users_1'");
  Source by = src;
  by.by_column = "channel";
  const auto no_totals = [&] { read_funnel_answer(header(true) + "x\t" + good, spec, by, "w"); };
  CHECK_THROWS_WITH_AS(no_totals(), doctest::Contains("no totals row"), Error);
}

}  // namespace SOPCTL_TU_ID
