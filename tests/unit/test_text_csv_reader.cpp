#include <sopctl/base/error.hpp>
#include <sopctl/text/csv.hpp>
#include <sopctl/text/csv_reader.hpp>
#include <sopctl/text/csv_writer.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::text::csv_field;
using sopctl::text::csv_row;
using sopctl::text::CsvRow;
using sopctl::text::parse_csv;

namespace {

using Fields = std::vector<std::string>;

std::vector<Fields> fields_of(const std::vector<CsvRow>& rows) {
  std::vector<Fields> out;
  for (const auto& row : rows) {
    out.push_back(row.fields);
  }
  return out;
}

std::vector<int> lines_of(const std::vector<CsvRow>& rows) {
  std::vector<int> out;
  for (const auto& row : rows) {
    out.push_back(row.line);
  }
  return out;
}

// The Error thrown by parse_csv, or a default one when none is thrown.
sopctl::Error error_of(std::string_view text) {
  try {
    parse_csv(text, "groups.csv");
  } catch (const sopctl::Error& e) {
    return e;
  }
  FAIL("no error thrown");
  return sopctl::Error("");
}

}  // namespace

TEST_CASE("text::csv_field") {
  SUBCASE("plain field is unchanged") {
    CHECK(csv_field("abc", ',') == "abc");
    CHECK(csv_field("", ',') == "");
    CHECK(csv_field("小丸子", ',') == "小丸子");
  }
  SUBCASE("separator, quote and line breaks are quoted") {
    CHECK(csv_field("a,b", ',') == R"("a,b")");
    CHECK(csv_field(R"(say "hi")", ',') == R"("say ""hi""")");
    CHECK(csv_field("a\nb", ',') == "\"a\nb\"");
    CHECK(csv_field("a\rb", ',') == "\"a\rb\"");
  }
  SUBCASE("other separator") {
    CHECK(csv_field("a,b", ';') == "a,b");
    CHECK(csv_field("a;b", ';') == R"("a;b")");
  }
  SUBCASE("TSV turns tabs and line breaks into spaces without quoting") {
    CHECK(csv_field("a\tb\nc\r\nd", '\t') == "a b c  d");
    CHECK(csv_field(R"(a,"b")", '\t') == R"(a,"b")");
  }
}

TEST_CASE("text::csv_row") {
  SUBCASE("fields joined, ending in a newline") {
    CHECK(csv_row({"a", "b,c", ""}, ',') == "a,\"b,c\",\n");
    CHECK(csv_row({"a", "b\tc"}, '\t') == "a\tb c\n");
  }
  SUBCASE("no fields is an empty line") {
    CHECK(csv_row({}, ',') == "\n");
  }
}

TEST_CASE("text::parse_csv") {
  SUBCASE("simple rows with their lines") {
    const auto rows = parse_csv("id,name\nA,小丸子美妆研讨所A\n", "g.csv");
    CHECK(fields_of(rows) == std::vector<Fields>{{"id", "name"}, {"A", "小丸子美妆研讨所A"}});
    CHECK(lines_of(rows) == std::vector<int>{1, 2});
  }
  SUBCASE("empty input has no rows") {
    CHECK(parse_csv("", "g.csv").empty());
    CHECK(parse_csv("\xEF\xBB\xBF", "g.csv").empty());
    CHECK(parse_csv("\n\r\n", "g.csv").empty());
  }
  SUBCASE("BOM is skipped") {
    const auto rows = parse_csv("\xEF\xBB\xBFid,name\r\n", "g.csv");
    CHECK(fields_of(rows) == std::vector<Fields>{{"id", "name"}});
  }
  SUBCASE("CRLF and a missing final newline") {
    const auto rows = parse_csv("a,b\r\nc,d", "g.csv");
    CHECK(fields_of(rows) == std::vector<Fields>{{"a", "b"}, {"c", "d"}});
    CHECK(lines_of(rows) == std::vector<int>{1, 2});
  }
  SUBCASE("lone CR ends a line") {
    const auto rows = parse_csv("a\rb\r", "g.csv");
    CHECK(fields_of(rows) == std::vector<Fields>{{"a"}, {"b"}});
    CHECK(lines_of(rows) == std::vector<int>{1, 2});
  }
  SUBCASE("quoted field with comma, doubled quotes and newline") {
    const auto rows = parse_csv("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nnext\n", "g.csv");
    CHECK(fields_of(rows) == std::vector<Fields>{{"a,b", "say \"hi\"", "two\nlines"}, {"next"}});
    CHECK(lines_of(rows) == std::vector<int>{1, 3});
  }
  SUBCASE("empty quoted field") {
    CHECK(fields_of(parse_csv("\"\",x\n", "g.csv")) == std::vector<Fields>{{"", "x"}});
  }
  SUBCASE("trailing empty fields are kept") {
    CHECK(fields_of(parse_csv("a,,\n,\n", "g.csv")) ==
          std::vector<Fields>{{"a", "", ""}, {"", ""}});
    CHECK(fields_of(parse_csv("a,", "g.csv")) == std::vector<Fields>{{"a", ""}});
  }
  SUBCASE("blank lines are skipped") {
    const auto rows = parse_csv("\na\n\n  \r\nb\n\n", "g.csv");
    CHECK(fields_of(rows) == std::vector<Fields>{{"a"}, {"b"}});
    CHECK(lines_of(rows) == std::vector<int>{2, 5});
  }
  SUBCASE("stray quote inside an unquoted field is kept") {
    CHECK(fields_of(parse_csv("5\"2,x\"\n", "g.csv")) == std::vector<Fields>{{"5\"2", "x\""}});
  }
  SUBCASE("text after a closing quote is an error, as in event logs") {
    CHECK_THROWS_AS(parse_csv("\"ab\"cd,e\n", "g.csv"), sopctl::Error);
  }
  SUBCASE("spaces around fields are kept") {
    CHECK(fields_of(parse_csv(" a , b \n", "g.csv")) == std::vector<Fields>{{" a ", " b "}});
  }
  SUBCASE("unterminated quote names where it opened") {
    const auto e = error_of("id,name\nA,\"小丸子\n\nB,x\n");
    CHECK(std::string(e.what()) ==
          "unterminated quoted field: the '\"' opened here is never closed");
    CHECK(e.where().file == "groups.csv");
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 3);
  }
  SUBCASE("unterminated quote column counts characters") {
    const auto e = error_of("\xEF\xBB\xBF小丸子,\"x");
    CHECK(e.where().line == 1);
    CHECK(e.where().column == 5);
  }
  SUBCASE("invalid UTF-8 names its line") {
    // "你好" in GBK on line 3
    const auto e = error_of("id,name\r\nA,x\r\nB,\xC4\xE3\xBA\xC3\r\n");
    CHECK(std::string(e.what()) == sopctl::csv::invalid_utf8_message());
    CHECK(std::string(e.what()).find("--encoding gbk") != std::string::npos);
    CHECK(e.where().file == "groups.csv");
    CHECK(e.where().line == 3);
  }
}

}  // namespace SOPCTL_TU_ID
