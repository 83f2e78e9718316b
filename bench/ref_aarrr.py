#!/usr/bin/env python3
"""Plain-Python reference of `sopctl aarrr` (docs/spec.md §2.4), to check its numbers
on generated logs (bench/gen_aarrr.py). Prints the JSON of docs/spec.md §2.4.

Usage: ref_aarrr.py EVENTS.csv [--cost C] [--cohort day|week|month] [--by COL]
                    [--unbounded] [--periods N]
Stages: acquisition join_group, activation check_in, retention read,
revenue order (column amount), referral invite (column referrer);
7-day activation window; time zone Asia/Shanghai (UTC+8, no DST).
Independent of the C++ code: dates via datetime, sums via decimal.Decimal.
"""
import argparse
import collections
import csv
import datetime
import decimal
import json
import sys

TZ = datetime.timezone(datetime.timedelta(hours=8))
STAGES = {"join_group": "acq", "check_in": "act", "read": "ret", "order": "rev",
          "invite": "ref"}


def local(ts):
    s = ts.replace("T", " ")
    if s.endswith("+00:00"):
        d = datetime.datetime.fromisoformat(s[:-6]).replace(tzinfo=datetime.timezone.utc)
        return d.astimezone(TZ).replace(tzinfo=None)
    return datetime.datetime.fromisoformat(s)


def unit(day, kind):
    if kind == "day":
        return day.toordinal()
    if kind == "week":
        return (day.toordinal() - 1) // 7     # ordinal 1, 0001-01-01, was a Monday
    return day.year * 12 + day.month - 1


def unit_end(u, kind):
    if kind == "day":
        return datetime.date.fromordinal(u)
    if kind == "week":
        return datetime.date.fromordinal(u * 7 + 7)
    y, m = divmod(u + 1, 12)
    return datetime.date(y, m + 1, 1) - datetime.timedelta(days=1)


def unit_start(u, kind):
    if kind == "day":
        return datetime.date.fromordinal(u)
    if kind == "week":
        return datetime.date.fromordinal(u * 7 + 1)
    y, m = divmod(u, 12)
    return datetime.date(y, m + 1, 1)


def ratio(a, b):
    return None if b == 0 else a / b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--cost", type=float)
    ap.add_argument("--cohort", default="day")
    ap.add_argument("--by")
    ap.add_argument("--unbounded", action="store_true")
    ap.add_argument("--periods", type=int)
    a = ap.parse_args()

    per_user = collections.defaultdict(list)   # user -> [(ts, row index, stage, row)]
    end = None
    with open(a.csv, newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            t = local(row["ts"])
            end = t if end is None or t > end else end
            st = STAGES.get(row["event"])
            if st and row["user_id"]:
                per_user[row["user_id"]].append((t, i, st, row))
    end_day = end.date() if end else None

    acq = {}
    for u, evs in per_user.items():
        joins = [e for e in evs if e[2] == "acq"]
        if joins:
            acq[u] = min(joins, key=lambda e: (e[0], e[1]))
    n = len(acq)
    first = min((unit(e[0].date(), a.cohort) for e in acq.values()), default=None)
    periods = 0
    if first is not None:
        last = unit(end_day, a.cohort)
        if unit_end(last, a.cohort) > end_day:
            last -= 1
        cap = a.periods if a.periods is not None else (30 if a.cohort == "day" else 12)
        periods = max(0, min(cap, last - first))

    by = collections.Counter()
    activated = 0
    days = {1: [0, 0], 7: [0, 0], 30: [0, 0]}
    cohorts = collections.defaultdict(lambda: [0, [0] * (periods + 1)])
    paying = repeat = invites = 0
    revenue = decimal.Decimal(0)
    referred, referrers = 0, set()
    for u, (t0, _, _, row0) in acq.items():
        if a.by:
            by[row0[a.by]] += 1
        if row0.get("referrer"):
            referred += 1
            referrers.add(row0["referrer"])
        d0 = t0.date()
        c0 = unit(d0, a.cohort)
        later = [e for e in per_user[u] if e[0] >= t0]
        if any(e[2] == "act" and (e[0] - t0).total_seconds() <= 7 * 86400 for e in later):
            activated += 1
        offs = {(e[0].date() - d0).days for e in later if e[2] == "ret"}
        ks = {unit(e[0].date(), a.cohort) - c0 for e in later if e[2] == "ret"}
        for dn, acc in days.items():
            if d0 + datetime.timedelta(days=dn) <= end_day:
                acc[1] += 1
                hit = (max(offs, default=-1) >= dn) if a.unbounded else dn in offs
                acc[0] += hit
        c = cohorts[c0]
        c[0] += 1
        c[1][0] += 1
        for k in range(1, periods + 1):
            hit = (max(ks, default=-1) >= k) if a.unbounded else k in ks
            c[1][k] += hit
        orders = [e for e in later if e[2] == "rev"]
        if orders:
            paying += 1
            repeat += len(orders) >= 2
            revenue += sum(decimal.Decimal(e[3]["amount"].strip()) for e in orders)
        invites += sum(1 for e in later if e[2] == "ref")

    out_cohorts = []
    for c0 in sorted(cohorts):
        users, ret = cohorts[c0]
        ps = []
        for k in range(periods + 1):
            complete = k == 0 or unit_end(c0 + k, a.cohort) <= end_day
            ps.append(ret[k] / users if complete else None)
        out_cohorts.append({"cohort": unit_start(c0, a.cohort).isoformat(), "users": users,
                            "periods": ps})
    rev = float(revenue)
    ipu = ratio(invites, n)
    conv = ratio(referred, invites)
    result = {
        "acquisition": {"users": n, "by": [{"value": v, "users": k} for v, k in
                                           sorted(by.items(), key=lambda x: (-x[1], x[0]))]},
        "activation": {"users": activated, "rate": ratio(activated, n)},
        "retention": {"d1": ratio(*days[1]), "d7": ratio(*days[7]), "d30": ratio(*days[30]),
                      "cohorts": out_cohorts},
        "revenue": {"paying_users": paying, "paying_rate": ratio(paying, n), "revenue": rev,
                    "arpu": ratio(rev, n), "arppu": ratio(rev, paying),
                    "repeat_rate": ratio(repeat, paying)},
        "referral": {"invites": invites, "referred": referred, "referrers": len(referrers),
                     "invites_per_user": ipu, "invite_conversion": conv,
                     "k_factor": None if ipu is None or conv is None else ipu * conv},
        "roi": None if a.cost is None else {
            "cost": a.cost, "roi": ratio(rev - a.cost, a.cost),
            "cost_per_acquired": ratio(a.cost, n), "cost_per_paying": ratio(a.cost, paying)},
    }
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
