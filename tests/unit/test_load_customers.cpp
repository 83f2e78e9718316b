#include <sopctl/base/error.hpp>
#include <sopctl/load/customers.hpp>
#include <sopctl/load/loader.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

Roster staff() {
  Roster r;
  Diagnostics d;
  load_roster_yaml(
      "staff:\n  - {id: wanzi, name: 小丸子, roles: [owner]}\n  - {id: li, name: 李顾问}\n",
      "r.yaml", r, d);
  REQUIRE(d.empty());
  return r;
}

}  // namespace

TEST_CASE("load_customers") {
  const Roster roster = staff();
  SUBCASE("columns, owners by id or name, tags as operators type them, date columns") {
    const Customers c = load_customers(
        "customer_id,name,owner,added,tags,expires,city\n"
        "c1,王小美,wanzi,2026-12-01 09:12:33,\"B+，会员\",2026-12-20,杭州\n"
        "c2,,李顾问,2026/12/02,A; B ;A,,上海\n",
        "c.csv", roster);
    REQUIRE(c.customers.size() == 2);
    CHECK(c.date_columns == std::vector<std::string>{"added", "expires"});
    REQUIRE(c.not_dates.size() == 1);
    CHECK(c.not_dates[0].first == "city");
    CHECK(c.not_dates[0].second == "line 2: '杭州'");
    const Customer& a = c.customers[0];
    CHECK(a.tags == std::vector<std::string>{"B+", "会员"});
    CHECK(a.dates[0] == Date::from_ymd(2026, 12, 1));
    CHECK(a.dates[1] == Date::from_ymd(2026, 12, 20));
    const Customer& b = c.customers[1];
    CHECK(b.name == "c2");  // no name: the id
    CHECK(b.owner == "li");
    CHECK(b.tags == std::vector<std::string>{"A", "B"});
    CHECK_FALSE(b.dates[1].has_value());
    CHECK(c.find("c2") == &c.customers[1]);
    CHECK(c.find("c3") == nullptr);
  }
  SUBCASE("SCRM export headers") {
    const Customers c = load_customers(
        "客户ID,客户名称,跟进人,添加时间,标签\nx1,陈晨,小丸子,2026-12-03,B\n", "c.csv", roster);
    REQUIRE(c.customers.size() == 1);
    CHECK(c.customers[0].owner == "wanzi");
  }
  SUBCASE("errors name the file and line") {
    CHECK_THROWS_WITH_AS(load_customers("customer_id,name,owner,tags\n", "c.csv", roster),
                         doctest::Contains("c.csv:1: no 'added' column"), Error);
    CHECK_THROWS_WITH_AS(
        load_customers(
            "customer_id,name,owner,added\nc1,a,wanzi,2026-12-01\nc2,b,wanzl,2026-12-01\n", "c.csv",
            roster),
        doctest::Contains("c.csv:3: owner 'wanzl' of customer 'c2' is not a staff id or name of "
                          "the roster (did you mean 'wanzi'?)"),
        Error);
    CHECK_THROWS_WITH_AS(
        load_customers("customer_id,name,owner,added\nc1,a,wanzi,2026-02-30\n", "c.csv", roster),
        doctest::Contains("c.csv:2: added '2026-02-30' of customer 'c1' is not a date"), Error);
    CHECK_THROWS_WITH_AS(
        load_customers("customer_id,name,owner,added\nc1,a,wanzi,2026-12-01\nc1,b,li,2026-12-02\n",
                       "c.csv", roster),
        doctest::Contains("c.csv:3: customer 'c1' is listed twice"), Error);
    CHECK_THROWS_WITH_AS(
        load_customers("customer_id,name,owner,added\nc1,\xcd\xf5,wanzi,2026-12-01\n", "c.csv",
                       roster),
        doctest::Contains("--encoding gbk"), Error);
  }
}

}  // namespace SOPCTL_TU_ID
