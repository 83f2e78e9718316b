#!/usr/bin/env python3
"""funnel --exclude against a plain-Python reference on generated logs.

The reference is written from docs/funnel.md, not from the C++: per user,
step events sorted by (time, step index); every step-1 event starts an
attempt that takes the earliest eligible event for each next step (within
the window, `strict`: no other step's event in between); the attempt is cut
at the first exclusion event at or after its step I and before a step up to
J; a user's level is the best cut attempt. Logs from bench/gen_events.py
(`read` and `repurchase` are no steps here, so they serve as exclusions).
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(HERE, "..", "..", "bench")
sys.path.insert(0, BENCH)
from ref_funnel import to_secs  # noqa: E402


def attempt(evs, start, steps, window, strict):
    """Times of the steps reached by the attempt starting at evs[start]."""
    t0 = evs[start][0]
    times = [t0]
    cur = start
    for k in range(1, len(steps)):
        nxt = None
        for q in range(cur + 1, len(evs)):
            ts, name = evs[q]
            if ts > t0 + window:
                break
            if name == steps[k]:
                nxt = q
                break
            if strict and name != steps[k - 1]:
                break  # another step's event in between
        if nxt is None:
            break
        times.append(evs[nxt][0])
        cur = nxt
    return times


def cut(times, excluded, exclusions):
    level = len(times)
    for event, i, j in exclusions:  # 1-based steps
        if level <= i:
            continue
        hits = [ts for ts, name in excluded if name == event and ts >= times[i - 1]]
        if not hits:
            continue
        e = min(hits)
        for k in range(i, min(level - 1, j - 1) + 1):
            if times[k] > e:
                level = k
                break
    return level


def reference(path, steps, window, strict, exclusions):
    users = {}
    order = {name: steps.index(name) for name in steps}
    names = {x[0] for x in exclusions}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            ev = row["event"]
            if ev in order or ev in names:
                users.setdefault(row["user_id"], []).append((to_secs(row["ts"]), ev))
    counts = [0] * len(steps)
    for evs in users.values():
        step_evs = sorted((e for e in evs if e[1] in order), key=lambda e: (e[0], order[e[1]]))
        excluded = [e for e in evs if e[1] in names]
        best = 0
        for s, (ts, name) in enumerate(step_evs):
            if name == steps[0]:
                best = max(best, cut(attempt(step_evs, s, steps, window, strict), excluded,
                                     exclusions))
        for k in range(best):
            counts[k] += 1
    return counts


def sopctl(binary, path, steps, window, mode, exclusions, threads):
    cmd = [binary, "funnel", path, "--steps", ",".join(steps), "--window", window, "--mode", mode,
           "--format", "json", "--threads", str(threads)]
    for event, i, j in exclusions:
        cmd += ["--exclude", "%s:%d-%d" % (event, i, j)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit("FAIL: %s exited %d: %s" % (" ".join(cmd), res.returncode, res.stderr))
    return [s["users"] for s in json.loads(res.stdout)["steps"]]


def main():
    binary = sys.argv[1]
    four = ["view", "join_group", "signup", "order"]
    cases = [
        # (rows, seed, steps, window, seconds, mode, exclusions)
        (6000, 11, four, "7d", 7 * 86400, "ordered", [("read", 1, 4)]),
        (6000, 12, four, "7d", 7 * 86400, "ordered", [("read", 2, 3)]),
        (6000, 13, four, "1d", 86400, "ordered", [("read", 3, 4), ("repurchase", 1, 2)]),
        (6000, 14, four, "7d", 7 * 86400, "strict", [("read", 2, 4)]),
        (6000, 15, ["view", "signup", "order"], "2h", 7200, "ordered", [("join_group", 1, 2)]),
        (150000, 16, four, "7d", 7 * 86400, "ordered", [("read", 1, 3)]),
    ]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for rows, seed, steps, window, seconds, mode, exclusions in cases:
            path = os.path.join(tmp, "events-%d.csv" % seed)
            subprocess.run([sys.executable, os.path.join(BENCH, "gen_events.py"), str(rows),
                            str(seed), path], check=True)
            want = reference(path, steps, seconds, mode == "strict", exclusions)
            for threads in (1, 2):
                got = sopctl(binary, path, steps, window, mode, exclusions, threads)
                name = "seed %d %s %s --exclude %s threads %d" % (
                    seed, ",".join(steps), mode, exclusions, threads)
                if got != want:
                    print("FAIL %s: sopctl %s, reference %s" % (name, got, want))
                    failures += 1
                else:
                    print("ok   %s: %s" % (name, got))
            plain = sopctl(binary, path, steps, window, mode, [], 1)
            if plain == want:
                print("note seed %d: the exclusion changed nothing" % seed)
    print("%d failed" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
