#include <sopctl/base/cpu.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/text/csv.hpp>
#include <sopctl/text/utf8.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Error;
namespace csv = sopctl::csv;

namespace {

struct Row {
  std::int64_t line;
  std::vector<std::string> fields;
  bool operator==(const Row&) const = default;
};

std::vector<Row> read_all(std::string_view text, bool plain_lines = true) {
  csv::Reader reader(sopctl::text::strip_bom(text), "t.csv");
  reader.set_plain_lines(plain_lines);
  csv::Record rec;
  std::vector<Row> rows;
  while (reader.next(rec)) {
    rows.push_back(Row{rec.line, std::vector<std::string>(rec.fields.begin(), rec.fields.end())});
  }
  return rows;
}

// A small deterministic random number generator for the generated texts.
struct Lcg {
  std::uint64_t seed;
  std::size_t operator()() {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(seed >> 33);
  }
};

// A random text of up to `max_pieces` pieces over the bytes that matter
// (delimiters, quotes, CR, LF, multi-byte UTF-8), with lines around the
// 16-byte block size; mostly plain characters and commas, so that most
// lines are plain ones.
// Up to max_pieces pieces; `breaks` in 100 of them are a line break.
std::string random_csv_text(Lcg& next, std::size_t max_pieces, std::size_t breaks = 10) {
  static const char* const pieces[] = {"a",
                                       "bc",
                                       ",",
                                       ",",
                                       "\"",
                                       "\"\"",
                                       "\n",
                                       "\r\n",
                                       "\r",
                                       "小丸子",
                                       " ",
                                       "x,y,z",
                                       "0123456789abcdef",
                                       "\n\n"};
  std::string text;
  const std::size_t n = 1 + next() % max_pieces;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t k = next() % 100;
    text += k < 40            ? "a"
            : k < 60          ? ","
            : k < 60 + breaks ? "\n"
                              : pieces[next() % std::size(pieces)];
  }
  return text;
}

std::string error_of(std::string_view text) {
  try {
    read_all(text);
  } catch (const Error& e) {
    return e.format();
  }
  return "no error";
}

}  // namespace

TEST_CASE("csv::Reader") {
  SUBCASE("plain rows, LF and CRLF, no final line break") {
    CHECK(read_all("a,b\n1,2\r\n3,4") ==
          std::vector<Row>{{1, {"a", "b"}}, {2, {"1", "2"}}, {3, {"3", "4"}}});
  }
  SUBCASE("a lone CR ends a line too") {
    CHECK(read_all("a\r1\r") == std::vector<Row>{{1, {"a"}}, {2, {"1"}}});
  }
  SUBCASE("empty fields, and a comma at the end of a line") {
    CHECK(read_all(",x,\n") == std::vector<Row>{{1, {"", "x", ""}}});
  }
  SUBCASE("BOM is stripped") {
    CHECK(read_all("\xEF\xBB\xBFstep,users\n") == std::vector<Row>{{1, {"step", "users"}}});
  }
  SUBCASE("quoted fields with comma, quote and line breaks") {
    const auto rows =
        read_all("g,n\n\"宝妈团购群, \"\"朝阳\"\"店\",1\n\"two\r\nlines\",2\n3,\"\"\n");
    CHECK(rows == std::vector<Row>{{1, {"g", "n"}},
                                   {2, {"宝妈团购群, \"朝阳\"店", "1"}},
                                   {3, {"two\nlines", "2"}},
                                   {5, {"3", ""}}});
  }
  SUBCASE("empty lines are skipped but counted") {
    CHECK(read_all("a\n\n\r\n b \n") == std::vector<Row>{{1, {"a"}}, {4, {" b "}}});
  }
  SUBCASE("a quote inside an unquoted field is kept") {
    CHECK(read_all("5\" screen,x\n") == std::vector<Row>{{1, {"5\" screen", "x"}}});
  }
  SUBCASE("an unterminated quote names the line it opened on") {
    CHECK(error_of("a,b\n1,2\n\"open,3\n4,5\n") ==
          "t.csv:3:1: error: unterminated quoted field: the '\"' opened here is never "
          "closed");
  }
  SUBCASE("text after a closing quote is an error") {
    CHECK(error_of("a\n\"x\"y\n") ==
          "t.csv:2: error: unexpected text after the closing '\"' of a quoted field (write a "
          "quote inside a quoted field as \"\")");
  }
  SUBCASE("invalid UTF-8 names the line and suggests --encoding gbk") {
    const std::string err = error_of("step,users\n\"a\nb\",1\n\xD3\xC3\xBB\xA7,2\n");
    CHECK(err.starts_with("t.csv:4: error: invalid UTF-8"));
    CHECK(err.find("--encoding gbk") != std::string::npos);
  }
  SUBCASE("record offsets") {
    csv::Reader reader("ab,c\nd\n", "t.csv");
    csv::Record rec;
    REQUIRE(reader.next(rec));
    CHECK(rec.begin == 0);
    CHECK(rec.end == 5);
    CHECK(reader.offset() == 5);
    CHECK(reader.line() == 2);
    CHECK_FALSE(rec.blank());
  }
}

