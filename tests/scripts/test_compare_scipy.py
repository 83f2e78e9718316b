#!/usr/bin/python3
"""`sopctl compare` against scipy (python3-scipy from Debian), on generated
event logs whose funnel is unambiguous (one join per user, an order within
or outside the window): conversion and its 95% Wilson interval
(scipy.stats.binomtest(...).proportion_ci("wilson")), the pooled
two-proportion z-test (scipy.stats.norm), Fisher's exact test
(scipy.stats.fisher_exact) for small cells, and Welch's t-test on group
rates (scipy.stats.ttest_ind(equal_var=False)) with --cluster.

Usage: test_compare_scipy.py SOPCTL
"""
import csv
import datetime
import json
import math
import os
import random
import subprocess
import sys
import tempfile

try:
    from scipy import stats
except ImportError:
    sys.exit("test_compare_scipy: apt-get install python3-scipy")

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL", what)


def close(a, b, what, tol=1e-9):
    if a is None or b is None:
        check(a is None and b is None, f"{what}: {a} vs {b}")
        return
    check(abs(a - b) <= tol * max(1.0, abs(b)), f"{what}: sopctl {a!r}, scipy {b!r}")


def generate(path, arms, seed):
    """arms: {variant: [(group, users, rate), ...]}; returns the truth per variant and group."""
    rng = random.Random(seed)
    start = datetime.datetime(2026, 12, 1, 9, 0, 0)
    truth = {}
    rows = []
    uid = 0
    for variant, groups in arms.items():
        for group, users, rate in groups:
            for _ in range(users):
                uid += 1
                t = start + datetime.timedelta(minutes=rng.randrange(60 * 24 * 10))
                rows.append([f"u{uid}", "join", t.isoformat(sep=" "), variant, group])
                converted = rng.random() < rate
                if converted:
                    rows.append([f"u{uid}", "order", (t + datetime.timedelta(hours=rng.randrange(1, 150))).isoformat(sep=" "), variant, group])
                elif rng.random() < 0.3:  # an order after the 7-day window does not count
                    rows.append([f"u{uid}", "order", (t + datetime.timedelta(days=9)).isoformat(sep=" "), variant, group])
                cell = truth.setdefault(variant, {}).setdefault(group, [0, 0])
                cell[0] += 1
                cell[1] += 1 if converted else 0
    rng.shuffle(rows)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["user_id", "event", "ts", "variant", "group"])
        w.writerows(rows)
    return truth


def run(sopctl, path, *extra):
    p = subprocess.run([sopctl, "compare", path, "--steps", "join,order", "--by", "variant",
                        "--format", "json", *extra], capture_output=True, text=True, timeout=60)
    check(p.returncode == 0, f"compare {extra}: exit {p.returncode} {p.stderr}")
    return json.loads(p.stdout) if p.returncode == 0 else None, p.stderr


def reference(truth, control, clustered):
    totals = {v: [sum(c[0] for c in g.values()), sum(c[1] for c in g.values())] for v, g in truth.items()}
    n_c, x_c = totals[control]
    out = {}
    for v, (n, x) in totals.items():
        ci = stats.binomtest(x, n).proportion_ci(confidence_level=0.95, method="wilson")
        r = {"users": n, "converted": x, "conversion": x / n, "ci_low": ci.low, "ci_high": ci.high}
        if v != control:
            r["lift"] = x / n - x_c / n_c
            r["relative_lift"] = r["lift"] / (x_c / n_c) if x_c else None
            if clustered:
                a = [c[1] / c[0] for c in truth[v].values()]
                b = [c[1] / c[0] for c in truth[control].values()]
                r["p_value"] = float(stats.ttest_ind(a, b, equal_var=False).pvalue)
                r["test"] = "welch"
            else:
                N = n + n_c
                conv = x + x_c
                expected = [row * col / N for row in (n, n_c) for col in (conv, N - conv)]
                if min(expected) < 5:
                    r["p_value"] = float(stats.fisher_exact([[x, n - x], [x_c, n_c - x_c]])[1])
                    r["test"] = "fisher"
                else:
                    pooled = conv / N
                    z = (x / n - x_c / n_c) / math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / n_c))
                    r["p_value"] = float(2 * stats.norm.sf(abs(z)))
                    r["test"] = "z"
        out[v] = r
    return out


def compare_case(sopctl, tmp, name, arms, seed, control, clustered):
    path = os.path.join(tmp, name + ".csv")
    truth = generate(path, arms, seed)
    extra = ["--control", control] + (["--cluster", "group"] if clustered else [])
    got, err = run(sopctl, path, *extra)
    if got is None:
        return None
    ref = reference(truth, control, clustered)
    variants = {v["variant"]: v for v in got["variants"]}
    check(set(variants) == set(ref), f"{name}: variants {sorted(variants)} vs {sorted(ref)}")
    for v, r in ref.items():
        g = variants.get(v, {})
        for key, value in r.items():
            if isinstance(value, str) or isinstance(value, int):
                check(g.get(key) == value, f"{name} {v} {key}: {g.get(key)!r} vs {value!r}")
            else:
                close(g.get(key), value, f"{name} {v} {key}")
        check(g.get("control") == (v == control), f"{name} {v}: control flag")
    print(f"ok   {name}: {len(ref)} variants agree with scipy"
          f" ({', '.join(sorted({r.get('test', 'control') for r in ref.values()}))})")
    return got, err


def main():
    sopctl = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="sopctl-compare-") as tmp:
        compare_case(sopctl, tmp, "large-z", {"A": [("g1", 900, 0.12)], "B": [("g2", 950, 0.15)],
                                             "C": [("g3", 400, 0.10)]}, 1, "A", False)
        compare_case(sopctl, tmp, "large-z-2", {"ctl": [("g1", 3000, 0.05)], "new": [("g2", 2900, 0.058)]},
                     2, "ctl", False)
        compare_case(sopctl, tmp, "small-fisher", {"A": [("g1", 14, 0.1)], "B": [("g2", 11, 0.6)]},
                     3, "A", False)
        compare_case(sopctl, tmp, "small-fisher-2", {"A": [("g1", 40, 0.05)], "B": [("g2", 35, 0.02)]},
                     4, "B", False)
        groups = lambda prefix, rates: [(f"{prefix}{i}", 60 + 7 * i, r) for i, r in enumerate(rates)]
        compare_case(sopctl, tmp, "clustered-welch",
                     {"A": groups("a", [0.10, 0.14, 0.08, 0.12, 0.20, 0.11]),
                      "B": groups("b", [0.18, 0.22, 0.15, 0.25, 0.19, 0.16, 0.21])}, 5, "A", True)
        res = compare_case(sopctl, tmp, "clustered-few",
                           {"A": groups("a", [0.10, 0.14, 0.08]), "B": groups("b", [0.18, 0.22, 0.15, 0.25, 0.19])},
                           6, "A", True)
        if res:
            got, err = res
            check(any("variant A has 3 groups" in w for w in got["warnings"]),
                  f"fewer than 5 groups warned: {got['warnings']}")
            check("variant A has 3 groups" in err, "the warning is on stderr too")
    if failures:
        print(f"{len(failures)} failures")
        return 1
    print("compare: every number agrees with scipy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
