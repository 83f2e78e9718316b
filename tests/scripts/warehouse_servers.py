"""What the warehouse tests share (test_warehouse.py, test_warehouse_aarrr.py):
a ClickHouse server of their own, tables loaded single and over two shards,
DuckDB through @duckdb/node-api, and the failures list.

ClickHouse (Debian's clickhouse-server) runs on 127.0.0.1 with free ports
and its own data directory, with a cluster `two_shards` whose two shards are
databases s1 and s2 of that server; load() puts a log into `NAME`, and its
rows dealt alternately into `s1.NAME` and `s2.NAME` behind a `Distributed`
table `dist_NAME` (so one user's events sit on both shards). The server dies
with the test (PR_SET_PDEATHSIG) and stop() ends it.
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
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def stop_on_signals():
    """SIGTERM/SIGINT (ctest's timeout, ^C) unwind through the finally that stops the server."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda n, f: sys.exit(128 + n))


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
  <profiles><default><max_memory_usage>{memory}</max_memory_usage></default></profiles>
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

    def __init__(self, directory, memory=2000000000):
        self.dir = directory
        self.http = free_port()
        self.tcp = tcp = free_port()
        for sub in ("data", "tmp", "user_files", "format_schemas"):
            os.makedirs(os.path.join(directory, sub))
        config = os.path.join(directory, "config.xml")
        with open(config, "w") as f:
            f.write(CONFIG.format(d=directory, http=self.http, tcp=tcp))
        with open(os.path.join(directory, "users.xml"), "w") as f:
            f.write(USERS.format(memory=memory))
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



def load(ch, name, columns, rows):
    """Tables NAME (all rows) and dist_NAME over s1.NAME + s2.NAME (rows dealt alternately).

    columns: the CREATE TABLE column list; rows: lists of CSV fields in that order."""
    engine = "ENGINE = MergeTree ORDER BY (user_id, ts)"
    for db in ("s1", "s2"):
        ch.query("CREATE DATABASE IF NOT EXISTS " + db)
    parts = {name: rows, "s1." + name: rows[0::2], "s2." + name: rows[1::2]}
    for table, part in parts.items():
        ch.query("CREATE TABLE %s %s %s" % (table, columns, engine))
        out = tempfile.SpooledTemporaryFile(mode="w+", newline="", encoding="utf-8")
        csv.writer(out, lineterminator="\n").writerows(part)
        out.seek(0)
        ch.query("INSERT INTO %s FORMAT CSV" % table, out.read().encode())
    ch.query("CREATE TABLE dist_%s AS s1.%s ENGINE = Distributed(two_shards, '', %s)"
             % (name, name, name))
    count = ch.query("SELECT count() FROM dist_%s" % name).strip()
    check(count == str(len(rows)), "dist_%s holds %s rows, not %d" % (name, count, len(rows)))


# -------------------------------------------------------------------- DuckDB

# -------------------------------------------------------------------- DuckDB

def duckdb_modules():
    for d in (os.environ.get("SOPCTL_DUCKDB_DIR", ""),
              os.path.join(REPO, "bench", "data", "duckdb-peer")):
        if d and os.path.isdir(os.path.join(d, "node_modules", "@duckdb", "node-api")):
            return os.path.join(d, "node_modules")
    return None



def duckdb_answers(modules, log_csv, queries):
    """DuckDB's rows for each query file over table `ev` (the CSV, ts as TIMESTAMP)."""
    runner = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers",
                          "duckdb_answers.js")
    p = subprocess.run(["node", runner, modules, log_csv] + queries, capture_output=True,
                       text=True, timeout=300)
    if p.returncode != 0:
        raise RuntimeError("DuckDB: " + p.stderr)
    answers = [json.loads(line) for line in p.stdout.splitlines()]
    check(len(answers) == len(queries), "DuckDB: one answer per query")
    return answers


def have_duckdb():
    modules = duckdb_modules()
    if modules is None or shutil.which("node") is None:
        print("SKIP DuckDB: @duckdb/node-api is not installed (scripts/deps.sh installs it)")
        return None
    return modules


def duckdb_queries(work, n, option_sets, sql_of):
    """Query files for log n, one per option set: sql_of(options) gives the text."""
    queries = []
    for i, opts in enumerate(option_sets):
        q = os.path.join(work, "duck_%d_%d.sql" % (n, i))
        with open(q, "w") as f:
            f.write(sql_of(opts))
        queries.append(q)
    return queries


def report(work, what, logs, option_sets, ran):
    """Removes the work directory; prints the verdict; the exit status."""
    shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("%d failures" % len(failures))
        return 1
    print("ok: %d logs x %d option sets, local %s equal on %s" % (
        logs, option_sets, what, "; ".join(ran) or "no server"))
    return 0
