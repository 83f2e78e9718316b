#include "../../src/core/render/ics_text.hpp"
#include "plan_fixture.hpp"

#include <sopctl/base/timezone.hpp>
#include <sopctl/base/version.hpp>
#include <sopctl/render/plan_render.hpp>
#include <sopctl/text/utf8.hpp>
#include <sopctl/text/width.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;
using sopctl::render::ics_escape;
using sopctl::render::ics_fold;

namespace {

// Physical lines of `ics` without their CRLF; fails the test on a bare CR or LF.
std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < ics.size()) {
    const std::size_t crlf = ics.find("\r\n", pos);
    REQUIRE(crlf != std::string::npos);  // the last line ends in CRLF too
    std::string line = ics.substr(pos, crlf - pos);
    CHECK(line.find('\r') == std::string::npos);
    CHECK(line.find('\n') == std::string::npos);
    lines.push_back(std::move(line));
    pos = crlf + 2;
  }
  return lines;
}

// Content lines: physical lines unfolded (RFC 5545 3.1).
std::vector<std::string> content_lines(const std::string& ics) {
  std::vector<std::string> lines;
  for (auto& line : physical_lines(ics)) {
    if (!line.empty() && line[0] == ' ' && !lines.empty()) {
      lines.back() += line.substr(1);
    } else {
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

std::vector<std::string> with_prefix(const std::vector<std::string>& lines, std::string_view p) {
  std::vector<std::string> out;
  for (const auto& line : lines) {
    if (line.rfind(p, 0) == 0) {
      out.push_back(line);
    }
  }
  return out;
}

// Checks the fold invariants for one content line.
void check_folded(std::string_view line) {
  const std::string folded = ics_fold(line);
  const auto lines = physical_lines(folded);
  REQUIRE(!lines.empty());
  std::string unfolded = lines[0];
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CHECK(lines[i].size() <= 75);
    std::string_view body = lines[i];
    if (i > 0) {
      REQUIRE(body.substr(0, 1) == " ");
      body.remove_prefix(1);
      CHECK(!body.empty());
      unfolded += body;
    }
    // Each piece is whole characters: the fold split no character.
    CHECK(text::is_valid_utf8(body));
    // And it was not folded early without need: the next character did not fit.
    if (i + 1 < lines.size()) {
      const unsigned char next = static_cast<unsigned char>(lines[i + 1][1]);
      const std::size_t next_len = next < 0x80 ? 1 : next < 0xE0 ? 2 : next < 0xF0 ? 3 : 4;
      CHECK(lines[i].size() + next_len > 75);
    }
  }
  CHECK(unfolded == line);
}

// The plan's items get their keys as expand_plan() gives them (the UIDs
// are made of them), then the plan is rendered.
std::string render_ics(Plan plan, std::int64_t dtstamp = 1764547200) {
  sopctl::assign_keys(plan.items);
  render::PlanRenderOptions opts;
  opts.dtstamp = dtstamp;
  return render::plan_ics(plan, opts);
}

}  // namespace

TEST_CASE("render::ics_fold") {
  SUBCASE("short line is one line with CRLF") {
    CHECK(ics_fold("VERSION:2.0") == "VERSION:2.0\r\n");
    CHECK(ics_fold("") == "\r\n");
  }
  SUBCASE("exactly 75 octets is not folded, 76 is") {
    const std::string s75(75, 'x');
    CHECK(ics_fold(s75) == s75 + "\r\n");
    const std::string s76(76, 'x');
    CHECK(ics_fold(s76) == s75 + "\r\n x\r\n");
  }
  SUBCASE("continuation lines hold 74 octets after the space") {
    const std::string s(75 + 74 + 1, 'y');
    CHECK(ics_fold(s) == std::string(75, 'y') + "\r\n " + std::string(74, 'y') + "\r\n y\r\n");
  }
  SUBCASE("CJK text exactly at 75 octets stays on one line") {
    std::string s = "ABC";  // 3 + 24 * 3 = 75
    for (int i = 0; i < 24; ++i) {
      s += "营";
    }
    REQUIRE(s.size() == 75);
    CHECK(ics_fold(s) == s + "\r\n");
    check_folded(s);
  }
  SUBCASE("CJK text straddling 75 octets folds before the character") {
    std::string s = "SUMMARY:";  // 8 + 22 * 3 = 74; the 23rd would end at 77
    for (int i = 0; i < 30; ++i) {
      s += "训";
    }
    const std::string folded = ics_fold(s);
    const auto lines = physical_lines(folded);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].size() == 74);
    CHECK(lines[1] == " 训训训训训训训训");
    check_folded(s);
  }
  SUBCASE("never splits a character, whatever the alignment") {
    // Every prefix length shifts the multi-byte characters against the limit.
    for (std::size_t prefix = 0; prefix < 8; ++prefix) {
      for (const std::string_view ch : {"é", "营", "😀"}) {
        std::string s(prefix, 'a');
        for (int i = 0; i < 120; ++i) {
          s += ch;
          if (i % 7 == 0) {
            s += "\\n";
          }
        }
        CAPTURE(prefix);
        CAPTURE(ch);
        check_folded(s);
      }
    }
  }
  SUBCASE("bytes that are not UTF-8 are still cut at 75") {
    const std::string s(200, '\x80');
    const auto lines = physical_lines(ics_fold(s));
    for (const auto& line : lines) {
      CHECK(line.size() <= 75);
    }
  }
}

