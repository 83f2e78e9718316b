#!/usr/bin/python3
"""Checks `sopctl plan --format ics` with an independent parser (icalendar).

Usage: test_ics_icalendar.py SOPCTL_BINARY, with SOPCTL_REPO=<repo root>.
Debian's python3 is named on purpose: python3-icalendar lives there.

Case 1 is the bundled example; case 2 is a small SOP written to a temp dir
with the awkward parts (long CJK scripts, TEXT specials, an all-day task, a
second SOP in a zone that changes to winter time inside the range).
"""

import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import zoneinfo

try:
    import icalendar
except ImportError:
    sys.exit("test_ics_icalendar: python3-icalendar is missing (apt-get install python3-icalendar)")

SOURCE_DATE_EPOCH = "1764547200"  # 2025-12-01T00:00:00Z
EXPECTED_DTSTAMP = datetime.datetime(2025, 12, 1, tzinfo=datetime.timezone.utc)


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def run(sopctl, args):
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    proc = subprocess.run([sopctl, "plan", *args], env=env, capture_output=True, timeout=60)
    if proc.returncode != 0:
        raise Failure("sopctl plan %s exited %d:\n%s" % (" ".join(args), proc.returncode,
                                                      proc.stderr.decode("utf-8", "replace")))
    return proc.stdout


def sop_timezones(sop_paths):
    zones = {}
    for path in sop_paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        sop = re.search(r"^sop:\s*([^\s#]+)", text, re.M)
        tz = re.search(r"^timezone:\s*([^\s#]+)", text, re.M)
        if sop:
            zones[sop.group(1)] = tz.group(1) if tz else "Asia/Shanghai"
    return zones


def check_lines(ics):
    check(ics.endswith(b"\r\n"), "output does not end with CRLF")
    lines = ics[:-2].split(b"\r\n")
    for n, line in enumerate(lines, 1):
        check(b"\n" not in line and b"\r" not in line, "line %d: bare CR or LF" % n)
        check(len(line) <= 75, "line %d is %d octets (> 75): %r" % (n, len(line), line))
        # Each physical line holds whole characters: no fold split one.
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            raise Failure("line %d is not valid UTF-8 on its own (a fold split a "
                          "character?): %s" % (n, e))


def check_case(name, sopctl, args, sop_paths, expect_summaries=()):
    ics1 = run(sopctl, args + ["--format", "ics"])
    ics2 = run(sopctl, args + ["--format", "ics"])
    check(ics1 == ics2, "two runs gave different bytes")
    check_lines(ics1)

    items = json.loads(run(sopctl, args + ["--format", "json"]))["items"]
    check(items, "the plan has no items; the case tests nothing")

    cal = icalendar.Calendar.from_ical(ics1)
    events = cal.walk("VEVENT")
    check(len(events) == len(items),
          "%d VEVENTs for %d items" % (len(events), len(items)))

    uids = [str(e["UID"]) for e in events]
    check(len(set(uids)) == len(uids), "UIDs are not unique")
    uids2 = [str(e["UID"]) for e in icalendar.Calendar.from_ical(ics2).walk("VEVENT")]
    check(uids == uids2, "UIDs differ between runs")

    zones = sop_timezones(sop_paths)
    summaries = []
    for event, item in zip(events, items):
        where = "%s %s %s" % (item["date"], item["group"], item["task"])
        summary = str(event["SUMMARY"])
        summaries.append(summary)
        expected = "[%s] %s" % (item["group"], item["title"])
        check(summary == expected, "%s: SUMMARY %r, expected %r" % (where, summary, expected))
        check(str(event.get("LOCATION", "")) == item["group_name"],
              "%s: LOCATION %r" % (where, str(event.get("LOCATION", ""))))
        check(str(event["DESCRIPTION"]).startswith(item["script"]),
              "%s: DESCRIPTION does not start with the script" % where)
        check(event["DTSTAMP"].dt == EXPECTED_DTSTAMP,
              "%s: DTSTAMP %s" % (where, event["DTSTAMP"].dt))

        start = event["DTSTART"].dt
        if item.get("time"):
            check(isinstance(start, datetime.datetime), "%s: DTSTART is not a date-time" % where)
            check(start.tzinfo is not None and start.utcoffset() is not None,
                  "%s: DTSTART %s has neither a TZID nor UTC" % (where, start))
            local = start.astimezone(zoneinfo.ZoneInfo(zones.get(item["sop"], "Asia/Shanghai")))
            got = local.strftime("%Y-%m-%d %H:%M")
            check(got == "%s %s" % (item["date"], item["time"]),
                  "%s: DTSTART is %s local time" % (where, got))
            check(event["DURATION"].dt > datetime.timedelta(0), "%s: no duration" % where)
        else:
            check(type(start) is datetime.date and str(start) == item["date"],
                  "%s: all-day DTSTART %r" % (where, start))
            check(event["DTEND"].dt == start + datetime.timedelta(days=1),
                  "%s: all-day DTEND %r" % (where, event["DTEND"].dt))

    for s in expect_summaries:
        check(s in summaries, "no event with the summary %r" % s)
    print("ok: %s: %d events" % (name, len(events)))


