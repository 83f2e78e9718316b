#include <sopctl/text/json_writer.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <limits>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::text::json_number;
using sopctl::text::json_quote;
using sopctl::text::JsonWriter;

TEST_CASE("text::json_quote") {
  SUBCASE("plain text is wrapped in quotes") {
    CHECK(json_quote("") == R"("")");
    CHECK(json_quote("abc") == R"("abc")");
  }
  SUBCASE("quote and backslash are escaped") {
    CHECK(json_quote(R"(say "hi" \o/)") == R"("say \"hi\" \\o/")");
    CHECK(json_quote(R"("\)") == R"("\"\\")");  // escapes only, first and last
    CHECK(json_quote("群\"1\"\n") == "\"群\\\"1\\\"\\n\"");
  }
  SUBCASE("control characters are escaped") {
    CHECK(json_quote("a\nb\tc\rd\be\ff") == R"("a\nb\tc\rd\be\ff")");
    CHECK(json_quote(std::string_view("\0\x01\x1f", 3)) == R"("\u0000\u0001\u001f")");
  }
  SUBCASE("an escape at any place of a long text (the 16-byte scan and its tail)") {
    for (std::size_t n = 1; n <= 40; ++n) {
      for (std::size_t at = 0; at < n; ++at) {
        for (const char c : {'"', '\\', '\n', '\x01'}) {
          std::string text(n, 'a');
          text[at] = c;
          std::string want = "\"" + text.substr(0, at);
          want += c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : "\\u0001";
          want += text.substr(at + 1) + "\"";
          CAPTURE(n);
          CAPTURE(at);
          CHECK(json_quote(text) == want);
        }
      }
    }
    // Bytes from 0x80 up (UTF-8) are never taken for control characters.
    const std::string cjk = "群名群名群名群名群名群名";
    CHECK(json_quote(cjk) == "\"" + cjk + "\"");
  }
  SUBCASE("DEL, slash and UTF-8 pass through") {
    CHECK(json_quote("\x7f/") == "\"\x7f/\"");
    CHECK(json_quote("早上好，\U0001F600") == "\"早上好，\U0001F600\"");
  }
  SUBCASE("invalid UTF-8 bytes become U+FFFD") {
    CHECK(json_quote("a\xC4\xE3z") == "\"a\uFFFD\uFFFDz\"");
    CHECK(json_quote("\xFF") == "\"\uFFFD\"");
    CHECK(json_quote("\xED\xA0\x80") == "\"\uFFFD\uFFFD\uFFFD\"");  // a surrogate
  }
}

TEST_CASE("text::json_number") {
  SUBCASE("shortest form that round-trips") {
    CHECK(json_number(0.2) == "0.2");
    CHECK(json_number(0.1 + 0.2) == "0.30000000000000004");
    CHECK(json_number(1.0 / 3.0) == "0.3333333333333333");
    CHECK(json_number(57.833333333333336) == "57.833333333333336");
  }
  SUBCASE("integral values keep .0") {
    CHECK(json_number(347.0) == "347.0");
    CHECK(json_number(0.0) == "0.0");
    CHECK(json_number(-2.0) == "-2.0");
  }
  SUBCASE("exponent form is left as is") {
    CHECK(json_number(1e300) == "1e+300");
    CHECK(json_number(1.5e-10) == "1.5e-10");
  }
  SUBCASE("NaN and infinity are null") {
    CHECK(json_number(std::numeric_limits<double>::quiet_NaN()) == "null");
    CHECK(json_number(std::numeric_limits<double>::infinity()) == "null");
    CHECK(json_number(-std::numeric_limits<double>::infinity()) == "null");
  }
}

TEST_CASE("text::JsonWriter: keys are quoted like values, integers to their limits") {
  JsonWriter w;
  w.begin_object()
      .key("a\"b")
      .value(std::numeric_limits<std::int64_t>::min())
      .key("c")
      .value(std::numeric_limits<std::uint64_t>::max())
      .end_object();
  CHECK(w.str() == R"({"a\"b":-9223372036854775808,"c":18446744073709551615})");
}

TEST_CASE("text::JsonWriter") {
  SUBCASE("compact output on one line") {
    JsonWriter w;
    w.begin_object()
        .key("a")
        .value(1)
        .key("b")
        .begin_array()
        .value(1)
        .value(2)
        .end_array()
        .end_object();
    CHECK(w.str() == R"({"a":1,"b":[1,2]})");
  }
  SUBCASE("every value type") {
    JsonWriter w;
    w.begin_array()
        .value("s")
        .value(std::string("t"))
        .value(std::string_view("u"))
        .value(-7)
        .value(std::int64_t{9007199254740993})
        .value(std::size_t{42})
        .value(0.5)
        .value(347.0)
        .value(true)
        .value(false)
        .null()
        .end_array();
    CHECK(w.str() == R"(["s","t","u",-7,9007199254740993,42,0.5,347.0,true,false,null])");
  }
  SUBCASE("empty containers") {
    JsonWriter compact;
    compact.begin_object()
        .key("o")
        .begin_object()
        .end_object()
        .key("a")
        .begin_array()
        .end_array()
        .end_object();
    CHECK(compact.str() == R"({"o":{},"a":[]})");
    JsonWriter pretty(2);
    pretty.begin_object()
        .key("o")
        .begin_object()
        .end_object()
        .key("a")
        .begin_array()
        .end_array()
        .end_object();
    CHECK(pretty.str() == "{\n  \"o\": {},\n  \"a\": []\n}");
    JsonWriter top(2);
    top.begin_array().end_array();
    CHECK(top.str() == "[]");
  }
  SUBCASE("pretty output indents nested containers") {
    JsonWriter w(2);
    w.begin_object()
        .key("name")
        .value("小丸子")
        .key("steps")
        .begin_array()
        .begin_object()
        .key("users")
        .value(6)
        .key("rate")
        .null()
        .end_object()
        .value(1.0)
        .end_array()
        .end_object();
    CHECK(w.str() ==
          "{\n"
          "  \"name\": \"小丸子\",\n"
          "  \"steps\": [\n"
          "    {\n"
          "      \"users\": 6,\n"
          "      \"rate\": null\n"
          "    },\n"
          "    1.0\n"
          "  ]\n"
          "}");
  }
  SUBCASE("keys are escaped") {
    JsonWriter w;
    w.begin_object().key("a\"b").value("\n").end_object();
    CHECK(w.str() == R"({"a\"b":"\n"})");
  }
  SUBCASE("strings() writes an array of strings; take_line() ends the document") {
    JsonWriter w;
    w.begin_object().key("dirs").strings({"a", "小丸子"}).key("none").strings({}).end_object();
    CHECK(w.take_line() == "{\"dirs\":[\"a\",\"小丸子\"],\"none\":[]}\n");
    CHECK(w.str().empty());
  }
}

}  // namespace SOPCTL_TU_ID
