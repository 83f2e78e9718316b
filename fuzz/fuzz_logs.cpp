// What comes back from the field: done logs (`audit --done`) and the answers
// of a WeCom robot (`notify --send`). The first byte picks which:
//   0: a done log, read and matched against a fixed plan, every format;
//   1: a robot's answer body (notify::parse_answer).

#include "fuzz_common.hpp"

#include <sopctl/audit/audit.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/calendar/calendar.hpp>
#include <sopctl/notify/notify.hpp>
#include <sopctl/render/audit_render.hpp>

using namespace sopctl;

namespace {

void done_log(std::string_view text) {
  static Diagnostics diags;
  static const std::vector<Sop> sops = [] {
    std::vector<Sop> s;
    s.push_back(load_sop(fuzz::k_sop_yaml, "fixed.sop.yaml", diags));
    return s;
  }();
  static const Roster roster = [] {
    Roster r;
    load_roster_yaml(fuzz::k_roster_yaml, "fixed.roster.yaml", r, diags);
    return r;
  }();
  static const Calendar calendar = calendar::builtin_cn();
  static const Plan plan = expand_plan(sops, roster, calendar, {});
  const audit::DoneLog log = audit::read_done_log(text, "fuzz.done.csv", {}, nullptr);
  for (const audit::By by : {audit::By::staff, audit::By::group, audit::By::task, audit::By::day}) {
    audit::Options o;
    o.from = plan.from;
    o.to = plan.to;
    o.by = by;
    const audit::Report r = audit::run_audit(plan, sops, roster, nullptr, log, o);
    fuzz::require(r.totals.planned == static_cast<std::int64_t>(r.items.size()),
                  "every planned item of the range is counted once");
    fuzz::require(
        r.totals.on_time + r.totals.late + r.totals.missed + r.totals.pending == r.totals.planned,
        "statuses add up to planned");
    render::AuditRenderOptions ro;
    ro.list = by == audit::By::staff;
    (void)render::audit_table(r, ro);
    (void)render::audit_json(r, ro);
    (void)render::audit_csv(r, ro);
    (void)render::audit_markdown(r, ro);
  }
}

// An answer is read or refused, never half-read; an errmsg is the bytes of a
// JSON string, so the summary line can print it.
void robot_answer(std::string_view body) {
  if (const auto a = notify::parse_answer(body)) {
    fuzz::require(a->errmsg.size() <= body.size() * 2, "errmsg no longer than its escapes allow");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  try {
    switch (data[0] % 2) {
      case 0:
        done_log(text);
        break;
      default:
        robot_answer(text);
        break;
    }
  } catch (const Error&) {
  }
  return 0;
}
