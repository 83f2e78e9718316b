#!/usr/bin/env python3
"""`sopctl grow` against the formulas of docs/spec.md §5.8, computed here in
plain Python: viral after n cycles M*(1 + K + ... + K^n) in all (new users
M*K^n), rocket M*(1+K)^n (new users the difference), cycle 0 the seed, the
viral limit M/(1-K) for K < 1. Six fixtures from flags, and one from the
example event log, whose K and cycle must be aarrr's K-factor and the
median referral time. Agreement to 1e-9 (relative).
"""
import json
import os
import subprocess
import sys

REPO = os.environ.get("SOPCTL_REPO") or os.path.join(os.path.dirname(__file__), "..", "..")
failures = []


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def grow(binary, args):
    p = subprocess.run([binary, "grow", "--format", "json"] + args, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("FAIL grow %s exited %d: %s" % (args, p.returncode, p.stderr))
    return json.loads(p.stdout)


def reference(model, m, k, cycles):
    rows = []
    for n in range(cycles + 1):
        if model == "viral":
            total = sum(m * k ** i for i in range(n + 1))
            new = m * k ** n
        else:
            total = m * (1 + k) ** n
            new = total - (m * (1 + k) ** (n - 1) if n > 0 else 0)
        rows.append((n, new, total))
    return rows


def check(name, doc, model, m, k, cycles, cycle_seconds):
    want = reference(model, m, k, cycles)
    got = [(r["cycle"], r["new_users"], r["total"]) for r in doc["rows"]]
    ok = len(got) == len(want) and all(
        g[0] == w[0] and close(g[1], w[1]) and close(g[2], w[2]) for g, w in zip(got, want))
    ok = ok and all(r["seconds"] == r["cycle"] * cycle_seconds for r in doc["rows"])
    if model == "viral" and k < 1:
        ok = ok and close(doc["limit"], m / (1 - k))
    if ok:
        print("ok   %s: %d cycles, total %.6g" % (name, cycles, want[-1][2]))
    else:
        failures.append(name)
        print("FAIL %s: sopctl %s, reference %s" % (name, got, want))


def main():
    binary = sys.argv[1]
    fixtures = [
        ("viral", 500, 0.4, 8, "7d", 7 * 86400),
        ("viral", 1000, 0.5, 4, "3d", 3 * 86400),
        ("viral", 37, 0.123, 30, "1d", 86400),
        ("viral", 100, 1.5, 10, "14d", 14 * 86400),
        ("rocket", 100, 1.0, 5, "7d", 7 * 86400),
        ("rocket", 250, 0.07, 52, "7d", 7 * 86400),
    ]
    for model, m, k, cycles, cycle, seconds in fixtures:
        doc = grow(binary, ["--model", model, "--users", str(m), "--k", repr(k), "--cycles",
                            str(cycles), "--cycle", cycle])
        check("%s M=%d K=%s" % (model, m, k), doc, model, m, k, cycles, seconds)
    # From the example log: K and the cycle are aarrr's.
    events = os.path.join(REPO, "examples", "events.csv")
    sop = os.path.join(REPO, "examples", "camp-7d.sop.yaml")
    doc = grow(binary, ["--from", events, "--sop", sop, "--cycles", "3"])
    p = subprocess.run([binary, "aarrr", events, "--sop", sop, "--format", "json"],
                       capture_output=True, text=True, check=True)
    aarrr = json.loads(p.stdout)
    k = aarrr["referral"]["k_factor"]
    m = aarrr["acquisition"]["users"]
    if not close(doc["k"], k) or not close(doc["users"], m):
        failures.append("from")
        print("FAIL --from: K %s and M %s, aarrr says %s and %s" % (doc["k"], doc["users"], k, m))
    else:
        check("--from examples/events.csv", doc, "viral", m, k, 3, doc["cycle_seconds"])
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
