#include <sopctl/base/error.hpp>
#include <sopctl/base/timestamp.hpp>
#include <sopctl/events/events.hpp>
#include <sopctl/text/utf8.hpp>

#include "../../src/core/events/chunk_reader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Error;
namespace csv = sopctl::csv;
namespace events = sopctl::events;

namespace {

events::EventLog load(const std::string& text, events::LoadOptions opts = {}) {
  const std::string_view body = sopctl::text::strip_bom(text);
  const csv::Header header = csv::read_header(body, "ev.csv");
  return events::load(body, "ev.csv", header, opts);
}

std::string error_of(const std::string& text, events::LoadOptions opts = {}) {
  try {
    load(text, opts);
  } catch (const Error& e) {
    return e.format();
  }
  return "no error";
}

// "user:event@ts" per event, grouped by user as loaded.
std::vector<std::string> describe(const events::EventLog& log) {
  std::vector<std::string> out;
  REQUIRE(log.user_begin.size() == log.user_count() + 1);
  CHECK(log.user_begin.front() == 0);
  CHECK(log.user_begin.back() == log.events.size());
  for (std::size_t u = 0; u < log.user_count(); ++u) {
    REQUIRE(log.user_begin[u] <= log.user_begin[u + 1]);
    for (std::size_t i = log.user_begin[u]; i < log.user_begin[u + 1]; ++i) {
      const events::Event& e = log.events[i];
      out.push_back(std::string(log.users[u]) + ":" + std::string(log.names[e.name]) + "@" +
                    sopctl::format_local_time(e.ts));
    }
  }
  return out;
}

// The value of the first extra column of each event, in the log's order.
std::vector<std::string_view> first_extra(const events::EventLog& log) {
  std::vector<std::string_view> v;
  for (std::size_t i = 0; i < log.events.size(); ++i) {
    v.push_back(log.extra[0].values[log.extra[0].value_of[i]]);
  }
  return v;
}

// Many rows with a quoted multi-line field in the middle, so that parallel
// readers get chunks that meet inside quotes.
std::string big_log(std::size_t rows, bool quoted_lines) {
  std::string text = "user_id,event,ts,note\n";
  for (std::size_t i = 0; i < rows; ++i) {
    text += "u" + std::to_string(i % 997) + "," + (i % 3 == 0 ? "view" : "order") + ",2026-12-0" +
            std::to_string(1 + i % 9) + "T08:00:" + (i % 60 < 10 ? "0" : "") +
            std::to_string(i % 60) + ",";
    if (quoted_lines && i % 50 == 0) {
      text += "\"a\n\"\"quoted\"\"\nnote, with\ncommas\n" + std::string(i % 7 * 40, 'x') + "\"\n";
    } else {
      text += "plain\n";
    }
  }
  return text;
}

}  // namespace

TEST_CASE("events::load") {
  const std::string text =
      "user_id,event,ts,channel\n"
      "u2,view,2026-12-03 09:00:00,douyin\n"
      "u1,view,2026-12-03T08:00:00,wechat\n"
      "u1,read,2026-12-03T08:05:00,wechat\n"
      "u2,order,2026-12-03T01:30:00Z,sms\n"
      "u1,order,2026-12-04T08:00:00+08:00,wechat\n";

  SUBCASE("grouped by user in order of appearance, file order within a user") {
    const auto log = load(text);
    CHECK(describe(log) ==
          std::vector<std::string>{"u2:view@2026-12-03T09:00:00", "u2:order@2026-12-03T01:30:00",
                                   "u1:view@2026-12-03T08:00:00", "u1:read@2026-12-03T08:05:00",
                                   "u1:order@2026-12-04T00:00:00"});  // no zone: UTC
    CHECK(log.rows == 5);
    CHECK(sopctl::format_local_time(*log.min_ts) == "2026-12-03T01:30:00");
    CHECK(sopctl::format_local_time(*log.max_ts) == "2026-12-04T00:00:00");
  }
  SUBCASE("offsets are converted to the local zone") {
    const auto zone = sopctl::TimeZone::load("Asia/Shanghai");
    events::LoadOptions opts;
    opts.zone = &*zone;
    const auto log = load(text, opts);
    CHECK(describe(log)[1] == "u2:order@2026-12-03T09:30:00");
    CHECK(describe(log)[4] == "u1:order@2026-12-04T08:00:00");
  }
  SUBCASE("only kept events, ids in the order asked; extra columns by name") {
    events::LoadOptions opts;
    opts.keep = {"order", "view", "order"};
    opts.extra_columns = {"channel"};
    const auto log = load(text, opts);
    REQUIRE(log.names.size() == 2);
    CHECK(log.names[0] == "order");
    CHECK(log.names[1] == "view");
    REQUIRE(log.events.size() == 4);
    CHECK(log.rows == 5);
    const auto& ch = log.extra[0];
    CHECK(ch.name == "channel");
    std::vector<std::string> values;
    for (std::size_t i = 0; i < log.events.size(); ++i) {
      values.push_back(std::string(ch.values[ch.value_of[i]]));
    }
    CHECK(values == std::vector<std::string>{"douyin", "sms", "wechat", "wechat"});
  }
  SUBCASE("renamed columns") {
    events::LoadOptions opts;
    opts.columns = {"uid", "action", "time"};
    const auto log = load("time,action,uid\n2026-12-03 08:00,view,a\n", opts);
    CHECK(describe(log) == std::vector<std::string>{"a:view@2026-12-03T08:00:00"});
  }
  SUBCASE("rows without a user are counted and skipped; blank rows ignored") {
    const auto log =
        load("user_id,event,ts\n,view,2026-12-03 08:00:00\n,,\nb,view,2026-12-03 08:00:00\n");
    CHECK(log.rows_without_user == 1);
    CHECK(log.rows == 2);
    CHECK(log.events.size() == 1);
  }
}

