// text/utf8.cpp: BOM stripping, validation and cutting at a character boundary.

#include <sopctl/text/utf8.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("strip_bom and is_valid_utf8") {
  CHECK(text::strip_bom("\xEF\xBB\xBFuser_id") == "user_id");
  CHECK(text::strip_bom("user_id") == "user_id");
  CHECK(text::is_valid_utf8("早安"));
  std::size_t bad = 0;
  CHECK_FALSE(text::is_valid_utf8("ab\xFF", &bad));
  CHECK(bad == 2);
}

TEST_CASE("utf8_prefix: cut at a character boundary") {
  CHECK(text::utf8_prefix("abc", 5) == "abc");
  CHECK(text::utf8_prefix("abc", 2) == "ab");
  CHECK(text::utf8_prefix("早安打卡", 4) == "早");  // 3 bytes each
  CHECK(text::utf8_prefix("早安", 2).empty());
}

}  // namespace SOPCTL_TU_ID
