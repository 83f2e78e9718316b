#!/usr/bin/env python3
"""The speed goals of issue 17 in one run: sopctl and DuckDB on the same
generated files, each variant RUNS times (default 5) interleaved (run 1 of
every variant, then run 2, ...) so that a change in load falls on all alike;
prints the medians as the goals table with ratios, the machine's load, and
whether sopctl's answers equal DuckDB's.

Usage: bench/speed_table.py [path/to/sopctl]   (a Release build)
Env:   RUNS=5; ROWS=10000000 (the funnel and aarrr logs);
       CHECK_SIZES="1000000 30000000": also compare the funnel counts with
       DuckDB's on logs of these sizes (generated once, not timed).
Data goes to bench/data/ (gitignored): the generators are gen_events.py,
gen_distinct_users.py, gen_aarrr.py, gen_check.py and gen_roster.py, all
seeded, so the same files on every machine. DuckDB is @duckdb/node-api
from npm, installed into bench/data/duckdb-peer/ as funnel_bench.sh does.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
PEER = os.path.join(DATA, "duckdb-peer")
STEPS = "view,join_group,signup,order"
AARRR_FLAGS = ["--acquisition", "join_group", "--activation", "check_in", "--retention", "read",
               "--revenue", "order", "--referral", "invite", "--by", "channel", "--cost", "50000"]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def generate(path, argv):
    if not os.path.exists(path):
        log(f"generating {os.path.relpath(path, HERE)} ...")
        subprocess.run([sys.executable] + argv, check=True)
    return path


def install_peer():
    if not shutil.which("node"):
        return False
    if not os.path.isdir(os.path.join(PEER, "node_modules", "@duckdb", "node-api")):
        if not shutil.which("npm"):
            return False
        os.makedirs(PEER, exist_ok=True)
        for f in ("package.json", "package-lock.json"):
            shutil.copy(os.path.join(HERE, "duckdb-peer", f), PEER)
        r = subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=PEER,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r.returncode != 0:
            return False
    for f in ("funnel_duckdb.js", "sql_duckdb.js"):
        shutil.copy(os.path.join(HERE, "duckdb-peer", f), PEER)
    return True


class Timed:
    """Runs a command with its own rusage (os.wait4), not the whole tree's."""

    @staticmethod
    def once(argv, ok=(0,)):
        start = time.monotonic()
        with open(os.path.join(DATA, "speed.out"), "wb") as out, \
                open(os.path.join(DATA, "speed.err"), "wb") as err:
            p = subprocess.Popen(argv, stdout=out, stderr=err)
            _, status, usage = os.wait4(p.pid, 0)
        wall = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            with open(os.path.join(DATA, "speed.err"), "rb") as f:
                tail = f.read()[-2000:].decode(errors="replace")
            sys.exit(f"{' '.join(argv)}: exit {code}\n{tail}")
        with open(os.path.join(DATA, "speed.out"), "rb") as f:
            text = f.read()
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text


def funnel_counts_sopctl(text):
    return [s["users"] for s in json.loads(text)["steps"]]


def funnel_counts_duckdb(text):
    return [int(line.split(",")[1]) for line in text.decode().split("\n")[1:] if line]


