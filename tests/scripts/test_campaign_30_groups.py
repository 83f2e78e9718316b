#!/usr/bin/python3
"""Issue 18's acceptance: a 30-group roster whose groups open on different
days, each running its own camp SOP with a campaign SOP laid over it
(`sop: [camp, campaign]`). No campaign item may fall outside its group's life
(open + the earliest relative day .. close, or the last relative day), and
the plan in JSON, ICS (read with python3-icalendar) and HTML (read with
html.parser) holds exactly the same items.

Usage: test_campaign_30_groups.py SOPCTL
"""
import collections
import datetime
import html.parser
import json
import os
import subprocess
import sys
import tempfile

try:
    import icalendar
except ImportError:
    sys.exit("test_campaign_30_groups: apt-get install python3-icalendar")

CAMP = """version: 1
sop: camp
title: 14天训练营
timezone: Asia/Shanghai
phases:
  - {id: warmup, name: 预热期, from: -2, to: -1}
  - {id: camp, name: 正式期, from: 1, to: 14}
tasks:
  - {id: countdown, title: 开营倒计时, type: education, channel: group, owner: assistant, at: "20:00", days: "-2..-1", script: "还有{countdown}天开营"}
  - {id: read, title: 每日早读, type: retention, channel: group, owner: assistant, at: "08:00", every: day, phase: camp, script: "第{day}天早读"}
  - {id: live, title: 直播课, type: education, channel: live, owner: owner, at: "20:00", duration: 60m, days: [3, 7, 10], script: "今晚直播"}
  - {id: review, title: 营期复盘, type: review, channel: private, owner: owner, at: "10:00", day: 14, script: "复盘"}
"""

CAMPAIGN = """version: 1
sop: campaign
title: 双12活动
timezone: Asia/Shanghai
anchor: 2026-12-12
tasks:
  - {id: teaser, title: 双12预告, type: activity, channel: group, owner: assistant, at: "12:00", dates: ["2026-12-08..2026-12-11"], script: "距双12还有{countdown}天"}
  - {id: sale, title: 双12秒杀, type: conversion, channel: group, owner: assistant, at: "12:12", date: 2026-12-12, script: "双12秒杀开始"}
  - {id: tips, title: 每周福利, type: retention, channel: group, owner: assistant, at: "15:00", every: [wed], from: 2026-11-01, to: 2026-12-31, script: "周三福利"}
"""


def roster_text():
    lines = ["version: 1", "staff:"]
    for i in range(6):
        lines.append(f"  - {{id: o{i}, name: 老师{i}, roles: [owner]}}")
        lines.append(f"  - {{id: a{i}, name: 助教{i}, roles: [assistant]}}")
    lines.append("groups:")
    start = datetime.date(2026, 11, 8)
    lives = {}
    for g in range(30):
        open_date = start + datetime.timedelta(days=2 * g)
        close = ""
        last = open_date + datetime.timedelta(days=13)
        if g % 5 == 0:
            close_date = open_date + datetime.timedelta(days=20)
            close = f", close: {close_date.isoformat()}"
            last = close_date
        lives[f"G{g:02d}"] = (open_date - datetime.timedelta(days=2), last)
        lines.append(f"  - {{id: G{g:02d}, name: 训练营{g:02d}群, sop: [camp, campaign], "
                     f"open: {open_date.isoformat()}{close}, owner: o{g % 6}, assistants: [a{g % 6}]}}")
    return "\n".join(lines) + "\n", lives


