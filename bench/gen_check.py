#!/usr/bin/env python3
"""Deterministic input for the check benchmark: one SOP with TASKS tasks
(day numbers, ranges, and a share of calendar-dependent `every` tasks with
on_holiday) and a roster of GROUPS groups opening on OPENS distinct days.

Usage: gen_check.py TASKS GROUPS OPENS OUT_DIR   (e.g. 10000 1000 300 data)
Writes OUT_DIR/big.sop.yaml and OUT_DIR/big.roster.yaml.
"""
import datetime
import os
import random
import sys


def main():
    n_tasks, n_groups, n_opens, out_dir = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = random.Random(7)
    types = ["education", "retention", "activity", "conversion", "fission", "review"]
    channels = ["group", "group", "group", "private", "moments", "live", "announcement", "mass"]
    out = ["sop: big", "title: 大型训练营", "phases:",
           "  - {id: warmup, name: 预热期, from: -3, to: -1}",
           "  - {id: camp, name: 正式期, from: 1, to: 60}",
           "setup:", "  announcement: 每天早 8 点早读,晚 8 点直播课", "  welcome: 欢迎 %NICKNAME% 进群",
           "  rules: [不发广告]", "  sensitive_words: [加微信, 返利]", "tasks:"]
    for i in range(n_tasks):
        at = f"{rng.randint(8, 21):02d}:{rng.choice([0, 15, 30, 45]):02d}"
        r = rng.random()
        if r < 0.7:
            sel = f"day: {rng.choice([d for d in range(-3, 61) if d != 0])}"
        elif r < 0.9:
            a = rng.randint(1, 35)
            sel = f'days: "{a}..{a + rng.randint(1, 20)}"'
        elif r < 0.95:
            sel = "every: workday\n    phase: camp\n    on_holiday: next-workday"
        else:
            sel = "every: day\n    phase: warmup"
        out.append(f"  - id: t{i}\n    type: {rng.choice(types)}\n    channel: {rng.choice(channels)}\n"
                   f"    owner: assistant\n    at: \"{at}\"\n    {sel}\n"
                   f"    script: \"第{{day}}天的任务 {i}:今天讲护肤的第 {i % 50} 个小技巧,记得打卡~\"")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "big.sop.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    roster = ["staff:", "  - {id: wanzi, name: 小丸子, roles: [owner]}",
              "  - {id: li, name: 李顾问, roles: [assistant]}", "groups:"]
    base = datetime.date(2026, 1, 5)
    for g in range(n_groups):
        open_date = base + datetime.timedelta(days=g % n_opens)
        roster.append(f"  - {{id: G{g}, sop: big, open: {open_date}, owner: wanzi, assistants: [li], size: 200}}")
    with open(os.path.join(out_dir, "big.roster.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(roster) + "\n")


if __name__ == "__main__":
    main()
