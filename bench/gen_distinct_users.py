#!/usr/bin/env python3
"""Deterministic event log in which nearly every row is a new user: the
worst case for the memory of `sopctl funnel` (issue 16, class 11).

Usage: gen_distinct_users.py ROWS SEED OUT.csv

Header: user_id,event,ts,group,channel (the shape of gen_events.py).
Row i belongs to user "wx_" + a 12-hex-digit id unique to i (WeCom external
ids are of this kind and length); 1 row in 50 repeats an earlier user with
a later step, so that the funnel has users past step 1. Events: view (most),
join_group, signup, order. Timestamps spread over 30 days of December 2026,
not sorted. Pure standard library; the same ROWS and SEED give the same bytes.
"""
import random
import sys

EVENTS = ["view", "join_group", "signup", "order"]
GROUPS = ["小丸子美妆研讨所A", "宝妈育儿交流群1", "健身打卡营", "beauty-lab-en"]
CHANNELS = ["wechat", "douyin", "xiaohongshu", "direct"]


def user_id(i, salt):
    return "wx_%012x" % ((i * 0x9E3779B1 + salt) & 0xFFFFFFFFFFFF)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    rows, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(seed)
    salt = rng.getrandbits(32)
    base = 1796083200  # 2026-12-01T00:00:00 as if local were UTC
    lines = ["user_id,event,ts,group,channel\n"]
    with open(out, "w", encoding="utf-8", newline="") as f:
        for i in range(rows):
            if i % 50 == 49:
                u = user_id(i - 1 - rng.randrange(min(i, 1000)), salt)
                ev = EVENTS[1 + rng.randrange(3)]
            else:
                u = user_id(i, salt)
                ev = "view"
            t = base + rng.randrange(30 * 86400)
            day, rest = divmod(t - base, 86400)
            lines.append("%s,%s,2026-12-%02dT%02d:%02d:%02d,%s,%s\n" % (
                u, ev, day + 1, rest // 3600, rest // 60 % 60, rest % 60,
                GROUPS[i % 4], CHANNELS[(i // 4) % 4]))
            if len(lines) >= 100000:
                f.write("".join(lines))
                lines.clear()
        f.write("".join(lines))


if __name__ == "__main__":
    main()
