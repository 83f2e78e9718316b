// text/encoding.cpp: the GBK and GB18030 of Excel exports to UTF-8.

#include <sopctl/base/error.hpp>
#include <sopctl/text/encoding.hpp>

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Error;
namespace csv = sopctl::csv;

TEST_CASE("csv::to_utf8") {
  SUBCASE("GBK and GB18030 to UTF-8") {
    // "用户,人数" in GBK
    const std::string gbk = "\xD3\xC3\xBB\xA7,\xC8\xCB\xCA\xFD\r\n";
    CHECK(csv::to_utf8(gbk, csv::Encoding::gbk, "t.csv") == "用户,人数\r\n");
    CHECK(csv::to_utf8(gbk, csv::Encoding::gb18030, "t.csv") == "用户,人数\r\n");
  }
  SUBCASE("GB18030 has characters GBK lacks") {
    // U+20000 (𠀀), a four-byte GB18030 sequence.
    CHECK(csv::to_utf8("\x95\x32\x82\x36", csv::Encoding::gb18030, "t.csv") == "\xF0\xA0\x80\x80");
  }
  SUBCASE("invalid bytes name the line") {
    try {
      csv::to_utf8("a\nb\n\xFF\xFF\n", csv::Encoding::gbk, "t.csv");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.format().starts_with("t.csv:3: error: not valid gbk text"));
    }
  }
  SUBCASE("names") {
    CHECK(csv::parse_encoding("GBK") == csv::Encoding::gbk);
    CHECK(csv::parse_encoding("utf8") == csv::Encoding::utf8);
    CHECK(csv::parse_encoding("gb18030") == csv::Encoding::gb18030);
    CHECK(csv::parse_encoding("UTF-8") == csv::Encoding::utf8);
    CHECK(csv::parse_encoding("cp936") == csv::Encoding::gbk);
    CHECK_FALSE(csv::parse_encoding("latin1"));
    CHECK_FALSE(csv::parse_encoding(""));
    CHECK(std::string(csv::encoding_name(csv::Encoding::gb18030)) == "gb18030");
    CHECK(std::string(csv::encoding_name(csv::Encoding::utf8)) == "utf-8");
  }
}

}  // namespace SOPCTL_TU_ID
