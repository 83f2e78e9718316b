// text/line_index.cpp: byte offsets to line and character column, and back.

#include <sopctl/text/line_index.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("LineIndex counts columns in characters") {
  const std::string_view text = "title: 早安\nday: 1\r\nat: \"09:00\"\n";
  const text::LineIndex index(text);
  const SourceLoc first = index.loc(text, 0, "a.sop.yaml");
  CHECK(first.str() == "a.sop.yaml:1:1");
  // "day" starts after "title: 早安\n": 7 + 6 + 1 bytes, on line 2.
  CHECK(index.loc(text, 14, "a").str() == "a:2:1");
  // The "1" after "day: ".
  CHECK(index.loc(text, 19, "a").str() == "a:2:6");
  // The byte after 早 (3 bytes) is column 9, not 10.
  CHECK(index.loc(text, 10, "a").str() == "a:1:9");
  CHECK(index.offset_of(text, 1, 9) == 10);
  CHECK(index.offset_of(text, 2, 6) == 19);
  CHECK(index.offset_of(text, 9, 1) == 0);  // out of range
  CHECK(index.line_start(text, 1) == 14);
  CHECK(index.line_start(text, 99) == text.size());
}

TEST_CASE("locate gives the same place without an index") {
  const std::string_view text = "a\n群名: x\nb";
  const text::LineIndex index(text);
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    CAPTURE(offset);
    if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
      continue;  // inside a character
    }
    CHECK(text::locate(text, offset, "f").str() == index.loc(text, offset, "f").str());
  }
}

TEST_CASE("LineIndex gives the same columns forwards, backwards and jumping") {
  // One long line of CJK and ASCII, located in increasing order (the cached
  // path), then backwards and across lines (the full count).
  std::string text = "x\n";
  for (int i = 0; i < 200; ++i) {
    text += i % 3 == 0 ? "群" : "{a}";
  }
  text += "\nlast";
  const text::LineIndex index(text);
  std::vector<std::size_t> offsets;
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    if (offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80) {
      offsets.push_back(offset);
    }
  }
  auto check_all = [&](const std::vector<std::size_t>& order) {
    for (const std::size_t offset : order) {
      CAPTURE(offset);
      CHECK(index.loc(text, offset, "f").str() == text::locate(text, offset, "f").str());
    }
  };
  check_all(offsets);
  check_all({offsets.rbegin(), offsets.rend()});
  check_all({300, 5, 301, 2, 0, 420, 421, 3});
}

}  // namespace SOPCTL_TU_ID