class Cells(html.parser.HTMLParser):
    """(date, time, group, title) of every item inside a <td data-date>: a
    plain <li>, or one group's <li> inside an <li class="many"> whose
    <summary> gives the time and title the groups share."""

    def __init__(self):
        super().__init__()
        self.date = None
        self.span = None
        self.item = None
        self.shared = None  # time and title of the open li.many
        self.depth = 0      # <li> nesting inside li.many
        self.items = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td":
            self.date = a.get("data-date")
        elif tag == "li" and self.date and a.get("class") == "many":
            self.shared = {}
            self.item = self.shared
        elif tag == "li" and self.date:
            self.item = dict(self.shared or {})
            self.depth += self.shared is not None
        elif tag == "span" and self.item is not None:
            self.span = a.get("class")

    def handle_endtag(self, tag):
        if tag != "li" or self.item is None:
            if tag == "span":
                self.span = None
            return
        if self.shared is not None and self.depth == 0:
            self.shared = None  # the li.many itself ends
            self.item = None
            return
        self.items.append((self.date, self.item.get("time", ""),
                           self.item.get("group", "").strip("[]"), self.item.get("title", "")))
        self.depth -= self.shared is not None
        self.item = self.shared

    def handle_data(self, data):
        if self.item is not None and self.span in ("time", "group", "title"):
            self.item[self.span] = self.item.get(self.span, "") + data


def main():
    sopctl = os.path.abspath(sys.argv[1])
    failures = []
    with tempfile.TemporaryDirectory(prefix="sopctl-30-") as tmp:
        paths = {}
        roster, lives = roster_text()
        for name, text in (("camp.sop.yaml", CAMP), ("campaign.sop.yaml", CAMPAIGN), ("roster.yaml", roster)):
            paths[name] = os.path.join(tmp, name)
            open(paths[name], "w", encoding="utf-8").write(text)
        base = [sopctl, "plan", paths["camp.sop.yaml"], paths["campaign.sop.yaml"], "--roster", paths["roster.yaml"],
                "--calendar", "cn"]
        env = dict(os.environ, SOURCE_DATE_EPOCH="1764547200")

        def run(fmt):
            p = subprocess.run(base + ["--from", "2026-11-01", "--to", "2026-12-31", "--format", fmt],
                               capture_output=True, env=env, timeout=60)
            if p.returncode != 0:
                failures.append(f"plan --format {fmt}: exit {p.returncode}: {p.stderr.decode()}")
            return p.stdout.decode("utf-8")

        items = json.loads(run("json"))["items"]
        campaign = [i for i in items if i["sop"] == "campaign"]
        for i in campaign:
            first, last = lives[i["group"]]
            d = datetime.date.fromisoformat(i["date"])
            if not first <= d <= last:
                failures.append(f"campaign item {i['task']} on {d} for {i['group']}, whose life is {first}..{last}")
        reached = {i["group"] for i in campaign if i["task"] == "sale"}
        expected = {g for g, (a, b) in lives.items() if a <= datetime.date(2026, 12, 12) <= b}
        if reached != expected:
            failures.append(f"the 12-12 sale reaches {sorted(reached)}, the groups alive then are {sorted(expected)}")
        want = collections.Counter((i["date"], i["time"] or "全天", i["group"], i["title"]) for i in items)

        cal = icalendar.Calendar.from_ical(run("ics"))
        from_ics = collections.Counter()
        tz = datetime.timezone(datetime.timedelta(hours=8))
        for e in cal.walk("VEVENT"):
            start = e["DTSTART"].dt
            summary = str(e["SUMMARY"])
            group, title = summary[1:summary.index("]")], summary[summary.index("]") + 2:]
            if isinstance(start, datetime.datetime):
                local = start.astimezone(tz)
                from_ics[(local.date().isoformat(), local.strftime("%H:%M"), group, title)] += 1
            else:
                from_ics[(start.isoformat(), "全天", group, title)] += 1
        if from_ics != want:
            failures.append(f"ICS differs from JSON: {sorted((from_ics - want).items())[:3]} / {sorted((want - from_ics).items())[:3]}")

        cells = Cells()
        cells.feed(run("html"))
        from_html = collections.Counter(cells.items)
        if from_html != want:
            failures.append(f"HTML differs from JSON: {sorted((from_html - want).items())[:3]} / {sorted((want - from_html).items())[:3]}")
        print(f"{len(items)} items ({len(campaign)} of the campaign) for 30 groups; JSON, ICS and HTML compared")
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
