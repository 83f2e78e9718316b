// What comes back from the field: done logs (`audit --done`), the answers
// of a WeCom robot (`notify --send`) and SCRM customer exports
// (`--customers`). The first byte picks which:
//   0: a done log, read and matched against a fixed plan, every format;
//   1: a robot's answer body (notify::parse_answer);
//   2: a customers CSV, loaded and planned with a fixed customer SOP;
//   3: ClickHouse's answer to the funnel query (sql::read_funnel_answer),
//      with and without --by, rendered as JSON;
//   4: ClickHouse's answer to the aarrr query (sql::read_aarrr_answer),
//      rendered as JSON and CSV.

#include "fuzz_common.hpp"

#include <sopctl/audit/audit.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/calendar/calendar.hpp>
#include <sopctl/load/customers.hpp>
#include <sopctl/notify/notify.hpp>
#include <sopctl/render/aarrr_render.hpp>
#include <sopctl/render/audit_render.hpp>
#include <sopctl/render/funnel_render.hpp>
#include <sopctl/sql/aarrr_sql.hpp>
#include <sopctl/sql/sql.hpp>

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

constexpr std::string_view k_customer_sop = R"(sop: follow
kind: customer
title: 跟进
anchor: added
target: {tags_any: [B+, A], tags_none: [已购]}
tasks:
  - {id: hello, title: 破冰, type: education, at: "10:00", day: 1, script: "{customer_name}你好 {owner}"}
  - {id: case, title: 案例, type: education, channel: mass, at: "20:00", days: "2..4", script: "{countdown}"}
  - {id: tip, title: 提醒, type: retention, channel: moments, every: workday, from: 1, to: 14, on_holiday: next-workday}
)";

void customers_file(std::string_view text) {
  static Diagnostics diags;
  static const std::vector<Sop> sops = [] {
    std::vector<Sop> s;
    s.push_back(load_sop(k_customer_sop, "fixed.sop.yaml", diags));
    return s;
  }();
  static const Roster roster = [] {
    Roster r;
    load_roster_yaml(fuzz::k_roster_yaml, "fixed.roster.yaml", r, diags);
    return r;
  }();
  const Customers customers = load_customers(text, "fuzz.customers.csv", roster);
  for (const Customer& c : customers.customers) {
    fuzz::require(roster.find_staff(c.owner) != nullptr, "every owner is a staff id");
    fuzz::require(!c.dates.empty() && c.dates.front().has_value(), "every customer has added");
  }
  PlanRequest req;
  req.customers = &customers;
  req.from = Date::from_ymd(2026, 11, 25);
  req.to = Date::from_ymd(2026, 12, 20);
  const Plan plan = expand_plan(sops, roster, calendar::builtin_cn(), req);
  (void)render::plan_json(plan);
  (void)render::plan_csv(plan, ',');
  (void)render::plan_summary(plan, "table");
}

// A funnel answer is read whole or refused: steps never gain users, every
// segment has step-1 users.
void funnel_answer(std::string_view body) {
  funnel::Spec spec;
  spec.steps = {"view", "join_group", "view", "order"};
  for (const bool by : {false, true}) {
    sql::Source source;
    source.table = "ev";
    source.by_column = by ? "channel" : "";
    try {
      const funnel::Result r = sql::read_funnel_answer(body, spec, source, "fuzz");
      fuzz::require(r.total.steps.size() == spec.steps.size(), "one result per step");
      for (std::size_t k = 1; k < r.total.steps.size(); ++k) {
        fuzz::require(r.total.steps[k].users <= r.total.steps[k - 1].users, "steps never gain");
      }
      for (const funnel::Segment& seg : r.segments) {
        fuzz::require(seg.funnel.steps[0].users > 0, "segments have step-1 users");
      }
      (void)render::funnel_json(r, {});
    } catch (const Error&) {
    }
  }
}

bool is_rate(const std::optional<double>& r) {
  return !r || (*r >= 0 && *r <= 1);
}

// An AARRR answer is read whole or refused: every share is within 0..1.
void aarrr_answer(std::string_view body) {
  aarrr::Spec spec;
  spec.periods = 2;  // as tests/aarrr/clickhouse-answer.tsv was asked
  spec.cost = 5000;
  for (const bool by : {false, true}) {
    sql::AarrrSource source;
    source.events.table = "ev";
    source.events.by_column = by ? "channel" : "";
    source.amount_column = "amount";
    try {
      const aarrr::Result r = sql::read_aarrr_answer(body, spec, source, "fuzz");
      fuzz::require(r.acquisition.users <= r.users, "acquired users have mapped events");
      fuzz::require(is_rate(r.activation.rate) && is_rate(r.revenue.paying_rate) &&
                        is_rate(r.revenue.repeat_rate),
                    "activation and paying are shares of users");
      for (const aarrr::RetentionDay& d : r.retention.days) {
        fuzz::require(d.retained <= d.eligible && is_rate(d.rate), "DN is a share");
      }
      for (const aarrr::Cohort& c : r.retention.cohorts) {
        fuzz::require(c.users > 0, "cohorts have users");
        for (const auto& p : c.periods) {
          fuzz::require(is_rate(p), "cohort cells are shares");
        }
      }
      (void)render::aarrr_json(r, {});
      (void)render::aarrr_csv(r, {});
    } catch (const Error&) {
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  try {
    switch (data[0] % 5) {
      case 0:
        done_log(text);
        break;
      case 1:
        robot_answer(text);
        break;
      case 2:
        customers_file(text);
        break;
      case 3:
        funnel_answer(text);
        break;
      default:
        aarrr_answer(text);
        break;
    }
  } catch (const Error&) {
  }
  return 0;
}
