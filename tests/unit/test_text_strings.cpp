// text/strings.cpp: trim, case-insensitive suffixes, values shortened for messages.

#include <sopctl/text/strings.hpp>

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("trim drops ASCII blanks at both ends only") {
  CHECK(text::trim("  早安 \t\r\n") == "早安");
  CHECK(text::trim("a b") == "a b");
  CHECK(text::trim(" \t\r\n").empty());
  CHECK(text::trim("").empty());
  CHECK(text::trim("\xE3\x80\x80x") == "\xE3\x80\x80x");  // a full-width space is not ASCII
}

TEST_CASE("ends_with_nocase") {
  CHECK(text::ends_with_nocase("roster.CSV", ".csv"));
  CHECK(text::ends_with_nocase("plan.sop.yaml", ".SOP.YAML"));
  CHECK_FALSE(text::ends_with_nocase("csv", ".csv"));
  CHECK(text::ends_with_nocase("x", ""));
}

TEST_CASE("shorten keeps one line and cuts at a character") {
  CHECK(text::shorten("line one\nline two\r") == "line one\\nline two\\r");
  const std::string forty(40, 'a');
  CHECK(text::shorten(forty) == forty);
  CHECK(text::shorten(forty + "b") == forty + "...");
  // 13 CJK characters are 39 bytes; the 14th would cross byte 40.
  std::string cjk;
  for (int i = 0; i < 14; ++i) {
    cjk += "群";
  }
  CHECK(text::shorten(cjk) == cjk.substr(0, 39) + "...");
}

TEST_CASE("text::join") {
  CHECK(text::join({}) == "");
  CHECK(text::join({"a"}) == "a");
  CHECK(text::join({"a.yaml", "b.csv"}) == "a.yaml, b.csv");
  CHECK(text::join({"x", "", "y"}, "|") == "x||y");
}

}  // namespace SOPCTL_TU_ID
