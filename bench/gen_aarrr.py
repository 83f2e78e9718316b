#!/usr/bin/env python3
"""Deterministic generator of event logs for the `sopctl aarrr` benchmark.

Usage: gen_aarrr.py ROWS SEED OUT.csv

Header: user_id,event,ts,channel,amount,referrer
  ts        ISO 8601 local time (Asia/Shanghai) without offset, e.g.
            2026-12-01T08:03:15; about 1% of rows carry the same instant in
            UTC with "+00:00" (so it may fall on the next local day)
  event     join_group (acquisition), check_in (activation), read
            (retention), order (revenue), invite (referral), plus view and
            share, which no stage maps
  amount    on order rows: 9.9, 19.9, 99, 199.00, 1299.5 ...; empty elsewhere
  referrer  on about 20% of join_group rows: the id of an earlier user

Shape: users join over 90 days from 2026-12-01, from six channels; about 3%
join twice (a second join later on, from another channel), about 4% never
join (their views, reads and orders are ignored by aarrr), and about 1% order
before they join. After joining, a user checks in (often within 7 days),
comes back to read on a decaying number of days (calendar days 1, 7 and 30
are all populated), may order (some several times) and invite others.
Rows are written in chunks of users, each chunk ordered by time plus jitter:
the file as a whole is not sorted. Exactly ROWS data rows are written.
Pure standard library; the output is byte-identical for the same ROWS and SEED.

Sizes: 3,000,000 rows are 139 MiB, 10,000,000 rows 461 MiB.
"""
import random
import sys
import datetime

CHANNELS = ["wechat", "douyin", "xiaohongshu", "weibo", "sms", "direct"]
CHANNEL_W = [0.42, 0.22, 0.16, 0.08, 0.05, 0.07]
PRICES = ["9.9", "19.9", "99", "199.00", "299", "1299.5", "0.01"]
PRICE_W = [0.30, 0.25, 0.20, 0.12, 0.08, 0.04, 0.01]
BASE = datetime.datetime(2026, 12, 1, 0, 0, 0)
SPAN_DAYS = 90           # users join during these days
MAX_DAYS = 200           # timestamps are clamped below this
CHUNK_USERS = 2000
DAY = 86400


def cumulative(weights):
    out, acc = [], 0.0
    for w in weights:
        acc += w
        out.append(acc / sum(weights))
    return out


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    rows, seed, out_path = int(argv[1]), int(argv[2]), argv[3]
    rnd = random.Random(seed)
    r = rnd.random
    expo = rnd.expovariate

    day_prefix = [(BASE + datetime.timedelta(days=d)).strftime("%Y-%m-%dT")
                  for d in range(MAX_DAYS + 1)]
    hms = ["%02d:%02d:%02d" % (h, m, s)
           for h in range(24) for m in range(60) for s in range(60)]
    max_t = MAX_DAYS * DAY - 1
    ccum, pcum = cumulative(CHANNEL_W), cumulative(PRICE_W)

    def pick(cum, items):
        x = r()
        for i, c in enumerate(cum):
            if x < c:
                return items[i]
        return items[-1]

    def ts(t):
        if t > max_t:
            t = max_t
        if r() < 0.01:                    # the same instant written in UTC
            u = t - 8 * 3600
            if u >= 0:
                return "%s%s+00:00" % (day_prefix[u // DAY], hms[u % DAY])
        return day_prefix[t // DAY] + hms[t % DAY]

    def at_hour(day, lo=7, hi=23):
        return day * DAY + int((lo + r() * (hi - lo)) * 3600)

    earlier = []                          # ids of users seen so far (referrers)

    def gen_user(uid, ev):
        """Append (t, event, channel, amount, referrer) tuples for one user."""
        ch = pick(ccum, CHANNELS)
        d0 = int(r() * SPAN_DAYS)
        t = at_hour(d0)
        for _ in range(int(expo(1.0))):   # browsing before joining
            ev.append((t - int(r() * 3 * DAY), "view", ch, "", ""))
        if r() < 0.04:                    # never joins: all ignored
            for _ in range(1 + int(expo(0.7))):
                ev.append((t + int(r() * 20 * DAY), "read", ch, "", ""))
            if r() < 0.2:
                ev.append((t + int(r() * 5 * DAY), "order", ch, pick(pcum, PRICES), ""))
            return
        if r() < 0.01:                    # orders before joining
            ev.append((t - 3600, "order", ch, pick(pcum, PRICES), ""))
        ref = earlier[int(r() * len(earlier))] if earlier and r() < 0.2 else ""
        ev.append((t, "join_group", ch, "", ref))
        if r() < 0.03:                    # joins again later, elsewhere
            ev.append((t + int(r() * 20 * DAY), "join_group", pick(ccum, CHANNELS), "", ""))
        engaged = r()
        if engaged < 0.55:                # activation
            delay = int(expo(1 / (2.5 * DAY)))
            ev.append((t + delay, "check_in", ch, "", ""))
        # retention: each later day with a decaying chance
        p = 0.45 if engaged < 0.55 else 0.12
        for d in range(1, 61):
            if r() < p * (0.93 ** d) + (0.04 if d in (1, 7, 30) and engaged < 0.3 else 0):
                ev.append((at_hour(d0 + d, 6, 24), "read", ch, "", ""))
                if r() < 0.3:
                    ev.append((at_hour(d0 + d, 6, 24), "share", ch, "", ""))
        if r() < (0.25 if engaged < 0.55 else 0.05):   # revenue
            n = 1 + (int(expo(1.2)) if r() < 0.35 else 0)
            for _ in range(n):
                ev.append((t + int(expo(1 / (6.0 * DAY))), "order", ch, pick(pcum, PRICES), ""))
        if r() < 0.15:                    # referral
            for _ in range(1 + int(expo(0.6))):
                ev.append((t + int(expo(1 / (4.0 * DAY))), "invite", ch, "", ""))
        earlier.append(uid)

    written = 0
    counter = 0
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        f.write("user_id,event,ts,channel,amount,referrer\n")
        while written < rows:
            batch = []
            for _ in range(CHUNK_USERS):
                counter += 1
                uid = "u%010d" % ((counter * 2654435761) & 0xFFFFFFFF)
                ev = []
                gen_user(uid, ev)
                for t, e, ch, amount, ref in ev:
                    if t < 0:
                        t = 0
                    batch.append((t + r() * 120.0 - 60.0,
                                  "%s,%s,%s,%s,%s,%s\n" % (uid, e, ts(t), ch, amount, ref)))
            batch.sort(key=lambda x: x[0])
            need = rows - written
            if len(batch) > need:
                batch = batch[:need]
            f.write("".join(line for _, line in batch))
            written += len(batch)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