TMP_SOP = """\
sop: tmp-camp
title: 临时训练营
timezone: Asia/Shanghai
phases:
  - {id: warmup, name: 预热期, from: -2, to: -1}
  - {id: camp, name: 正式期, from: 1, to: 5}
tasks:
  - id: poster
    title: 预热海报,转发朋友圈
    type: fission
    channel: moments
    owner: assistant
    day: -1
    script: "转发海报; 集赞 38 个送资料包\\\\领取方式见群公告"
  - id: morning-read
    title: 每日早读
    type: retention
    channel: group
    owner: assistant
    at: "08:00"
    every: day
    phase: camp
    script: "早上好,今天是第{day}天:{phase_name}。今日早读已发群文件,读完回复「已读」,连续打卡七天送化妆刷一套,名额有限先到先得!"
  - id: live
    title: 直播课「底妆不卡粉」
    type: education
    channel: live
    owner: owner
    at: "20:00"
    duration: 90m
    days: [1, 3]
    script: |
      今晚 8 点直播,主题:底妆不卡粉;
      提前 5 分钟进直播间,有福袋 🎁
"""

TMP_SOP_BERLIN = """\
sop: tmp-berlin
title: 柏林华人群
timezone: Europe/Berlin
tasks:
  - id: greet
    title: 早安问候
    type: retention
    channel: group
    owner: owner
    at: "09:00"
    days: "1..8"
    script: "早安,柏林!"
"""

TMP_ROSTER = """\
staff:
  - {id: wanzi, name: 小丸子, roles: [owner]}
  - {id: li, name: 李顾问, roles: [assistant]}
groups:
  - {id: A, name: 小丸子美妆研讨所A, sop: tmp-camp, open: 2026-12-03, owner: wanzi, assistants: [li]}
  - {id: B, name: "研讨所B, 周末班", sop: tmp-camp, open: 2026-12-05, owner: wanzi, assistants: [li]}
  - {id: DE, name: 柏林群, sop: tmp-berlin, open: 2026-10-21, owner: wanzi}
"""


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: test_ics_icalendar.py SOPCTL_BINARY (with SOPCTL_REPO set)")
    sopctl = sys.argv[1]
    repo = os.environ.get("SOPCTL_REPO") or os.path.dirname(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    failures = 0

    example_sop = os.path.join(repo, "examples", "camp-7d.sop.yaml")
    example_roster = os.path.join(repo, "examples", "roster.yaml")
    cases = [("examples/camp-7d", [example_sop, "--roster", example_roster, "--month", "2026-12"],
              [example_sop], ["[A] 每日早读"])]

    with tempfile.TemporaryDirectory(prefix="sopctl-ics-") as tmp:
        paths = {}
        for name, text in [("tmp.sop.yaml", TMP_SOP), ("berlin.sop.yaml", TMP_SOP_BERLIN),
                           ("roster.yaml", TMP_ROSTER)]:
            paths[name] = os.path.join(tmp, name)
            with open(paths[name], "w", encoding="utf-8") as f:
                f.write(text)
        sops = [paths["tmp.sop.yaml"], paths["berlin.sop.yaml"]]
        # 2026-10-25 ends summer time in Berlin: those items are written in UTC.
        cases.append(("temp SOPs", sops + ["--roster", paths["roster.yaml"],
                                           "--from", "2026-10-20", "--to", "2026-12-31"],
                      sops, ["[A] 每日早读", "[B] 直播课「底妆不卡粉」", "[A] 预热海报,转发朋友圈",
                             "[DE] 早安问候"]))
        for name, args, sop_paths, summaries in cases:
            try:
                check_case(name, sopctl, args, sop_paths, summaries)
            except (Failure, subprocess.TimeoutExpired, ValueError, KeyError) as e:
                print("FAIL: %s: %s" % (name, e), file=sys.stderr)
                failures += 1
        try:
            check_alarms(sopctl, [example_sop, "--roster", example_roster, "--month", "2026-12"])
        except (Failure, subprocess.TimeoutExpired, ValueError, KeyError) as e:
            print("FAIL: --alarm: %s" % e, file=sys.stderr)
            failures += 1
    return 1 if failures else 0


def check_alarms(sopctl, args):
    """--alarm 15m: every event has one VALARM, DISPLAY, 15 minutes before."""
    ics = run(sopctl, args + ["--format", "ics", "--alarm", "15m"])
    cal = icalendar.Calendar.from_ical(ics)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    check(events, "no events")
    for event in events:
        alarms = [c for c in event.subcomponents if c.name == "VALARM"]
        check(len(alarms) == 1, "%s: %d alarms" % (event["UID"], len(alarms)))
        alarm = alarms[0]
        check(str(alarm["ACTION"]) == "DISPLAY", "ACTION %r" % str(alarm["ACTION"]))
        check(alarm["TRIGGER"].dt == -datetime.timedelta(minutes=15),
              "TRIGGER %r" % alarm["TRIGGER"].dt)
        check(str(alarm["DESCRIPTION"]), "an alarm without DESCRIPTION")
    ics = run(sopctl, args + ["--format", "ics", "--alarm", "1h30m"])
    alarm = [c for c in icalendar.Calendar.from_ical(ics).walk() if c.name == "VALARM"][0]
    check(alarm["TRIGGER"].dt == -datetime.timedelta(minutes=90), "TRIGGER of 1h30m")
    print("ok: --alarm: %d events with a VALARM" % len(events))


if __name__ == "__main__":
    sys.exit(main())
