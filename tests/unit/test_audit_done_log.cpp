#include <sopctl/audit/audit.hpp>
#include <sopctl/base/error.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("audit::read_done_log") {
  // Header names ignore case and quotes; CRLF; an offset is converted.
  const audit::DoneLog log = audit::read_done_log(
      "\"done_at\",Group,task,staff\r\n2026-06-01T08:00:00+00:00,A,read,li\r\n", "d.csv", {},
      nullptr);
  REQUIRE(log.records.size() == 1);
  CHECK(log.records[0].group == "A");
  CHECK(log.records[0].staff == "li");
  CHECK(log.records[0].line == 2);
  CHECK_THROWS_WITH_AS(
      audit::read_done_log("done_at,group,task\n2026-06-01,,\n", "d.csv", {}, nullptr),
      doctest::Contains("d.csv:2: the record names no key"), Error);
}

TEST_CASE("audit::read_done_log renamed columns") {
  audit::DoneColumns cols;
  cols.group = "群名称";
  cols.task = "任务名称";
  const audit::DoneLog log = audit::read_done_log(
      "done_at,群名称,任务名称\n2026-06-01 08:00,一群,早读\n", "d.csv", cols, nullptr);
  REQUIRE(log.records.size() == 1);
  CHECK(log.records[0].group == "一群");
  CHECK(log.records[0].task == "早读");
  CHECK_THROWS_WITH_AS(audit::read_done_log("done_at,群,任务\n", "d.csv", cols, nullptr),
                       doctest::Contains("d.csv:1: the done log needs"), Error);
}

}  // namespace SOPCTL_TU_ID
