#include <sopctl/notify/notify.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::notify::parse_answer;

TEST_CASE("notify::parse_answer") {
  SUBCASE("WeCom's answers") {
    const auto ok = parse_answer(R"({"errcode":0,"errmsg":"ok"})");
    REQUIRE(ok);
    CHECK(ok->errcode == 0);
    CHECK(ok->errmsg == "ok");
    const auto bad = parse_answer(
        " {\"errmsg\": \"invalid webhook url, hint: [1733]\",\n"
        " \"errcode\": 93000}\n");
    REQUIRE(bad);
    CHECK(bad->errcode == 93000);
    CHECK(bad->errmsg == "invalid webhook url, hint: [1733]");
  }
  SUBCASE("escapes and other keys") {
    const auto a = parse_answer(
        R"({"errcode":-1,"errmsg":"\u7cfb\u7edf\u7e41\u5fd9 \"busy\"\n","extra":{"a":[1,true,null,2.5e3]}})");
    REQUIRE(a);
    CHECK(a->errcode == -1);
    CHECK(a->errmsg == "系统繁忙 \"busy\"\n");
  }
  SUBCASE("not an answer") {
    CHECK_FALSE(parse_answer(""));
    CHECK_FALSE(parse_answer("<html>502 Bad Gateway</html>"));
    CHECK_FALSE(parse_answer(R"({"errmsg":"ok"})"));              // no errcode
    CHECK_FALSE(parse_answer(R"({"errcode":"0"})"));              // not a number
    CHECK_FALSE(parse_answer(R"({"errcode":0} trailing)"));       // more after the object
    CHECK_FALSE(parse_answer(R"({"errcode":0,"errmsg":"open)"));  // unterminated string
    CHECK_FALSE(parse_answer(std::string(100, '[')));
    std::string deep = R"({"errcode":0,"x":)" + std::string(40, '[') + std::string(40, ']') + "}";
    CHECK_FALSE(parse_answer(deep));  // nested deeper than 32
  }
}

}  // namespace SOPCTL_TU_ID