TEST_CASE("render::ics_escape") {
  SUBCASE("RFC 5545 TEXT specials") {
    CHECK(ics_escape("a\\b;c,d") == "a\\\\b\\;c\\,d");
    CHECK(ics_escape("line1\nline2") == "line1\\nline2");
    CHECK(ics_escape("crlf\r\nnext") == "crlf\\nnext");
    CHECK(ics_escape("colon: \"quoted\"") == "colon: \"quoted\"");
  }
  SUBCASE("CJK passes through") {
    CHECK(ics_escape("早上好,今天是第1天:正式期") == "早上好\\,今天是第1天:正式期");
  }
  SUBCASE("control characters are dropped, TAB kept") {
    CHECK(ics_escape(std::string("a\x01"
                                 "b\tc\x7f",
                                 6)) == "ab\tc");
  }
  SUBCASE("invalid UTF-8 becomes U+FFFD") {
    CHECK(ics_escape("ok\xff;\xe8\xae") == "ok\xEF\xBF\xBD\\;\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(text::is_valid_utf8(ics_escape("\xc0\x80\xed\xa0\x80")));
  }
}

TEST_CASE("render::plan_ics") {
  test::PlanFixture fx;

  SUBCASE("calendar frame, CRLF only, every line at most 75 octets") {
    const std::string ics = render_ics(fx.plan);
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//sopctl//sopctl " +
                        std::string(sopctl::version()) +
                        "//ZH\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n",
                    0) == 0);
    CHECK(ics.size() >= 15);
    CHECK(ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
    for (const auto& line : physical_lines(ics)) {
      CHECK(line.size() <= 75);
    }
    const auto lines = content_lines(ics);
    CHECK(with_prefix(lines, "X-WR-CALNAME:") ==
          std::vector<std::string>{"X-WR-CALNAME:sopctl plan 2026-12-01..2026-12-31"});
    CHECK(with_prefix(lines, "X-WR-TIMEZONE:") ==
          std::vector<std::string>{"X-WR-TIMEZONE:Asia/Shanghai"});
    CHECK(with_prefix(lines, "BEGIN:VEVENT").size() == fx.plan.items.size());
    CHECK(with_prefix(lines, "END:VEVENT").size() == fx.plan.items.size());
  }

  SUBCASE("title option names the calendar") {
    render::PlanRenderOptions opts;
    opts.title = "12月计划, A群";
    const auto lines = content_lines(render::plan_ics(fx.plan, opts));
    CHECK(with_prefix(lines, "X-WR-CALNAME:") ==
          std::vector<std::string>{"X-WR-CALNAME:12月计划\\, A群"});
  }

  SUBCASE("DTSTAMP comes from the options") {
    const auto lines = content_lines(render_ics(fx.plan, 1764547200));  // 2025-12-01T00:00:00Z
    const auto stamps = with_prefix(lines, "DTSTAMP:");
    REQUIRE(stamps.size() == fx.plan.items.size());
    for (const auto& s : stamps) {
      CHECK(s == "DTSTAMP:20251201T000000Z");
    }
  }

  SUBCASE("VTIMEZONE for Asia/Shanghai, once, and TZID on timed items") {
    const std::string ics = render_ics(fx.plan);
    const auto lines = content_lines(ics);
    CHECK(with_prefix(lines, "BEGIN:VTIMEZONE").size() == 1);
    const auto tz = std::find(lines.begin(), lines.end(), "BEGIN:VTIMEZONE");
    REQUIRE(tz != lines.end());
    const std::vector<std::string> expected = {
        "BEGIN:VTIMEZONE",    "TZID:Asia/Shanghai", "BEGIN:STANDARD", "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800",   "TZNAME:CST",     "END:STANDARD",
        "END:VTIMEZONE"};
    CHECK(std::vector<std::string>(tz, tz + static_cast<long>(expected.size())) == expected);
    // The zone is defined before the events that use it.
    CHECK(ics.find("BEGIN:VTIMEZONE") < ics.find("BEGIN:VEVENT"));
    const auto starts = with_prefix(lines, "DTSTART;TZID=");
    CHECK(starts == std::vector<std::string>{"DTSTART;TZID=Asia/Shanghai:20261203T080000",
                                             "DTSTART;TZID=Asia/Shanghai:20261203T200000",
                                             "DTSTART;TZID=Asia/Shanghai:20261212T100000"});
  }

  SUBCASE("all-day item: DATE values, next day exclusive, no duration") {
    const auto lines = content_lines(render_ics(fx.plan));
    const auto first = std::find(lines.begin(), lines.end(), "BEGIN:VEVENT");
    const auto end = std::find(first, lines.end(), "END:VEVENT");
    const std::vector<std::string> event(first, end);
    CHECK(with_prefix(event, "DTSTART") == std::vector<std::string>{"DTSTART;VALUE=DATE:20261201"});
    CHECK(with_prefix(event, "DTEND") == std::vector<std::string>{"DTEND;VALUE=DATE:20261202"});
    CHECK(with_prefix(event, "DURATION").empty());
  }

  SUBCASE("all-day item at the end of a year") {
    fx.plan.items[0].date = Date::from_ymd(2026, 12, 31);
    const auto lines = content_lines(render_ics(fx.plan));
    CHECK(with_prefix(lines, "DTEND;VALUE=DATE:") ==
          std::vector<std::string>{"DTEND;VALUE=DATE:20270101"});
  }

  SUBCASE("duration: the task's, else 15 minutes") {
    fx.plan.items[1].duration_minutes = 30;
    fx.plan.items[2].duration_minutes = 90;
    const auto lines = content_lines(render_ics(fx.plan));
    CHECK(with_prefix(lines, "DURATION:") ==
          std::vector<std::string>{"DURATION:PT30M", "DURATION:PT90M", "DURATION:PT15M"});
  }

  SUBCASE("summary, description, location and categories are escaped") {
    const auto lines = content_lines(render_ics(fx.plan));
    CHECK(with_prefix(lines, "SUMMARY:") ==
          std::vector<std::string>{"SUMMARY:[A] 预热海报", "SUMMARY:[A] 每日早读",
                                   "SUMMARY:[A] 直播答疑", "SUMMARY:[B] 秒杀\\,\"限时\""});
    CHECK(with_prefix(lines, "DESCRIPTION:") ==
          std::vector<std::string>{
              "DESCRIPTION:还有2天开营\\n\\n小丸子\\n\\nD-2 预热期",
              "DESCRIPTION:早上好\\,今天是第1天:正式期\\n\\n李顾问\\n\\nD1 正式期",
              "DESCRIPTION:今晚8点直播|答疑\\n记得准时来\\n\\n小丸子、李顾问\\n\\nD1 正式期",
              "DESCRIPTION:全场5折\\n\\nAmy"});
    CHECK(with_prefix(lines, "LOCATION:") ==
          std::vector<std::string>{"LOCATION:小丸子美妆研讨所A", "LOCATION:小丸子美妆研讨所A",
                                   "LOCATION:小丸子美妆研讨所A", "LOCATION:双12福利群B"});
    CHECK(with_prefix(lines, "CATEGORIES:") ==
          std::vector<std::string>{"CATEGORIES:fission", "CATEGORIES:retention",
                                   "CATEGORIES:education", "CATEGORIES:conversion"});
  }

  SUBCASE("long CJK descriptions fold within 75 octets without splitting") {
    std::string script;
    for (int i = 0; i < 100; ++i) {
      script += "欢迎加入训练营,";
    }
    fx.plan.items[1].script = script;
    const std::string ics = render_ics(fx.plan);
    for (const auto& line : physical_lines(ics)) {
      CHECK(line.size() <= 75);
      CHECK(text::is_valid_utf8(line));
    }
  }

  SUBCASE("UID: stable across runs, different per date, kept by a holiday move") {
    const auto uids = with_prefix(content_lines(render_ics(fx.plan)), "UID:");
    REQUIRE(uids.size() == 4);
    CHECK(with_prefix(content_lines(render_ics(fx.plan, 0)), "UID:") == uids);
    CHECK(std::set<std::string>(uids.begin(), uids.end()).size() == 4);
    for (const auto& uid : uids) {
      CHECK(uid.size() == 4 + 16 + 7);
      CHECK(uid.substr(uid.size() - 7) == "@sopctl");
    }
    // The same task on another date is another event.
    fx.plan.items[1].date = Date::from_ymd(2026, 12, 4);
    const auto moved = with_prefix(content_lines(render_ics(fx.plan)), "UID:");
    CHECK(moved[1] != uids[1]);
    CHECK(moved[0] == uids[0]);
    // on_holiday moved it there from 12-03: the UID of 12-03 is kept.
    fx.plan.items[1].moved_from = Date::from_ymd(2026, 12, 3);
    CHECK(with_prefix(content_lines(render_ics(fx.plan)), "UID:") == uids);
  }

  SUBCASE("UID: the same task twice on its original date is told apart") {
    fx.plan.items.push_back(fx.plan.items[1]);
    fx.plan.items.back().time = 9 * 60;
    fx.plan.items.push_back(fx.plan.items[1]);
    fx.plan.items.back().time = 10 * 60;
    const auto uids = with_prefix(content_lines(render_ics(fx.plan)), "UID:");
    REQUIRE(uids.size() == 6);
    const std::string base = uids[1].substr(0, uids[1].size() - 7);
    CHECK(uids[4] == base + "-2@sopctl");
    CHECK(uids[5] == base + "-3@sopctl");
    CHECK(std::set<std::string>(uids.begin(), uids.end()).size() == 6);
  }

  SUBCASE("a zone with a DST change in the range is written in UTC") {
    if (!TimeZone::load("Europe/Berlin")) {
      MESSAGE("no tzdata for Europe/Berlin; skipped");
      return;
    }
    fx.sops[0].timezone = std::string("Europe/Berlin");
    fx.plan.from = Date::from_ymd(2026, 3, 1);
    fx.plan.items[1].date = Date::from_ymd(2026, 3, 20);  // CET, +0100
    fx.plan.items[2].date = Date::from_ymd(2026, 4, 2);   // CEST, +0200
    const auto lines = content_lines(render_ics(fx.plan));
    CHECK(with_prefix(lines, "TZID:") == std::vector<std::string>{"TZID:Asia/Shanghai"});
    CHECK(with_prefix(lines, "DTSTART:2026") ==
          std::vector<std::string>{"DTSTART:20260320T070000Z", "DTSTART:20260402T180000Z"});
    CHECK(with_prefix(lines, "DTSTART;TZID=") ==
          std::vector<std::string>{"DTSTART;TZID=Asia/Shanghai:20261212T100000"});
  }

  SUBCASE("a zone with a fixed offset over the range gets its own VTIMEZONE") {
    if (!TimeZone::load("Europe/Berlin")) {
      MESSAGE("no tzdata for Europe/Berlin; skipped");
      return;
    }
    fx.sops[0].timezone = std::string("Europe/Berlin");
    const auto lines = content_lines(render_ics(fx.plan));
    CHECK(with_prefix(lines, "TZID:") ==
          std::vector<std::string>{"TZID:Asia/Shanghai", "TZID:Europe/Berlin"});
    CHECK(std::count(lines.begin(), lines.end(), "TZOFFSETTO:+0100") == 1);
    CHECK(std::count(lines.begin(), lines.end(), "TZNAME:+0100") == 1);
    CHECK(std::count(lines.begin(), lines.end(), "DTSTART;TZID=Europe/Berlin:20261203T080000") ==
          1);
    // Most items are Berlin's: the calendar's default zone.
    CHECK(with_prefix(lines, "X-WR-TIMEZONE:") ==
          std::vector<std::string>{"X-WR-TIMEZONE:Europe/Berlin"});
  }

  SUBCASE("no items: a valid empty calendar") {
    const std::string ics = render_ics(fx.empty_plan());
    const auto lines = content_lines(ics);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(with_prefix(lines, "BEGIN:VEVENT").empty());
    CHECK(with_prefix(lines, "BEGIN:VTIMEZONE").empty());
  }

  SUBCASE("deterministic") {
    CHECK(render_ics(fx.plan) == render_ics(fx.plan));
  }
}

}  // namespace SOPCTL_TU_ID
