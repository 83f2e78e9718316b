#!/usr/bin/env python3
"""Benchmark: the funnel through ClickHouse (`sopctl funnel --clickhouse`)
beside the local run on the same generated log (bench/gen_events.py, seed 1,
as bench/funnel_bench.sh), same query (view -> join_group -> signup ->
order, 7 days, ordered), and checks that both print the same JSON.

Usage: bench/warehouse_bench.py [path/to/sopctl]   (a Release build)
  ROWS=10000000  rows of the log (bench/data/events-ROWS.csv, made once)
  RUNS=3         runs of each (the median wall time is reported)

Starts Debian's clickhouse-server on 127.0.0.1 (free ports, its own data
directory under bench/data/, stopped at the end; tests/scripts/
warehouse_servers.py), loads the log into a MergeTree table with
clickhouse-client, then times each run from the command line: the local
run reads the CSV, the ClickHouse run sends the query and reads the answer
(the server's work is most of it).
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "scripts"))
from warehouse_servers import ClickHouse, server_command, stop_on_signals  # noqa: E402

STEPS = ["--steps", "view,join_group,signup,order", "--window", "7d"]
COLUMNS = "(user_id String, event String, ts DateTime, `group` String, channel String)"


def timed(cmd):
    start = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.monotonic() - start
    if p.returncode != 0:
        raise RuntimeError("%s: exit %d\n%s" % (" ".join(cmd), p.returncode, p.stderr))
    return wall, p.stdout


def main():
    sopctl = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "release",
                                                                "sopctl")
    rows = int(os.environ.get("ROWS", "10000000"))
    runs = int(os.environ.get("RUNS", "3"))
    data = os.path.join(HERE, "data")
    os.makedirs(data, exist_ok=True)
    log = os.path.join(data, "events-%d.csv" % rows)
    if not os.path.exists(log):
        print("generating", log)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_events.py"), str(rows), "1", log],
                       check=True)
    if server_command("x") is None or shutil.which("clickhouse-client") is None:
        print("clickhouse-server and clickhouse-client are needed (scripts/deps.sh installs them)")
        return 2
    stop_on_signals()
    work = tempfile.mkdtemp(prefix="clickhouse-bench-", dir=data)
    ch = ClickHouse(os.path.join(work, "server"), memory=16 * 10**9)
    try:
        version = ch.query("SELECT version()").strip()
        ch.query("CREATE TABLE ev %s ENGINE = MergeTree ORDER BY (user_id, ts)" % COLUMNS)
        start = time.monotonic()
        # ClickHouse 18.16 reads "YYYY-MM-DD hh:mm:ss": the log's "T" becomes a space.
        sed = subprocess.Popen(["sed", "1d; s/^\\([^,]*,[^,]*,[0-9-]*\\)T/\\1 /", log],
                               stdout=subprocess.PIPE)
        subprocess.run(["clickhouse-client", "--host", "127.0.0.1", "--port", str(ch.tcp),
                        "--query", "INSERT INTO ev FORMAT CSV"], stdin=sed.stdout, check=True)
        sed.wait()
        loaded = time.monotonic() - start
        count = int(ch.query("SELECT count() FROM ev"))
        if count != rows:
            raise RuntimeError("ClickHouse holds %d rows, not %d" % (count, rows))

        local_times, ch_times = [], []
        local_json = ch_json = None
        for _ in range(runs):
            wall, local_json = timed([sopctl, "funnel", log] + STEPS + ["--format", "json", "-q"])
            local_times.append(wall)
            wall, ch_json = timed([sopctl, "funnel", "--clickhouse", ch.url, "--table", "ev"] +
                                  STEPS + ["--format", "json", "-q", "--timeout", "30m"])
            ch_times.append(wall)
    finally:
        ch.stop()
        shutil.rmtree(work, ignore_errors=True)

    def without_path(text):
        doc = json.loads(text)
        doc["input"].pop("path", None)
        return doc

    same = without_path(local_json) == without_path(ch_json)
    size = os.path.getsize(log) / 2**20
    loads = os.getloadavg()
    print("funnel, %d rows (%.0f MiB), %s, 7 days, ordered; %d runs, median wall" % (
        rows, size, STEPS[1].replace(",", " -> "), runs))
    print("  sopctl local (CSV)          %7.2f s   (runs: %s)" % (
        statistics.median(local_times), " ".join("%.2f" % t for t in local_times)))
    print("  sopctl --clickhouse %-8s %7.2f s   (runs: %s)" % (
        version, statistics.median(ch_times), " ".join("%.2f" % t for t in ch_times)))
    print("  ratio ClickHouse / local    %7.1fx" % (
        statistics.median(ch_times) / statistics.median(local_times)))
    print("  loading the table: %.1f s; same JSON: %s; load average %.2f %.2f %.2f" % (
        loaded, "yes" if same else "NO", loads[0], loads[1], loads[2]))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
