#!/usr/bin/python3
"""The funnel on real warehouses gives exactly the local figures (SPEC 5.6).

Starts ClickHouse on 127.0.0.1 with its own ports and data directory
(warehouse_servers.py). Each generated event log (bench/gen_events.py, six
seeds) is loaded as one table `ev_N` and over two shards behind a
`Distributed` table `dist_ev_N` (one user's events on both shards, so the
per-user arrays are merged across them). For every
log and every option set (modes, windows, repeated steps, --by, --by-step):

  * `sopctl funnel --clickhouse URL --table ev_N --format json` and the
    same with `--table dist_ev_N` print the local run's JSON (`sopctl funnel
    LOG.csv ... --format json`) byte for byte, but for the input's name;
  * `sopctl funnel --sql duckdb --table ev` run in DuckDB
    (@duckdb/node-api, tests/scripts/peers/duckdb_answers.js) gives every
    local number: users, median/p90/mean per step, time to convert, the
    histogram, rows and users, for everyone and per --by value.

A server that is not installed is reported as skipped (scripts/deps.sh
installs both). The server is stopped at the end, also on failure.

Usage: test_warehouse.py SOPCTL
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

from warehouse_servers import (REPO, ClickHouse, check, duckdb_answers, duckdb_queries,
                               have_duckdb, load, report, server_command, stop_on_signals)

LOGS = [(1, 1500), (2, 2500), (3, 4000), (4, 3000), (5, 6000), (6, 2000)]  # seed, rows
OPTION_SETS = [
    ["--steps", "view,join_group,signup,order"],
    ["--steps", "view,join_group,signup,order", "--by", "channel"],
    ["--steps", "view,join_group,read,signup", "--mode", "strict", "--window", "1d",
     "--by", "group", "--by-step", "last"],
    ["--steps", "view,signup,order,repurchase", "--window", "3d", "--by", "channel",
     "--by-step", "2"],
    ["--steps", "join_group,read,read,order", "--mode", "strict", "--window", "2d"],
]
COLUMNS = "(user_id String, event String, ts DateTime, `group` String, channel String)"


def compare_duckdb(rows, local, what):
    """Every figure of the DuckDB answer rows against the local run's JSON."""
    def count(v):
        return int(v)

    def num(v):
        return None if v is None else float(v)

    def same_funnel(row, steps, ttc, label):
        for k, step in enumerate(steps, 1):
            check(count(row["users_%d" % k]) == step["users"], "%s: users_%d %s != %s" % (
                label, k, row["users_%d" % k], step["users"]))
            if k >= 2:
                for col, key in (("median", "median_seconds_from_previous"),
                                 ("p90", "p90_seconds_from_previous"),
                                 ("mean", "mean_seconds_from_previous")):
                    got = num(row["%s_%d" % (col, k)])
                    check(got == step[key], "%s: %s_%d %r != %r" % (label, col, k, got, step[key]))
        check(count(row["ttc_users"]) == ttc["users"], label + ": ttc_users")
        for col, key in (("ttc_p50", "p50_seconds"), ("ttc_p90", "p90_seconds"),
                         ("ttc_mean", "mean_seconds")):
            check(num(row[col]) == ttc[key], "%s: %s %r != %r" % (label, col, row[col], ttc[key]))
        hist = [count(row["hist_%d" % b]) for b in range(1, len(ttc["histogram"]) + 1)]
        check(hist == [b["users"] for b in ttc["histogram"]], label + ": histogram")

    totals = [r for r in rows if str(r.get("is_total", "1")) == "1"]
    check(len(totals) == 1, what + ": one totals row")
    if not totals:
        return
    t = totals[0]
    same_funnel(t, local["steps"], local["time_to_convert"], what + " (everyone)")
    check(count(t["rows"]) == local["input"]["rows"], what + ": rows")
    check(count(t["users"]) == local["input"]["users"], what + ": users")
    if "by" not in local:
        check(len(rows) == 1, what + ": one row without --by")
        return
    segments = {s["value"]: s for s in local["by"]["segments"]}
    answered = {r["seg"]: r for r in rows if str(r["is_total"]) == "0" and count(r["users_1"]) > 0}
    check(sorted(answered) == sorted(segments), what + ": the --by values")
    for value, seg in segments.items():
        if value in answered:
            same_funnel(answered[value], seg["steps"], seg["time_to_convert"],
                        "%s (%s)" % (what, value))


# ---------------------------------------------------------------------- main

def sopctl(binary, args):
    p = subprocess.run([binary, "funnel"] + args, capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError("sopctl funnel %s: exit %d\n%s" % (" ".join(args), p.returncode,
                                                             p.stderr))
    return p.stdout


def without_input_path(text):
    doc = json.loads(text)
    doc["input"].pop("path", None)
    return doc


def main():
    binary = sys.argv[1]
    stop_on_signals()
    work = tempfile.mkdtemp(prefix="sopctl-warehouse-")
    logs = []
    for n, (seed, rows) in enumerate(LOGS, 1):
        path = os.path.join(work, "ev_%d.csv" % n)
        subprocess.run([sys.executable, os.path.join(REPO, "bench", "gen_events.py"), str(rows),
                        str(seed), path], check=True)
        logs.append((n, path))
    local = {(n, i): sopctl(binary, [path] + opts + ["--format", "json"])
             for n, path in logs for i, opts in enumerate(OPTION_SETS)}

    ran = []
    if server_command("x") is None:
        print("SKIP ClickHouse: clickhouse-server is not installed (scripts/deps.sh installs it)")
    else:
        ch = ClickHouse(os.path.join(work, "clickhouse"))
        try:
            for n, path in logs:
                with open(path, newline="", encoding="utf-8") as f:
                    rows = [[r[0], r[1], r[2].replace("T", " "), r[3], r[4]]
                            for r in list(csv.reader(f))[1:]]
                load(ch, "ev_%d" % n, COLUMNS, rows)
            for (n, i), want in local.items():
                for table in ("ev_%d" % n, "dist_ev_%d" % n):
                    got = sopctl(binary, OPTION_SETS[i] + ["--clickhouse", ch.url, "--table",
                                                          table, "--format", "json"])
                    check(without_input_path(got) == without_input_path(want),
                          "ClickHouse %s, options %d: not the local JSON" % (table, i))
            version = ch.query("SELECT version()").strip()
        finally:
            ch.stop()
        ran.append("ClickHouse %s (single node and Distributed over 2 shards)" % version)

    modules = have_duckdb()
    if modules is not None:
        for n, path in logs:
            queries = duckdb_queries(work, n, OPTION_SETS, lambda opts: sopctl(
                binary, opts + ["--sql", "duckdb", "--table", "ev"]))
            for i, rows in enumerate(duckdb_answers(modules, path, queries)):
                compare_duckdb(rows, json.loads(local[(n, i)]),
                               "DuckDB log %d, options %d" % (n, i))
        ran.append("DuckDB (@duckdb/node-api)")

    return report(work, "figures", len(logs), len(OPTION_SETS), ran)


if __name__ == "__main__":
    sys.exit(main())
