#include <sopctl/lint/lint.hpp>

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Diagnostic;
using sopctl::Diagnostics;
using sopctl::Severity;

namespace {

Diagnostic at(int line, const std::string& rule) {
  return Diagnostic{{"c.sop.yaml", line, 5}, Severity::warning, rule, "m"};
}

// "line rule" of the findings left after suppression.
std::vector<std::string> left(const std::string& text, Diagnostics diags) {
  sopctl::lint::apply_suppressions(diags, {{"c.sop.yaml", text}});
  std::vector<std::string> out;
  for (const Diagnostic& d : diags) {
    out.push_back(std::to_string(d.loc.line) + " " + d.rule);
  }
  return out;
}

}  // namespace

TEST_CASE("lint::apply_suppressions") {
  SUBCASE("at the end of the line: those rules on that line") {
    const std::string text =
        "tasks:\n"
        "  - id: night\n"
        "    at: \"23:00\"  # sopctl: disable=quiet-hours,same-minute\n"
        "    day: 1\n";
    CHECK(left(text, {at(3, "quiet-hours"), at(3, "same-minute"), at(3, "too-many-posts"),
                      at(4, "quiet-hours")}) ==
          std::vector<std::string>{"3 too-many-posts", "4 quiet-hours"});
  }
  SUBCASE("alone on a line: the next line") {
    const std::string text =
        "tasks:\n"
        "    # sopctl: disable=quiet-hours\n"
        "  - {id: night, at: \"23:00\", day: 1}\n"
        "  - {id: late, at: \"23:30\", day: 1}\n";
    CHECK(left(text, {at(3, "quiet-hours"), at(4, "quiet-hours")}) ==
          std::vector<std::string>{"4 quiet-hours"});
  }
  SUBCASE("a block of comment lines applies to the line below it") {
    const std::string text =
        "# 深夜直播是刻意安排的\n"
        "# sopctl: disable = quiet-hours, same-minute\n"
        "# 不要改时间\n"
        "- {id: live, at: \"23:00\", day: 1}\n";
    CHECK(left(text, {at(4, "quiet-hours"), at(4, "same-minute")}).empty());
  }
  SUBCASE("disable=all") {
    const std::string text = "a: 1  # sopctl: disable=all\nb: 2\n";
    CHECK(left(text, {at(1, "quiet-hours"), at(1, "message-too-long"), at(2, "quiet-hours")}) ==
          std::vector<std::string>{"2 quiet-hours"});
  }
  SUBCASE("a block scalar's header line covers its first line of text") {
    const std::string text =
        "script: |  # sopctl: disable=sensitive-word\n"
        "  加微信领取资料\n";
    CHECK(left(text, {at(2, "sensitive-word")}).empty());
  }
  SUBCASE("not a comment, another file, or an unknown line: kept") {
    const std::string text = "script: \"学C#sopctl: disable=all\"\n";
    Diagnostics diags = {at(1, "quiet-hours"), at(9, "quiet-hours"),
                         Diagnostic{{"other.yaml", 1, 1}, Severity::error, "quiet-hours", "m"}};
    sopctl::lint::apply_suppressions(diags, {{"c.sop.yaml", text}});
    CHECK(diags.size() == 3);
  }
  SUBCASE("CRLF line ends and a byte order mark") {
    const std::string text = "\xEF\xBB\xBF# sopctl: disable=quiet-hours\r\n- {at: \"23:00\"}\r\n";
    CHECK(left(text, {at(2, "quiet-hours")}).empty());
  }
}

}  // namespace SOPCTL_TU_ID
