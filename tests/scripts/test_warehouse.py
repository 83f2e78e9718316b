#!/usr/bin/python3
"""The funnel on real warehouses gives exactly the local figures (SPEC 5.6).

Starts ClickHouse (Debian's clickhouse-server) on 127.0.0.1 with free ports
and its own data directory under a temporary directory, with a cluster
`two_shards` whose two shards are databases s1 and s2 of that server. Each
generated event log (bench/gen_events.py, six seeds) is loaded three ways:
one table `ev_N`, and its rows dealt alternately into `s1.ev_N` and
`s2.ev_N` behind a `Distributed` table `dist_N` (so one user's events sit
on both shards and the per-user arrays are merged across them). For every
log and every option set (modes, windows, repeated steps, --by, --by-step):

  * `sopctl funnel --clickhouse URL --table ev_N --format json` and the
    same with `--table dist_N` print the local run's JSON (`sopctl funnel
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
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

REPO = os.environ.get("SOPCTL_REPO") or os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
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
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


# ---------------------------------------------------------------- ClickHouse

CONFIG = """<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>{d}/server.log</log><errorlog>{d}/error.log</errorlog>
    <console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>{http}</http_port>
  <tcp_port>{tcp}</tcp_port>
  <path>{d}/data/</path>
  <tmp_path>{d}/tmp/</tmp_path>
  <user_files_path>{d}/user_files/</user_files_path>
  <format_schema_path>{d}/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>Asia/Shanghai</timezone>
  <mark_cache_size>5368709</mark_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
  <remote_servers>
    <two_shards>
      <shard><replica><host>127.0.0.1</host><port>{tcp}</port>
        <default_database>s1</default_database></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>{tcp}</port>
        <default_database>s2</default_database></replica></shard>
    </two_shards>
  </remote_servers>
</yandex>
"""
USERS = """<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time>
  </interval></default></quotas>