def main():
    sopctl = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                             os.path.join(HERE, "..", "build", "release", "sopctl"))
    if not os.access(sopctl, os.X_OK):
        sys.exit(f"no sopctl at {sopctl}: build it first (./scripts/setup.sh)")
    runs = int(os.environ.get("RUNS", "5"))
    rows = int(os.environ.get("ROWS", "10000000"))
    os.makedirs(DATA, exist_ok=True)
    g = lambda name: os.path.join(HERE, name)  # noqa: E731
    events = generate(os.path.join(DATA, f"events-{rows}.csv"),
                      [g("gen_events.py"), str(rows), "1", os.path.join(DATA, f"events-{rows}.csv")])
    distinct = generate(os.path.join(DATA, f"distinct-{rows}.csv"),
                        [g("gen_distinct_users.py"), str(rows), "1",
                         os.path.join(DATA, f"distinct-{rows}.csv")])
    aarrr = generate(os.path.join(DATA, f"aarrr-{rows}.csv"),
                     [g("gen_aarrr.py"), str(rows), "1", os.path.join(DATA, f"aarrr-{rows}.csv")])
    generate(os.path.join(DATA, "big.sop.yaml"), [g("gen_check.py"), "10000", "1000", "300", DATA])
    roster = generate(os.path.join(DATA, "roster-1000.yaml"),
                      [g("gen_roster.py"), "1000", "2026-12", os.path.join(DATA, "roster-1000.yaml")])
    peer = install_peer()
    if not peer:
        log("DuckDB peer not available (node/npm): its rows are left out")
    query = os.path.join(DATA, "aarrr-duckdb.sql")
    with open(query, "wb") as f:
        f.write(Timed.once([sopctl, "aarrr"] + AARRR_FLAGS + ["--sql", "duckdb", "--table", "ev"])[3])

    node = shutil.which("node")
    variants = {
        "funnel": [sopctl, "funnel", events, "--steps", STEPS, "--format", "json"],
        "funnel1": [sopctl, "funnel", events, "--steps", STEPS, "--format", "json", "--threads", "1"],
        "distinct": [sopctl, "funnel", distinct, "--steps", STEPS, "--format", "json"],
        "aarrr": [sopctl, "aarrr", aarrr] + AARRR_FLAGS + ["--format", "json", "-q"],
        "check": [sopctl, "check", os.path.join(DATA, "big.sop.yaml"), "--roster",
                  os.path.join(DATA, "big.roster.yaml"), "-q"],
        "plan": [sopctl, "plan", os.path.join(HERE, "..", "examples", "camp-7d.sop.yaml"), "--roster",
                 roster, "--month", "2026-12", "--format", "json"],
    }
    if peer:
        variants["duckdb_funnel"] = [node, os.path.join(PEER, "funnel_duckdb.js"), events, "join"]
        variants["duckdb_aarrr"] = [node, os.path.join(PEER, "sql_duckdb.js"), aarrr, query]
    for path in (events, distinct, aarrr):
        with open(path, "rb") as f:  # into the page cache
            while f.read(1 << 24):
                pass
    load_before = os.getloadavg()
    results = {k: [] for k in variants}
    answers = {}
    for r in range(runs):
        for name, argv in variants.items():
            wall, cpu, peak, out = Timed.once(argv, ok=(0, 1))
            results[name].append((wall, cpu, peak))
            answers[name] = out
            log(f"run {r + 1}/{runs} {name}: {wall:.2f} s, {cpu:.2f} s CPU, {peak:.0f} MiB")
    load_after = os.getloadavg()

    med = {k: tuple(statistics.median(x[i] for x in v) for i in range(3)) for k, v in results.items()}
    rows_out = []

    def row(work, value, unit, goal, limit, base=None):
        shown = f"{value:.0f}{unit}" if unit == " MiB" else f"{value:.2f}{unit}"
        extra = f" ({base})" if base else ""
        rows_out.append((work, shown + extra, goal, "yes" if value <= limit else "no"))

    mb = rows / 1e6
    if peer:
        row(f"funnel {mb:g}M, wall vs DuckDB `join`", med["funnel"][0] / med["duckdb_funnel"][0], "×",
            "≤ 0.10×", 0.10, f"{med['funnel'][0]:.2f} s vs {med['duckdb_funnel'][0]:.2f} s")
    row(f"funnel {mb:g}M, CPU time (2 threads)", med["funnel"][1], " s", "≤ 0.8 s", 0.8)
    row(f"funnel {mb:g}M, 2 threads vs `--threads 1` wall", med["funnel"][0] / med["funnel1"][0], "×",
        "≤ 0.55×", 0.55, f"{med['funnel'][0]:.2f} s vs {med['funnel1'][0]:.2f} s")
    row(f"funnel {mb:g}M, peak memory", med["funnel"][2], " MiB", "≤ 200 MiB", 200)
    row(f"funnel {mb:g}M rows, {mb:g}M distinct users, peak memory", med["distinct"][2], " MiB",
        "≤ 400 MiB", 400)
    if peer:
        row(f"aarrr {mb:g}M (bench flags), wall vs DuckDB SQL", med["aarrr"][0] / med["duckdb_aarrr"][0],
            "×", "≤ 0.15×", 0.15, f"{med['aarrr'][0]:.2f} s vs {med['duckdb_aarrr'][0]:.2f} s")
    row("check 10,000 tasks × 1,000 groups", med["check"][0], " s", "≤ 0.5 s", 0.5)
    row("plan 1,000 groups × a month to JSON", med["plan"][0], " s", "≤ 0.15 s", 0.15)

    print(f"speed goals (issue 17): medians of {runs} interleaved runs, {os.uname().nodename}, "
          f"{os.cpu_count()} cores, load average {load_before[0]:.2f} before and "
          f"{load_after[0]:.2f} after")
    print()
    print("| work | sopctl | goal | met |")
    print("|---|---|---|---|")
    for r in rows_out:
        print("| " + " | ".join(r) + " |")
    print()
    for name in variants:
        w, c, p = med[name]
        print(f"  {name:14} wall {w:6.2f} s   CPU {c:6.2f} s   peak {p:7.0f} MiB")
    failed = False
    if peer:
        a = funnel_counts_sopctl(answers["funnel"])
        b = funnel_counts_duckdb(answers["duckdb_funnel"])
        same = a == b
        failed |= not same
        print(f"  funnel counts {a}: {'same as DuckDB' if same else f'DuckDB says {b}'}")
        for size in os.environ.get("CHECK_SIZES", "").split():
            path = generate(os.path.join(DATA, f"events-{size}.csv"),
                            [g("gen_events.py"), size, "1", os.path.join(DATA, f"events-{size}.csv")])
            a = funnel_counts_sopctl(Timed.once(variants["funnel"][:2] + [path] + variants["funnel"][3:])[3])
            b = funnel_counts_duckdb(Timed.once([node, os.path.join(PEER, "funnel_duckdb.js"), path,
                                                 "join"])[3])
            failed |= a != b
            print(f"  funnel counts on {int(size):,} rows {a}: "
                  f"{'same as DuckDB' if a == b else f'DuckDB says {b}'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
