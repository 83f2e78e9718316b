#!/usr/bin/python3
"""AARRR on real warehouses gives exactly the local figures (SPEC 5.6).

Six generated logs (bench/gen_aarrr.py: channels, amounts, referrers, about
1% of timestamps in UTC with an offset, users acquired twice or ordering
before they join) are loaded into ClickHouse as one table `aa_N` and over
two shards behind `dist_aa_N` (warehouse_servers.py), and into DuckDB, with
times as local wall time (Asia/Shanghai). For every log and option set
(day, week and month cohorts, --unbounded, activation windows, --periods,
--by, --cost, an event serving two stages):

  * `sopctl aarrr --clickhouse URL --table aa_N --format json` and the same
    with `--table dist_aa_N` print the local run's JSON byte for byte: the
    acquisition (per --by value), activation, D1/D7/D30, the cohort table,
    revenue, referral and ROI;
  * `sopctl aarrr --sql duckdb --table ev` run in DuckDB gives rows that,
    folded here (by day into D1/D7/D30 and cohorts, as
    aarrr::retention_of_days does), equal every local figure.

A server that is not installed is reported as skipped (scripts/deps.sh
installs both). The server is stopped at the end, also on failure.

Usage: test_warehouse_aarrr.py SOPCTL
"""
import calendar
import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile

from warehouse_servers import (REPO, ClickHouse, check, duckdb_answers, duckdb_queries,
                               have_duckdb, load, report, server_command, stop_on_signals)

LOGS = [(1, 2000), (2, 3000), (3, 5000), (4, 2500), (5, 8000), (6, 4000)]  # seed, rows
STAGES = ["--acquisition", "join_group", "--activation", "check_in", "--retention", "read",
          "--revenue", "order", "--referral", "invite"]
OPTION_SETS = [
    STAGES + ["--by", "channel", "--cost", "5000"],
    STAGES + ["--cohort", "week", "--unbounded", "--activation-window", "3d"],
    STAGES + ["--cohort", "month", "--periods", "3", "--activation-window", "none", "--by",
              "channel"],
    ["--acquisition", "join_group", "--activation", "check_in,read", "--retention",
     "read,order", "--revenue", "order", "--referral", "invite", "--periods", "10",
     "--unbounded", "--cost", "100"],
]
COLUMNS = ("(user_id String, event String, ts DateTime, channel String, amount String, "
           "referrer String)")
ZONE = datetime.timezone(datetime.timedelta(hours=8))  # Asia/Shanghai, no DST since 1991


