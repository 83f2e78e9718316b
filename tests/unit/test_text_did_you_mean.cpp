#include <sopctl/text/did_you_mean.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::text::closest_match;

TEST_CASE("load::closest_match") {
  const std::vector<std::string> keys = {"id",   "title", "type",  "every",
                                         "days", "day",   "dates", "date"};

  SUBCASE("one edit away") {
    CHECK(closest_match("evry", keys) == "every");
    CHECK(closest_match("titel", keys) == "title");  // a swap of neighbours is one edit
    CHECK(closest_match("tpye", keys) == "type");
    CHECK(closest_match("dayz", keys) == "days");
  }

  SUBCASE("case does not count") {
    CHECK(closest_match("Every", keys) == "every");
    CHECK(closest_match("TITLE", keys) == "title");
  }

  SUBCASE("too far is no match") {
    CHECK(closest_match("schedule", keys) == "");
    CHECK(closest_match("xyz", keys) == "");
    CHECK(closest_match("", keys) == "");
    CHECK(closest_match("every", {}) == "");
    // Long text is never taken for a misspelt name.
    CHECK(closest_match(std::string(100, 'a'), {std::string(99, 'a')}) == "");
  }

  SUBCASE("a third of the word may be wrong") {
    // 9 characters allow 3 edits, 5 allow 1.
    CHECK(closest_match("anouncemt", {"announcement"}) == "announcement");
    CHECK(closest_match("evxrz", {"every"}) == "");
    // Short words still get one edit.
    CHECK(closest_match("ix", {"id"}) == "id");
  }

  SUBCASE("smallest distance wins, ties go to the first candidate") {
    CHECK(closest_match("date", {"dates", "date"}) == "date");
    CHECK(closest_match("dat", {"date", "day"}) == "date");
    CHECK(closest_match("dat", {"day", "date"}) == "day");
  }

  SUBCASE("characters, not bytes") {
    // One CJK character differs: one edit, though three bytes.
    CHECK(closest_match("预热其", {"正式期", "预热期"}) == "预热期");
    CHECK(closest_match("camp-7x", {"camp-7d", "camp-30d"}) == "camp-7d");
  }
}

}  // namespace SOPCTL_TU_ID
