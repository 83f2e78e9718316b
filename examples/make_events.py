#!/usr/bin/env python3
"""Writes examples/events.csv: a small, deterministic event log for the four
example groups (an SCRM export after the December camps), for the README's
funnel and aarrr tour. Run from the repository root: python3 examples/make_events.py
"""
import csv
import datetime
import random

OPEN = {"A": "2026-12-03", "B": "2026-12-10", "C": "2026-12-17", "D": "2026-12-28"}
CHANNELS = [("朋友圈海报", 0.45), ("公众号", 0.30), ("老带新", 0.25)]


def pick_channel(rng):
    r, acc = rng.random(), 0.0
    for name, share in CHANNELS:
        acc += share
        if r < acc:
            return name
    return CHANNELS[-1][0]


def main():
    rng = random.Random(20261203)
    rows = []
    joined = []  # (user, join time) so far, for picking referrers
    uid = 0
    for group, open_day in OPEN.items():
        opened = datetime.datetime.fromisoformat(open_day + "T00:00:00")
        for _ in range(rng.randint(110, 150)):
            uid += 1
            user = f"u{uid:04d}"
            channel = pick_channel(rng)
            t = opened - datetime.timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 10), minutes=rng.randint(0, 59))
            t = t.replace(hour=rng.randint(9, 21))
            earlier = [(u, jt) for u, jt in joined if jt < t - datetime.timedelta(hours=2)]
            if channel == "老带新" and not earlier:
                channel = "公众号"
            referrer = ""
            if channel == "老带新":
                referrer, referrer_joined = rng.choice(earlier)
                # the referrer shared the invite poster (老带新) after joining,
                # often with one or two friends who did not come
                for _ in range(rng.choice([1, 1, 2, 3])):
                    gap = (t - referrer_joined).total_seconds()
                    it = referrer_joined + datetime.timedelta(seconds=rng.randint(60, int(gap) - 60))
                    rows.append([referrer, "invite", it, group, channel, "", ""])
            rows.append([user, "join_group", t, group, channel, "", referrer])
            joined.append((user, t))
            # reads: most members read the morning post on a few camp days
            reads = [d for d in range(1, 8) if rng.random() < 0.55]
            for d in reads:
                rt = opened + datetime.timedelta(days=d - 1, hours=8, minutes=rng.randint(0, 90))
                rows.append([user, "read", rt, group, channel, "", ""])
            if reads and rng.random() < 0.45:
                st = opened + datetime.timedelta(days=4, hours=20, minutes=rng.randint(5, 100))
                rows.append([user, "signup", st, group, channel, "", ""])
                if rng.random() < 0.5:
                    ot = st + datetime.timedelta(minutes=rng.randint(3, 2000))
                    rows.append([user, "order", ot, group, channel, rng.choice(["1999", "2999", "1999"]), ""])
    rng.shuffle(rows)  # SCRM exports are not sorted
    with open("examples/events.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["user_id", "event", "ts", "group", "channel", "amount", "referrer"])
        for r in rows:
            w.writerow([r[0], r[1], r[2].strftime("%Y-%m-%d %H:%M:%S")] + r[3:])


if __name__ == "__main__":
    main()