TEST_CASE("events::load errors name the file and line") {
  SUBCASE("a missing column") {
    CHECK(error_of("user_id,event,time\nu,view,2026-12-03 08:00:00\n") ==
          "ev.csv:1: error: no column 'ts' in the header (user_id,event,time); name the column "
          "with --time-col");
  }
  SUBCASE("a bad timestamp") {
    CHECK(error_of("user_id,event,ts\nu,view,2026-12-03 08:00:00\nu,view,2026-13-03 08:00:00\n") ==
          "ev.csv:3: error: bad timestamp '2026-13-03 08:00:00' in column 'ts' (expected ISO "
          "8601 local time such as 2026-12-03T08:00:00 or 2026-12-03 08:00:00, optionally with "
          "+08:00)");
  }
  SUBCASE("a row with too few fields") {
    CHECK(error_of("user_id,event,ts\n\"multi\nline\",view,2026-12-03 08:00:00\nu,view\n") ==
          "ev.csv:4: error: 2 fields where the header has 3");
  }
  SUBCASE("a broken quote") {
    CHECK(
        error_of("user_id,event,ts\nu,\"view,2026-12-03 08:00:00\nu,view,2026-12-03 08:00:00\n") ==
        "ev.csv:2: error: unterminated quoted field: the '\"' opened here is never "
        "closed");
  }
  SUBCASE("the line is right in a later chunk of a parallel read") {
    std::string text = big_log(40000, true);
    text += "u1,view,yesterday,plain\n";
    events::LoadOptions opts;
    opts.threads = 3;
    std::int64_t lines = 0;
    for (const char c : text) {
      lines += c == '\n';
    }
    CHECK(error_of(text, opts) ==
          "ev.csv:" + std::to_string(lines) +
              ": error: bad timestamp 'yesterday' in column 'ts' (expected ISO 8601 local time "
              "such as 2026-12-03T08:00:00 or 2026-12-03 08:00:00, optionally with +08:00)");
  }
}

TEST_CASE("events::load in parallel gives the same log as one thread") {
  for (const bool quoted : {false, true}) {
    CAPTURE(quoted);
    const std::string text = big_log(30000, quoted);
    events::LoadOptions one;
    one.threads = 1;
    one.extra_columns = {"note"};
    const auto a = load(text, one);
    for (const unsigned threads : {2U, 3U, 7U}) {
      CAPTURE(threads);
      events::LoadOptions many = one;
      many.threads = threads;
      const auto b = load(text, many);
      CHECK(describe(a) == describe(b));
      CHECK(a.rows == b.rows);
      CHECK(first_extra(a) == first_extra(b));
    }
  }
}

