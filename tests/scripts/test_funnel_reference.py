#!/usr/bin/python3
"""Compares `sopctl funnel --format json` with the reference implementation.

Usage: test_funnel_reference.py SOPCTL_BINARY, with SOPCTL_REPO=<repo root>.

Event logs come from bench/gen_events.py (a few thousand rows, several
seeds); the reference is bench/ref_funnel.py (plain Python, agrees with
ClickHouse's windowFunnel), loaded as a module so that its steps and window
can be changed, and run with --check (a second, independent algorithm).
Logs are read with one thread and with two (the parallel reader's chunks
must meet exactly), and once more with the rows shuffled (order must not
matter).
"""

import contextlib
import importlib.util
import io
import json
import os
import random
import subprocess
import sys
import tempfile

REPO = os.environ.get("SOPCTL_REPO") or os.path.join(os.path.dirname(__file__), "..", "..")
BENCH = os.path.join(REPO, "bench")


def load_reference():
    spec = importlib.util.spec_from_file_location("ref_funnel", os.path.join(BENCH, "ref_funnel.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def reference(ref, path, steps, window):
    ref.STEPS = steps
    ref.STEP_IDX = {s: i for i, s in enumerate(steps)}
    ref.WINDOW = window
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = ref.main(["ref_funnel.py", path, "--check"])
    assert rc == 0, rc
    lines = out.getvalue().strip().splitlines()[1:]
    return [int(line.split(",")[1]) for line in lines]


def sopctl(binary, path, steps, window, threads):
    cmd = [binary, "funnel", path, "--steps", ",".join(steps), "--window", window,
           "--format", "json", "--threads", str(threads)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit("FAIL: %s exited %d: %s" % (" ".join(cmd), res.returncode, res.stderr))
    doc = json.loads(res.stdout)
    return [s["users"] for s in doc["steps"]]


def main():
    binary = sys.argv[1]
    ref = load_reference()
    cases = [
        # (rows, seed, steps, window for sopctl, window in seconds for the reference)
        (4000, 1, ["view", "join_group", "signup", "order"], "7d", 7 * 86400),
        (5000, 2, ["view", "join_group", "signup", "order"], "7d", 7 * 86400),
        (3000, 3, ["view", "join_group", "signup", "order"], "1d", 86400),
        (3000, 4, ["view", "signup", "order"], "2h", 7200),
        (3000, 5, ["join_group", "read", "signup"], "30m", 1800),
        (3000, 6, ["view", "order"], "7d", 7 * 86400),
        (3000, 7, ["view", "join_group", "signup", "order"], "none", 10**12),
        (20000, 8, ["view", "join_group", "signup", "order", "repurchase"], "7d", 7 * 86400),
    ]
    failures = 0
    passed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for rows, seed, steps, window, window_s in cases:
            path = os.path.join(tmp, "events-%d-%d.csv" % (rows, seed))
            subprocess.run([sys.executable, os.path.join(BENCH, "gen_events.py"), str(rows),
                            str(seed), path], check=True)
            want = reference(ref, path, steps, window_s)
            variants = [(path, 1), (path, 2)]
            if seed % 2 == 0:
                with open(path, encoding="utf-8", newline="") as f:
                    header, *body = f.readlines()
                random.Random(seed).shuffle(body)
                shuffled = path + ".shuffled.csv"
                with open(shuffled, "w", encoding="utf-8", newline="") as f:
                    f.write(header + "".join(body))
                variants.append((shuffled, 2))
            for p, threads in variants:
                got = sopctl(binary, p, steps, window, threads)
                name = "%s seed %d %s window %s threads %d" % (
                    os.path.basename(p), seed, ",".join(steps), window, threads)
                if got != want:
                    print("FAIL %s: sopctl %s, reference %s" % (name, got, want))
                    failures += 1
                else:
                    print("ok   %s: %s" % (name, got))
                    passed += 1
    print("%d passed, %d failed" % (passed, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