</yandex>
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def die_with_parent():
    """In the server's child: SIGKILL when this script dies, however it dies."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def server_command(config):
    if shutil.which("clickhouse-server"):
        return [shutil.which("clickhouse-server"), "--config-file=" + config]
    if shutil.which("clickhouse"):
        return [shutil.which("clickhouse"), "server", "--config-file=" + config]
    return None


class ClickHouse:
    """One clickhouse-server in its own directory, stopped by stop()."""

    def __init__(self, directory):
        self.dir = directory
        self.http = free_port()
        tcp = free_port()
        for sub in ("data", "tmp", "user_files", "format_schemas"):
            os.makedirs(os.path.join(directory, sub))
        config = os.path.join(directory, "config.xml")
        with open(config, "w") as f:
            f.write(CONFIG.format(d=directory, http=self.http, tcp=tcp))
        with open(os.path.join(directory, "users.xml"), "w") as f:
            f.write(USERS)
        self.url = "http://127.0.0.1:%d/" % self.http
        self.proc = subprocess.Popen(server_command(config), cwd=directory,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True, preexec_fn=die_with_parent)
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url + "ping", timeout=2) as r:
                    if r.read() == b"Ok.\n":
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if self.proc.poll() is not None or time.time() > deadline:
                log = open(os.path.join(directory, "error.log"), errors="replace").read() \
                    if os.path.exists(os.path.join(directory, "error.log")) else ""
                self.stop()
                raise RuntimeError("clickhouse-server did not start:\n" + log[-2000:])
            time.sleep(0.2)

    def query(self, sql, data=None):
        body = sql.encode() if data is None else data
        url = self.url + ("" if data is None else "?query=" + urllib.parse.quote(sql))
        req = urllib.request.Request(url, data=body, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.read().decode()
        except urllib.error.HTTPError as e:
            raise RuntimeError("ClickHouse: %s\n%s" % (sql[:200], e.read().decode()[:2000]))

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def load(ch, log_csv, n):
    """Tables ev_N (all rows) and dist_N over s1.ev_N + s2.ev_N (rows dealt alternately)."""
    with open(log_csv, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    columns = "(user_id String, event String, ts DateTime, `group` String, channel String)"
    engine = "ENGINE = MergeTree ORDER BY (user_id, ts)"
    parts = {"ev_%d" % n: rows, "s1.ev_%d" % n: rows[0::2], "s2.ev_%d" % n: rows[1::2]}
    for table, part in parts.items():
        ch.query("CREATE TABLE %s %s %s" % (table, columns, engine))
        out = tempfile.SpooledTemporaryFile(mode="w+", newline="", encoding="utf-8")
        w = csv.writer(out, lineterminator="\n")
        for r in part:
            w.writerow([r[0], r[1], r[2].replace("T", " "), r[3], r[4]])
        out.seek(0)
        ch.query("INSERT INTO %s FORMAT CSV" % table, out.read().encode())
    ch.query("CREATE TABLE dist_%d AS s1.ev_%d ENGINE = Distributed(two_shards, '', ev_%d)"
             % (n, n, n))
    count = ch.query("SELECT count() FROM dist_%d" % n).strip()
    check(count == str(len(rows)), "dist_%d holds %s rows, not %d" % (n, count, len(rows)))


# -------------------------------------------------------------------- DuckDB

def duckdb_modules():
    for d in (os.environ.get("SOPCTL_DUCKDB_DIR", ""),
              os.path.join(REPO, "bench", "data", "duckdb-peer")):
        if d and os.path.isdir(os.path.join(d, "node_modules", "@duckdb", "node-api")):
            return os.path.join(d, "node_modules")
    return None


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
    # SIGTERM/SIGINT (ctest's timeout, ^C) unwind through the finally that stops the server.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda n, f: sys.exit(128 + n))
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
            ch.query("CREATE DATABASE s1")
            ch.query("CREATE DATABASE s2")
            for n, path in logs:
                load(ch, path, n)
            for (n, i), want in local.items():
                for table in ("ev_%d" % n, "dist_%d" % n):
                    got = sopctl(binary, OPTION_SETS[i] + ["--clickhouse", ch.url, "--table",
                                                          table, "--format", "json"])
                    check(without_input_path(got) == without_input_path(want),
                          "ClickHouse %s, options %d: not the local JSON" % (table, i))
            version = ch.query("SELECT version()").strip()
        finally:
            ch.stop()
        ran.append("ClickHouse %s (single node and Distributed over 2 shards)" % version)

    modules = duckdb_modules()
    if modules is None or shutil.which("node") is None:
        print("SKIP DuckDB: @duckdb/node-api is not installed (scripts/deps.sh installs it)")
    else:
        runner = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers",
                              "duckdb_answers.js")
        for n, path in logs:
            queries = []
            for i, opts in enumerate(OPTION_SETS):
                q = os.path.join(work, "duck_%d_%d.sql" % (n, i))
                with open(q, "w") as f:
                    f.write(sopctl(binary, opts + ["--sql", "duckdb", "--table", "ev"]))
                queries.append(q)
            p = subprocess.run(["node", runner, modules, path] + queries, capture_output=True,
                               text=True, timeout=300)
            if p.returncode != 0:
                raise RuntimeError("DuckDB: " + p.stderr)
            answers = p.stdout.splitlines()
            check(len(answers) == len(OPTION_SETS), "DuckDB: one answer per query")
            for i, answer in enumerate(answers):
                compare_duckdb(json.loads(answer), json.loads(local[(n, i)]),
                               "DuckDB log %d, options %d" % (n, i))
        ran.append("DuckDB (@duckdb/node-api)")

    shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("%d failures" % len(failures))
        return 1
    print("ok: %d logs x %d option sets, local figures equal on %s" % (
        len(logs), len(OPTION_SETS), "; ".join(ran) or "no server"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