TEST_CASE("events::load splits plain lines itself exactly as csv::Reader reads them") {
  // Every kind of line around and between plain ones: quoted fields (with
  // commas, "" and line breaks), CRLF and lone CR, empty and blank rows, an
  // empty first field, a short last line (within 16 bytes of the end), a
  // long line, invalid UTF-8, and rows of the wrong width.
  const std::string head = "user_id,event,ts,note\n";
  const std::vector<std::string> rows = {
      "u1,view,2026-12-01T08:00:00,plain",
      "u2,order,2026-12-01T08:00:01,\"a, b\"",
      "u3,view,2026-12-01T08:00:02,\"say \"\"hi\"\"\"",
      "u4,view,2026-12-01T08:00:03,\"two\nlines\"",
      "u5,order,2026-12-01 08:00:04,crlf\r",
      "",
      ",,,",
      ",view,2026-12-01T08:00:05,no user",
      "u6,view,2026-12-01T08:00:06," + std::string(300, 'x'),
      "u7,view,2026-12-01T08:00:07,群名,",
      "u8,view,2026-12-01T08:00:08",
      "u9,view,2026-12-01T08:00:09,\xC4\xE3",
      "u10,view,2026-12-01T08:00:10,lone\rcr",
      "u,v,2026-12-01T08:00:11,",
  };
  std::vector<std::string> cases;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    // Row i among plain rows, and row i as the last line (with and without
    // its line break).
    cases.push_back(head + rows[0] + "\n" + rows[i] + "\n" + rows[0] + "\n");
    cases.push_back(head + rows[0] + "\n" + rows[i] + "\n");
    cases.push_back(head + rows[0] + "\n" + rows[i]);
  }
  std::string all = head;
  for (std::size_t i = 0; i < 500; ++i) {
    const std::string& r = rows[i % rows.size()];
    if (r.find("08:00:07") == std::string::npos && r.find("08:00:08") == std::string::npos &&
        r.find("\xC4") == std::string::npos && r.find("lone") == std::string::npos) {
      all += r + "\n";  // the rows that are not errors, many times
    }
  }
  cases.push_back(all);
  for (const std::string& text : cases) {
    CAPTURE(text.substr(head.size(), 200));
    for (const unsigned threads : {1U, 2U, 3U}) {
      CAPTURE(threads);
      events::LoadOptions reader_only;
      reader_only.threads = threads;
      reader_only.extra_columns = {"note"};
      reader_only.split_plain_lines = false;
      events::LoadOptions split = reader_only;
      split.split_plain_lines = true;
      const std::string want_error = error_of(text, reader_only);
      CHECK(error_of(text, split) == want_error);
      if (want_error == "no error") {
        const auto a = load(text, reader_only);
        const auto b = load(text, split);
        CHECK(describe(a) == describe(b));
        CHECK(a.rows == b.rows);
        CHECK(a.rows_without_user == b.rows_without_user);
        REQUIRE(a.extra.size() == b.extra.size());
        CHECK(first_extra(a) == first_extra(b));
      }
    }
  }
}

TEST_CASE("events::load keeps hundreds of event names and ids of any length, in parallel") {
  // More than 255 names (past a reading thread's one-byte name), and user ids
  // of one length for a while, then of others (the id list writes its ends).
  std::string text = "user_id,event,ts\n";
  for (std::size_t i = 0; i < 30000; ++i) {
    const std::string user =
        i < 12000 ? "wx_" + std::to_string(100000 + i % 3001) : "u" + std::to_string(i % 1777);
    text += user + ",e" + std::to_string(i * 13 % 700) + ",2026-12-0" + std::to_string(1 + i % 9) +
            "T08:00:00\n";
  }
  events::LoadOptions one;
  one.threads = 1;
  const auto a = load(text, one);
  CHECK(a.names.size() == 700);
  for (const unsigned threads : {2U, 3U, 7U}) {
    CAPTURE(threads);
    events::LoadOptions many = one;
    many.threads = threads;
    const auto b = load(text, many);
    CHECK(describe(a) == describe(b));
  }
  CHECK(describe(a)[0] == "wx_100000:e0@2026-12-01T08:00:00");
}

TEST_CASE("events::load without the user ids groups the same events") {
  const std::string text = big_log(30000, true);
  for (const unsigned threads : {1U, 2U, 3U}) {
    CAPTURE(threads);
    events::LoadOptions with;
    with.threads = threads;
    events::LoadOptions without = with;
    without.keep_user_ids = false;
    const auto a = load(text, with);
    const auto b = load(text, without);
    CHECK(b.users.empty());
    REQUIRE(a.user_count() == b.user_count());
    CHECK(a.user_begin == b.user_begin);
    bool same = a.events.size() == b.events.size();
    for (std::size_t i = 0; same && i < a.events.size(); ++i) {
      same = a.events[i].ts == b.events[i].ts && a.events[i].name == b.events[i].name;
    }
    CHECK(same);
  }
}