// Each record, its line, its end and the error, with or without the plain-line path.
std::string trace(const std::string& text, bool plain_lines) {
  std::string out;
  try {
    csv::Reader reader(text, "t.csv");
    reader.set_plain_lines(plain_lines);
    csv::Record rec;
    while (reader.next(rec)) {
      out += std::to_string(rec.line) + "@" + std::to_string(rec.begin) + "-" +
             std::to_string(rec.end) + ":";
      for (const std::string_view f : rec.fields) {
        out += "[" + std::string(f) + "]";
      }
      out += "\n";
    }
    out += "end " + std::to_string(reader.line());
  } catch (const Error& e) {
    out += e.format();
  }
  return out;
}

TEST_CASE("csv::Reader: lines split 16 bytes at a time read as the general path reads them") {
  Lcg next{12345};
  int compared = 0;
  for (int round = 0; round < 20000; ++round) {
    const std::string text = random_csv_text(next, 40);
    const std::string fast = trace(text, true);
    const std::string general = trace(text, false);
    if (fast != general) {
      CAPTURE(text);
      CHECK(fast == general);
      break;
    }
    ++compared;
  }
  CHECK(compared == 20000);
  CHECK(read_all("user_id,event,ts,group,channel\r\nu1,view,2026-12-01T08:00:00,A,wechat\r\n") ==
        read_all("user_id,event,ts,group,channel\r\nu1,view,2026-12-01T08:00:00,A,wechat\r\n",
                 false));
}

TEST_CASE("csv::split_plain_line gives the fields the Reader gives, or leaves the line to it") {
  // The same random texts: at each record start, the split (for every
  // number of wanted fields) either declines or agrees with Reader::next;
  // and both scans it chooses from split the same lines.
  using Split = const char* (*)(const char*, const char*, std::size_t, const char**, std::size_t&);
  std::vector<Split> scans{csv::split_plain_line, csv::detail::split_plain_line_16};
  if (sopctl::cpu_has_avx2()) {
    scans.push_back(csv::detail::split_plain_line_32);
  }
  Lcg next{777};
  std::size_t split = 0;
  for (int round = 0; round < 5000; ++round) {
    // Every other text has long lines, for the 32-byte steps.
    const std::string text =
        round % 2 == 0 ? random_csv_text(next, 60) : random_csv_text(next, 300, 1);
    csv::Reader reader(text, "t.csv");
    reader.set_plain_lines(false);
    csv::Record rec;
    try {
      while (reader.next(rec)) {
        const char* const p = text.data() + rec.begin;
        for (std::size_t want = 1; want <= rec.fields.size() + 1; ++want) {
          std::vector<std::optional<std::size_t>> split_at;
          for (const Split scan : scans) {
            std::vector<const char*> ends(want);
            std::size_t fields = 0;
            const char* after = scan(p, text.data() + text.size(), want, ends.data(), fields);
            split_at.push_back(after == nullptr ? std::nullopt
                                                : std::optional<std::size_t>(after - p));
            if (after == nullptr) {
              continue;
            }
            ++split;
            CAPTURE(text);
            CHECK(static_cast<std::size_t>(after - text.data()) == rec.end);
            REQUIRE(fields == rec.fields.size());
            const char* start = p;
            for (std::size_t i = 0; i < std::min(want, fields); ++i) {
              CHECK(std::string_view(start, static_cast<std::size_t>(ends[i] - start)) ==
                    rec.fields[i]);
              start = ends[i] + 1;
            }
          }
          CHECK(std::adjacent_find(split_at.begin(), split_at.end(), std::not_equal_to<>()) ==
                split_at.end());
        }
      }
    } catch (const Error&) {
      // an unterminated quote: the records before it were compared
    }
  }
  CHECK(split > 10000);
}

