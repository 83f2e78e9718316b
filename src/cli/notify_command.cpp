#include "notify_command.hpp"
#include <sopctl/base/i18n.hpp>

#include "customer_input.hpp"
#include "dates.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/calendar/calendar.hpp>
#include <sopctl/net/http.hpp>
#include <sopctl/notify/notify.hpp>
#include <sopctl/text/json_writer.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <thread>

namespace sopctl::cli {
namespace {

struct NotifyOptions {
  std::vector<std::string> sop_files;
  std::vector<std::string> rosters;
  std::string date;
  std::string at;
  std::string within = "60m";
  std::string staff;
  std::string calendar;
  bool text = false;
  CLI::Option* send_flag = nullptr;
  std::string send;  // --send URL; empty with the flag: each staff member's robot
  std::string timeout = "10s";
  CustomerOptions customers;
  OutputOptions out;
};

class RealClock : public notify::Clock {
public:
  double now() override {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
  void sleep(double seconds) override {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  }
};

// SOPCTL_FAKE_CLOCK=1: waits take no time (tests of pacing and back-off).
class FakeClock : public notify::Clock {
public:
  double now() override { return m_now; }
  void sleep(double seconds) override { m_now += seconds; }

private:
  double m_now = 0;
};

std::string json_line(const notify::Digest& d) {
  std::string out = "{\"staff\":" + text::json_quote(d.staff->id.value) + ",\"robot\":";
  out += d.robot.empty() ? "null" : text::json_quote(notify::mask_robot(d.robot));
  out += ",\"payload\":" + d.payload + "}\n";
  return out;
}

std::string staff_name(const notify::Digest& d) {
  return d.staff->name.value.empty() ? d.staff->id.value
                                     : d.staff->name.value + " (" + d.staff->id.value + ")";
}

int send(const NotifyOptions& o, const std::vector<notify::Digest>& digests) {
  if (!o.send.empty() && o.send.rfind("https://", 0) != 0 && o.send.rfind("http://", 0) != 0) {
    throw Error("--send " + o.send + tr(": not a webhook URL (http:// or https://)"));
  }
  for (const notify::Digest& d : digests) {
    if (d.robot.empty()) {
      throw Error(trf(
          "notify: {} has no robot: add `robot: https://qyapi.weixin.qq.com/cgi-bin/webhook/"
          "send?key=...` to the staff member in the roster, or give --send URL (nothing was sent)",
          staff_name(d)));
    }
  }
  const std::int64_t timeout_ms = parse_duration_option("--timeout", o.timeout, false) * 1000;
  RealClock real;
  FakeClock fake;
  const char* fake_env = std::getenv("SOPCTL_FAKE_CLOCK");
  notify::Clock& clock = fake_env != nullptr && std::string(fake_env) == "1"
                             ? static_cast<notify::Clock&>(fake)
                             : static_cast<notify::Clock&>(real);
  const notify::Post post = [timeout_ms](const std::string& url, const std::string& body) {
    const net::HttpResult r = net::post_json(url, body, timeout_ms);
    notify::PostResult p;
    p.kind = r.kind == net::HttpResult::Kind::answered    ? notify::PostResult::Kind::answered
             : r.kind == net::HttpResult::Kind::timed_out ? notify::PostResult::Kind::timed_out
                                                          : notify::PostResult::Kind::failed;
    p.status = r.status;
    p.body = r.body;
    p.error = r.error;
    return p;
  };
  const notify::SendReport report = notify::send_digests(digests, clock, post);
  std::set<std::string> robots;
  for (std::size_t i = 0; i < report.sent; ++i) {
    robots.insert(digests[i].robot);
  }
  std::string summary =
      trf("sent {} of {} digest{} to {} robot{}", report.sent, digests.size(),
          digests.size() == 1 ? "" : "s", robots.size(), robots.size() == 1 ? "" : "s");
  if (report.retries > 0) {
    summary += trf(", {} retr{}", report.retries, report.retries == 1 ? "y" : "ies");
  }
  if (report.waited > 0) {
    summary += trf(", waited {:.0f}s", report.waited);
  }
  if (report.failed) {
    std::fprintf(stderr, tr("sopctl: error: notify: %s\n"), report.error.c_str());
    std::string rest;
    for (std::size_t i = *report.failed; i < digests.size(); ++i) {
      const notify::Digest& d = digests[i];
      rest += (rest.empty() ? "" : ", ") + d.staff->id.value +
              (d.parts > 1 ? fmt::format(" {}/{}", d.part, d.parts) : "");
    }
    std::fprintf(stderr, tr("sopctl: notify: %s; not sent: %s\n"), summary.c_str(), rest.c_str());
    return static_cast<int>(ExitCode::failure);
  }
  if (!o.out.quiet) {
    std::fprintf(stderr, tr("sopctl: notify: %s\n"), summary.c_str());
  }
  return 0;
}

int run_notify(const NotifyOptions& o) {
  Diagnostics diags;
  const load::Inputs in =
      load::load_inputs({o.sop_files, o.rosters, {}, o.customers.encoding}, diags);
  note_repeated(in, o.out);
  if (report_errors(diags)) {
    return static_cast<int>(ExitCode::failure);
  }
  const std::string zone = in.sops.empty() ? "Asia/Shanghai" : in.sops.front().timezone.value;
  notify::Slot slot;
  RangeOptions range;
  range.date = o.date.empty() ? "today" : o.date;
  slot.date = resolve_range(range, zone)->first;
  if (!o.at.empty()) {
    if (o.at == "now") {
      const std::int64_t local = now_local(zone);
      const std::int64_t day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
      slot.at = static_cast<int>((local - day * 86400) / 60);
      if (o.date.empty()) {
        slot.date = Date{static_cast<std::int32_t>(day)};
      }
    } else if (auto t = parse_time_of_day(o.at)) {
      slot.at = *t;
    } else {
      throw Error("--at " + o.at + tr(": not a time (use HH:MM, e.g. 19:30, or 'now')"));
    }
    slot.within_minutes = static_cast<int>(parse_duration_option("--within", o.within, false) / 60);
    if (slot.within_minutes < 1) {
      throw Error("--within " + o.within + tr(": at least 1m"));
    }
  }
  const Calendar calendar = calendar::load(o.calendar);
  PlanRequest req;
  req.from = slot.date;
  req.to = slot.date;
  req.staff = o.staff;
  const CustomerInputs customers = load_customer_inputs(o.customers, in.roster, in.sops);
  req.customers = customers.customers_ptr();
  req.customer_events = customers.events_ptr();
  const Plan plan = expand_plan(in.sops, in.roster, calendar, req);
  const std::vector<notify::Digest> digests = notify::build_digests(
      plan, in.roster, slot, o.text ? notify::Style::text : notify::Style::markdown, o.send);
  if (digests.empty()) {
    if (!o.out.quiet) {
      std::fprintf(
          stderr, "sopctl: notify: nothing to do on %s%s\n", format_date(slot.date).c_str(),
          slot.at
              ? trf(" from {} for {}m", format_time_of_day(*slot.at), slot.within_minutes).c_str()
              : "");
    }
    return 0;
  }
  if (o.send_flag->count() > 0) {
    return send(o, digests);
  }
  std::string lines;
  for (const notify::Digest& d : digests) {
    lines += json_line(d);
  }
  emit(o.out, lines);
  return 0;
}

}  // namespace

Runner setup_notify(CLI::App& app) {
  auto opts = std::make_shared<NotifyOptions>();
  CLI::App* cmd = app.add_subcommand(
      "notify", tr("Send each staff member today's SOP items through WeCom group robots"));
  cmd->footer(
      tr("Examples:\n"
         "  sopctl notify camp.sop.yaml --roster roster.yaml              # dry run: JSON Lines\n"
         "  sopctl notify camp.sop.yaml --roster roster.yaml --send       # to each staff's robot\n"
         "  sopctl notify camp.sop.yaml --roster roster.yaml --at 19:30 --within 60m --text\n"
         "\n"
         "From cron (the morning digest, then a reminder before each slot):\n"
         "  0 8 * * *     sopctl notify sops/*.sop.yaml --roster roster.yaml --send\n"
         "  */30 * * * *  sopctl notify sops/*.sop.yaml --roster roster.yaml --at now --within 30m "
         "--send\n"
         "\n"
         "Without --at the digest holds the whole day, all-day items included; with --at\n"
         "only the timed items from that minute for --within. Without --send nothing is\n"
         "sent: one JSON line per digest {staff, robot (key masked), payload}. Staff\n"
         "carry robot (webhook URL), wecom_userid and mobile (mentions) in the roster.\n"
         "--send posts at most 20 messages a minute per robot, retries 5xx answers and\n"
         "time-outs 3 times (1, 2, 4 s apart) and stops with exit 2 at any other answer.\n"));
  cmd->add_option("sop", opts->sop_files, tr("SOP files (*.sop.yaml)"))
      ->required()
      ->type_name("SOP");
  cmd->add_option("--roster", opts->rosters,
                  tr("Roster file (YAML or CSV); repeat to merge several"))
      ->required()
      ->type_name("FILE")
      ->allow_extra_args(false);
  cmd->add_option("--date", opts->date,
                  tr("The day: a date or 'today' (default, in the SOP's zone)"))
      ->type_name("DATE");
  cmd->add_option("--at", opts->at, tr("Only timed items from this time: HH:MM or 'now'"))
      ->type_name("HH:MM");
  cmd->add_option("--within", opts->within, tr("With --at: how long the slot lasts"))
      ->default_str("60m")
      ->type_name("DURATION");
  cmd->add_option("--staff", opts->staff, tr("Only this staff member's digest"))->type_name("ID");
  cmd->add_flag("--text", opts->text,
                tr("Text messages with @-mentions (2048 bytes) instead of markdown (4096 bytes)"));
  opts->send_flag = cmd->add_option("--send", opts->send,
                                    tr("Post the digests: to URL, or to each staff member's robot"))
                        ->expected(0, 1)
                        ->type_name("URL");
  cmd->add_option("--timeout", opts->timeout, tr("How long to wait for a robot's answer"))
      ->default_str("10s")
      ->type_name("DURATION");
  cmd->add_option("--calendar", opts->calendar,
                  tr("Workday calendar: 'cn' (built in) or a YAML file"))
      ->check(non_empty_path())
      ->type_name("cn|FILE");
  add_customer_options(*cmd, opts->customers, true);
  add_output_options(*cmd, opts->out, {"jsonl"});
  return [opts] { return run_notify(*opts); };
}

}  // namespace sopctl::cli
