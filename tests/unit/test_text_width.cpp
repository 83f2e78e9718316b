#include <sopctl/text/utf8.hpp>
#include <sopctl/text/width.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::text::count_chars;
using sopctl::text::display_width;
using sopctl::text::is_valid_utf8;
using sopctl::text::pad_right;

TEST_CASE("text::display_width") {
  SUBCASE("ASCII counts one per character") {
    CHECK(display_width("") == 0);
    CHECK(display_width("hello") == 5);
  }
  SUBCASE("CJK counts two") {
    CHECK(display_width("小丸子") == 6);
    CHECK(display_width("A组") == 3);
    CHECK(display_width("，") == 2);  // fullwidth comma
  }
  SUBCASE("combining mark counts zero") {
    CHECK(display_width("e\u0301") == 1);
    CHECK(display_width("e\u0301\u0302") == 1);
  }
  SUBCASE("emoji counts two") {
    CHECK(display_width("\U0001F600") == 2);
    CHECK(display_width("ok\U0001F600") == 4);
  }
  SUBCASE("emoji presentation sequence counts two") {
    CHECK(display_width("\u2764") == 1);
    CHECK(display_width("\u2764\uFE0F") == 2);
    CHECK(display_width("1\uFE0F\u20E3") == 2);  // keycap
  }
  SUBCASE("emoji ZWJ sequence is one cluster") {
    // man, ZWJ, woman, ZWJ, girl
    CHECK(display_width("\U0001F468\u200D\U0001F469\u200D\U0001F467") == 2);
  }
  SUBCASE("skin tone modifier joins its emoji") {
    CHECK(display_width("\U0001F44D\U0001F3FD") == 2);
  }
  SUBCASE("flag is one cluster") {
    CHECK(display_width("\U0001F1E8\U0001F1F3") == 2);
    CHECK(display_width("\U0001F1E8\U0001F1F3\U0001F1EF\U0001F1F5") == 4);
  }
  SUBCASE("Hangul jamo sequence counts two") {
    CHECK(display_width("\u1100\u1161") == 2);
  }
  SUBCASE("invalid bytes count one each") {
    CHECK(display_width("\xFF") == 1);
    CHECK(display_width("a\xC4\xE3z") == 4);  // "你" in GBK between a and z
    CHECK(display_width("\xE4\xB8") == 2);    // truncated 3-byte sequence
  }
  SUBCASE("invalid byte ends a cluster") {
    CHECK(display_width("e\xFF\u0301") == 2);
  }
}

TEST_CASE("text::pad_right") {
  SUBCASE("pads by display width, not bytes") {
    CHECK(pad_right("李顾问", 8) == "李顾问  ");
    CHECK(pad_right("ab", 4) == "ab  ");
  }
  SUBCASE("never truncates") {
    CHECK(pad_right("小丸子", 4) == "小丸子");
    CHECK(pad_right("abc", 3) == "abc");
  }
}

TEST_CASE("text::count_chars") {
  SUBCASE("code points, not bytes") {
    CHECK(count_chars("") == 0);
    CHECK(count_chars("abc") == 3);
    CHECK(count_chars("早上好") == 3);
    CHECK(count_chars("e\u0301") == 2);
    CHECK(count_chars("\U0001F600") == 1);
  }
  SUBCASE("invalid bytes count one each") {
    CHECK(count_chars("a\xC4\xE3") == 3);
  }
}

TEST_CASE("text::is_valid_utf8") {
  std::size_t bad = 99;
  SUBCASE("accepts valid text") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("abc 早上好 \U0001F600 \U0010FFFF"));
    CHECK(is_valid_utf8("\xEF\xBF\xBD"));
    CHECK(bad == 99);
  }
  SUBCASE("reports the first bad byte") {
    CHECK_FALSE(is_valid_utf8("ab\xC4\xE3", &bad));
    CHECK(bad == 2);
  }
  SUBCASE("rejects overlong forms") {
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
    CHECK_FALSE(is_valid_utf8("\xC1\xBF"));
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));
    CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));
  }
  SUBCASE("rejects surrogates") {
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
    CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));
    CHECK(is_valid_utf8("\xED\x9F\xBF"));  // U+D7FF
  }
  SUBCASE("rejects code points above U+10FFFF") {
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
    CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  }
  SUBCASE("rejects truncated sequences and stray continuation bytes") {
    CHECK_FALSE(is_valid_utf8("\xE4\xB8", &bad));
    CHECK(bad == 0);
    CHECK_FALSE(is_valid_utf8("a\x80", &bad));
    CHECK(bad == 1);
  }
}

}  // namespace SOPCTL_TU_ID