TEST_CASE("text::find_invalid_utf8") {
  const auto npos = std::string_view::npos;
  CHECK(sopctl::text::find_invalid_utf8("plain ascii text that is longer than sixteen bytes") ==
        npos);
  CHECK(sopctl::text::find_invalid_utf8("小丸子美妆研讨所A·周末场 \U0001F600 é") == npos);
  CHECK(sopctl::text::find_invalid_utf8("abc\xFF") == 3);
  CHECK(sopctl::text::find_invalid_utf8("0123456789abcdef\xC0\x80") == 16);  // overlong
  CHECK(sopctl::text::find_invalid_utf8("\xED\xA0\x80") == 0);               // surrogate
  CHECK(sopctl::text::find_invalid_utf8("\xE4\xB8") == 0);                   // truncated
  CHECK(sopctl::text::find_invalid_utf8("\xF4\x90\x80\x80") == 0);           // over U+10FFFF
}

TEST_CASE("csv::Header") {
  const csv::Header h =
      csv::read_header("User_ID , event,ts\r\nu1,view,2026-12-03T08:00:00\r\n", "t.csv");
  CHECK(h.names == std::vector<std::string>{"User_ID ", " event", "ts"});
  CHECK(h.find("ts") == 2);
  CHECK(h.find("user_id") == 0);
  CHECK(h.find("event") == 1);
  CHECK_FALSE(h.find("group"));
  CHECK(h.data_offset == 20);
  CHECK(h.data_line == 2);
  CHECK_THROWS_AS(csv::read_header("\n\n", "t.csv"), Error);
}

TEST_CASE("csv::line_splits") {
  const std::string text = "h\naaaa\nbbbb\ncccc\ndddd\n";
  const auto s = csv::line_splits(text, 2, text.size(), 2);
  REQUIRE(s.size() == 2);
  CHECK(s[0] == 2);
  CHECK(text[s[1] - 1] == '\n');
  CHECK(csv::line_splits(text, 2, text.size(), 1) == std::vector<std::size_t>{2});
}

TEST_CASE("text::is_valid_utf8 agrees with find_invalid_utf8") {
  std::uint64_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(seed >> 33);
  };
  const std::vector<std::string> pieces = {"a",
                                           ",",
                                           "\n",
                                           "小",
                                           "丸",
                                           "é",
                                           "\U0001F600",
                                           "\xED\x9F\xBF",
                                           "\xEF\xBF\xBF",
                                           "\xF4\x8F\xBF\xBF",
                                           "\xE0\xA0\x80",
                                           "\xF0\x90\x80\x80",
                                           "\xC2\x80"};
  const std::vector<std::string> bad = {"\x80",         "\xC0\xAF",         "\xE0\x80\xAF",
                                        "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF8",
                                        "\xC2",         "\xE4\xB8",         "\xFF"};
  int mismatches = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const std::size_t n = next() % 40;
    for (std::size_t i = 0; i < n; ++i) {
      s += pieces[next() % pieces.size()];
    }
    if (round % 2 == 1) {
      s.insert(next() % (s.size() + 1), bad[next() % bad.size()]);
    }
    if (round % 7 == 0) {
      for (int k = 0; k < 3 && !s.empty(); ++k) {
        s[next() % s.size()] = static_cast<char>(next() & 0xFF);
      }
    }
    const bool fast = sopctl::text::is_valid_utf8(s);
    const bool slow = sopctl::text::find_invalid_utf8(s) == std::string_view::npos;
    mismatches += fast != slow;
  }
  CHECK(mismatches == 0);
}

}  // namespace SOPCTL_TU_ID