def local_rows(path):
    """The log's rows with every time as local wall time "YYYY-MM-DD hh:mm:ss"."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    for r in rows[1:]:
        t = datetime.datetime.fromisoformat(r[2])
        if t.tzinfo is not None:
            t = t.astimezone(ZONE).replace(tzinfo=None)
        r[2] = t.strftime("%Y-%m-%d %H:%M:%S")
    return rows


# ------------------------------------------------- folding DuckDB's answer

def unit_of(day, unit):
    if unit == "day":
        return day
    if unit == "week":
        return (day + 3) // 7
    d = datetime.date(1970, 1, 1) + datetime.timedelta(days=day)
    return d.year * 12 + d.month - 1


def unit_end(u, unit):
    if unit == "day":
        return u
    if unit == "week":
        return u * 7 - 3 + 6
    y, m = divmod(u, 12)
    last = datetime.date(y, m + 1, calendar.monthrange(y, m + 1)[1])
    return (last - datetime.date(1970, 1, 1)).days


def unit_start_text(u, unit):
    if unit == "day":
        d = datetime.date(1970, 1, 1) + datetime.timedelta(days=u)
    elif unit == "week":
        d = datetime.date(1970, 1, 1) + datetime.timedelta(days=u * 7 - 3)
    else:
        d = datetime.date(u // 12, u % 12 + 1, 1)
    return d.isoformat()


def ratio(a, b):
    return None if b == 0 else a / b


def fold(rows, opts):
    """The local JSON's figures from DuckDB's rows (aarrr_answer.cpp's folding, again)."""
    def opt(name, default):
        return opts[opts.index(name) + 1] if name in opts else default
    unit = opt("--cohort", "day")
    cap = int(opt("--periods", {"day": 30, "week": 12, "month": 12}[unit]))
    cost = float(opts[opts.index("--cost") + 1]) if "--cost" in opts else None
    total = [r for r in rows if int(r["is_total"]) == 1][0]
    acquired = [r for r in rows if int(r["is_total"]) == 0 and int(r["kind"]) == 2]
    end = int(total["last_ts"]) // 86400
    n = lambda key: sum(int(r[key]) for r in acquired)  # noqa: E731
    users = n("users")
    out = {}
    by = {}
    if "--by" in opts:
        for r in acquired:
            by[r["seg"]] = by.get(r["seg"], 0) + int(r["users"])
    out["acquisition"] = {"users": users, "by": [
        {"value": v, "users": u} for v, u in sorted(by.items(), key=lambda x: (-x[1], x[0]))]}
    out["activation"] = {"users": n("activated"), "rate": ratio(n("activated"), users)}
    ret = {}
    for day in (1, 7, 30):
        ok = [r for r in acquired if int(r["acq_day"]) + day <= end]
        ret["d%d" % day] = ratio(sum(int(r["hit_%d" % day]) for r in ok),
                                 sum(int(r["users"]) for r in ok))
    cohorts = {}
    for r in acquired:
        c = cohorts.setdefault(unit_of(int(r["acq_day"]), unit), [0] * (cap + 1))
        c[0] += int(r["users"])
        for k in range(1, cap + 1):
            c[k] += int(r["p_%d" % k])
    periods = 0
    if cohorts:
        last = unit_of(end, unit)
        if unit_end(last, unit) > end:
            last -= 1
        periods = min(max(last - min(cohorts), 0), cap)
    ret["cohorts"] = [
        {"cohort": unit_start_text(u, unit), "users": c[0],
         "periods": [1.0] + [c[k] / c[0] if unit_end(u + k, unit) <= end else None
                             for k in range(1, periods + 1)]}
        for u, c in sorted(cohorts.items())]
    out["retention"] = ret
    paying = n("paying")
    revenue = n("micros") / 1e6 + sum(float(r["other"]) for r in acquired)
    out["revenue"] = {"paying_users": paying, "paying_rate": ratio(paying, users),
                      "revenue": revenue, "arpu": ratio(revenue, users),
                      "arppu": ratio(revenue, paying), "repeat_rate": ratio(n("repeaters"), paying)}
    invites, referred = n("invites"), n("referred")
    ipu, conv = ratio(invites, users), ratio(referred, invites)
    out["referral"] = {"invites": invites, "referred": referred,
                       "referrers": int(total["referrers"]), "invites_per_user": ipu,
                       "invite_conversion": conv,
                       "k_factor": None if ipu is None or conv is None else ipu * conv}
    out["roi"] = None if cost is None else {
        "cost": cost, "roi": ratio(revenue - cost, cost), "cost_per_acquired": ratio(cost, users),
        "cost_per_paying": ratio(cost, paying)}
    return out


def same(got, want, path, what):
    """Every value of `want` (the local JSON) equal in `got`, floats exactly."""
    if isinstance(want, dict):
        check(isinstance(got, dict) and sorted(got) == sorted(want),
              "%s: %s: keys %s, not %s" % (what, path, sorted(got or {}), sorted(want)))
        for k in want:
            if isinstance(got, dict) and k in got:
                same(got[k], want[k], path + "." + k, what)
    elif isinstance(want, list):
        check(isinstance(got, list) and len(got) == len(want),
              "%s: %s: %d items, not %d" % (what, path, len(got or []), len(want)))
        for i, (g, w) in enumerate(zip(got or [], want)):
            same(g, w, "%s[%d]" % (path, i), what)
    else:
        check(got == want, "%s: %s: %r, not %r" % (what, path, got, want))


# ---------------------------------------------------------------------- main

def sopctl(binary, args):
    p = subprocess.run([binary, "aarrr", "-q"] + args, capture_output=True, text=True,
                       timeout=120)
    if p.returncode != 0:
        raise RuntimeError("sopctl aarrr %s: exit %d\n%s" % (" ".join(args), p.returncode,
                                                            p.stderr))
    return p.stdout


def main():
    binary = sys.argv[1]
    stop_on_signals()
    work = tempfile.mkdtemp(prefix="sopctl-warehouse-aarrr-")
    logs = []
    for n, (seed, size) in enumerate(LOGS, 1):
        path = os.path.join(work, "aa_%d.csv" % n)
        subprocess.run([sys.executable, os.path.join(REPO, "bench", "gen_aarrr.py"), str(size),
                        str(seed), path], check=True)
        local_csv = os.path.join(work, "aa_%d_local.csv" % n)
        rows = local_rows(path)
        with open(local_csv, "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
        logs.append((n, path, local_csv, rows[1:]))
    local = {(n, i): sopctl(binary, [path] + opts + ["--format", "json"])
             for n, path, _, _ in logs for i, opts in enumerate(OPTION_SETS)}
    most_cohorts = [0] * len(OPTION_SETS)
    for (n, i), text in local.items():  # the logs exercise what they should
        doc = json.loads(text)
        check(doc["acquisition"]["users"] > 100 and doc["revenue"]["paying_users"] > 0 and
              doc["referral"]["referred"] > 0 and doc["retention"]["cohorts"],
              "log %d, options %d: too little data to compare" % (n, i))
        most_cohorts[i] = max(most_cohorts[i], len(doc["retention"]["cohorts"]))
    check(min(most_cohorts) > 1, "some option set never has two cohorts: %s" % most_cohorts)

    ran = []
    if server_command("x") is None:
        print("SKIP ClickHouse: clickhouse-server is not installed (scripts/deps.sh installs it)")
    else:
        ch = ClickHouse(os.path.join(work, "clickhouse"))
        try:
            for n, _, _, rows in logs:
                load(ch, "aa_%d" % n, COLUMNS, rows)
            for (n, i), want in local.items():
                for table in ("aa_%d" % n, "dist_aa_%d" % n):
                    got = sopctl(binary, OPTION_SETS[i] + ["--clickhouse", ch.url, "--table",
                                                          table, "--format", "json"])
                    check(got == want, "ClickHouse %s, options %d: not the local JSON" % (table, i))
            version = ch.query("SELECT version()").strip()
        finally:
            ch.stop()
        ran.append("ClickHouse %s (single node and Distributed over 2 shards)" % version)

    modules = have_duckdb()
    if modules is not None:
        for n, _, local_csv, _ in logs:
            queries = duckdb_queries(work, n, OPTION_SETS, lambda opts: sopctl(
                binary, opts + ["--sql", "duckdb", "--table", "ev"]))
            for i, rows in enumerate(duckdb_answers(modules, local_csv, queries)):
                same(fold(rows, OPTION_SETS[i]), json.loads(local[(n, i)]), "aarrr",
                     "DuckDB log %d, options %d" % (n, i))
        ran.append("DuckDB (@duckdb/node-api)")

    return report(work, "AARRR figures", len(logs), len(OPTION_SETS), ran)


if __name__ == "__main__":
    sys.exit(main())
