#!/usr/bin/env python3
"""Deterministic done log for `sopctl audit`: from a plan (sopctl plan
--format json), a record per item as staff really work: ~80% on time,
~10% late (40 minutes to 5 hours), ~8% missed (no record), and extra
records up to RECORDS in all: unplanned ones (a task done again days after)
and ~1% rows exported twice. A third of the records name the item by key,
the rest by group name and task title, as an SCRM export does.

Usage: gen_done.py PLAN.json RECORDS OUT.csv
"""
import csv
import datetime
import json
import random
import sys


def main():
    plan_path, records, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(plan_path, encoding="utf-8") as f:
        items = json.load(f)["items"]
    rng = random.Random(7)
    rows = []
    for it in items:
        r = rng.random()
        if r < 0.08:
            continue  # missed
        start = datetime.datetime.fromisoformat(it["date"] + " " + (it["time"] or "09:00"))
        delay = rng.randint(-10, 25) if r < 0.9 else rng.randint(40, 300)
        done = start + datetime.timedelta(minutes=delay)
        staff = it["staff"][0]["id"] if it["staff"] else ""
        if rng.random() < 0.33:
            rows.append([done.strftime("%Y-%m-%d %H:%M"), it["key"], "", "", staff])
        else:
            rows.append([done.strftime("%Y-%m-%d %H:%M"), "", it["group_name"], it["title"], staff])
    planned = len(rows)
    while len(rows) < records:
        base = rows[rng.randrange(planned)]
        if rng.random() < 0.3:
            rows.append(list(base))  # exported twice
        elif base[2]:
            t = datetime.datetime.strptime(base[0], "%Y-%m-%d %H:%M") + datetime.timedelta(days=3)
            rows.append([t.strftime("%Y-%m-%d %H:%M"), "", base[2], base[3], base[4]])
    rows.sort(key=lambda r: r[0])
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["done_at", "key", "group", "task", "staff"])
        w.writerows(rows[:records])


if __name__ == "__main__":
    main()