TEST_CASE("events::load bounds the values of an extra column") {
  std::string text = "user_id,event,ts,channel\n";
  for (int i = 0; i < 12; ++i) {
    text += "u" + std::to_string(i) + ",view,2026-12-01T08:00:00,c" + std::to_string(i % 6) + "\n";
  }
  events::LoadOptions opts;
  opts.extra_columns = {"channel"};
  opts.extra_limit_option = "--by";
  opts.extra_value_limit = 6;
  CHECK(load(text, opts).extra[0].values.size() == 6);
  opts.extra_value_limit = 5;
  CHECK(error_of(text, opts) ==
        "ev.csv:7: error: column 'channel' has more than 5 distinct values, the most --by "
        "reports (one row per value); choose a column with fewer values (a channel, a group), "
        "or filter the log first");
}

TEST_CASE("a reading thread's packed row keeps every time of years 1-9999") {
  using sopctl::events::detail::RowEvent;
  for (const std::int64_t ts : {std::int64_t{-62135596800}, std::int64_t{0},
                                std::int64_t{1796083200}, std::int64_t{253402300799}}) {
    for (const std::uint8_t name : {0, 1, 0xFF}) {
      const RowEvent e(ts, 0xFFFFFFFF, name);
      CHECK(e.ts() == ts);
      CHECK(e.name == name);
      CHECK(e.user == 0xFFFFFFFF);
    }
  }
}

TEST_CASE("timestamps") {
  using sopctl::parse_timestamp;
  auto local = [](std::string_view s) -> std::string {
    sopctl::LocalTimeParser p(nullptr);
    const auto t = p.parse(s);
    return t ? sopctl::format_local_time(*t) : "invalid";
  };
  CHECK(local("2026-12-03T08:00:00") == "2026-12-03T08:00:00");
  CHECK(local("2026-12-03 08:00:00") == "2026-12-03T08:00:00");
  CHECK(local("2026-12-03 08:00") == "2026-12-03T08:00:00");
  CHECK(local("2026/12/3 8:05") == "2026-12-03T08:05:00");
  CHECK(local("2026-12-03") == "2026-12-03T00:00:00");
  CHECK(local("2026-12-03T08:00:00.250") == "2026-12-03T08:00:00");
  CHECK(local("2026-12-03T08:00:00Z") == "2026-12-03T08:00:00");  // null zone: UTC
  CHECK(local("2026-12-03T08:00:00+08:00") == "2026-12-03T00:00:00");
  CHECK(local("2026-12-03T08:00:00-0130") == "2026-12-03T09:30:00");
  CHECK(local("2028-02-29T23:59:59") == "2028-02-29T23:59:59");
  for (const char* bad :
       {"", "2026-02-29T08:00:00", "2026-12-03T24:00:00", "2026-12-03T08:60:00",
        "2026-12-03X08:00:00", "2026-12-03T08:00:00+25:00", "2026-12-03T08:00:00 junk",
        "03/12/2026 08:00", "yesterday", "2026-12-03T08:00:0"}) {
    CAPTURE(bad);
    CHECK(local(bad) == "invalid");
  }
  SUBCASE("with a zone") {
    const auto zone = sopctl::TimeZone::load("Asia/Shanghai");
    sopctl::LocalTimeParser p(&*zone);
    CHECK(sopctl::format_local_time(*p.parse("2026-12-03T00:00:00Z")) == "2026-12-03T08:00:00");
    CHECK(sopctl::format_local_time(*p.parse("2026-12-03 08:00:00")) == "2026-12-03T08:00:00");
  }
  SUBCASE("parse_timestamp keeps the offset") {
    const auto t = parse_timestamp("2026-12-03T08:00:00+08:00");
    REQUIRE(t);
    CHECK(t->offset == 8 * 3600);
    CHECK_FALSE(parse_timestamp("2026-12-03T08:00:00")->offset);
  }
}

TEST_CASE("detail::KeptNames finds each name's position, names of one length included") {
  using sopctl::events::detail::KeptNames;
  const std::string long_a(70, 'x');  // names of 64 bytes or more share one bucket
  const std::vector<std::string> names{"view", "join_group", "read", "signup",       "",
                                       "下单", "repurchase", long_a, long_a + long_a};
  const KeptNames kept(names);
  for (std::size_t i = 0; i < names.size(); ++i) {
    CAPTURE(names[i]);
    REQUIRE(kept.find(names[i]));
    CHECK(*kept.find(names[i]) == i);
  }
  CHECK_FALSE(kept.find("vie"));
  CHECK_FALSE(kept.find("View"));
  CHECK_FALSE(kept.find("order"));
  CHECK_FALSE(kept.find(long_a + "x"));
  CHECK_FALSE(KeptNames().find("view"));
  CHECK(kept.names() == names);
}

}  // namespace SOPCTL_TU_ID
