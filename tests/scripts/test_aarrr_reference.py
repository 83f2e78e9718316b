#!/usr/bin/python3
"""Compares `sopctl aarrr --format json` with the reference implementation.

Usage: test_aarrr_reference.py SOPCTL_BINARY, with SOPCTL_REPO=<repo root>.

Event logs come from bench/gen_aarrr.py (tens of thousands of rows: users
acquired twice, orders before joining, users never acquired, timestamps with
+00:00 that fall on the next local day, amounts with decimals); the
reference is bench/ref_aarrr.py (plain Python, its own date arithmetic,
decimal sums). The output must be byte-identical for each option set, with
one reading thread and with two (the parallel reader's chunks must meet).
"""

import os
import subprocess
import sys
import tempfile

REPO = os.environ.get("SOPCTL_REPO") or os.path.join(os.path.dirname(__file__), "..", "..")
BENCH = os.path.join(REPO, "bench")
STAGES = ["--acquisition", "join_group", "--activation", "check_in", "--retention", "read",
          "--revenue", "order", "--referral", "invite"]
OPTION_SETS = [
    ["--cohort", "day", "--by", "channel", "--cost", "5000"],
    ["--cohort", "week", "--unbounded"],
    ["--cohort", "month", "--periods", "3", "--cost", "0"],
    ["--cohort", "day", "--periods", "60", "--unbounded", "--by", "referrer"],
]


def main(argv):
    sopctl = argv[1]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for rows, seed in [(30000, 1), (60000, 7)]:
            log = os.path.join(tmp, f"aarrr-{rows}-{seed}.csv")
            subprocess.run([sys.executable, os.path.join(BENCH, "gen_aarrr.py"), str(rows),
                            str(seed), log], check=True)
            for opts in OPTION_SETS:
                want = subprocess.run([sys.executable, os.path.join(BENCH, "ref_aarrr.py"), log]
                                      + opts, check=True, capture_output=True, text=True).stdout
                for threads in ["1", "2"]:
                    got = subprocess.run([sopctl, "aarrr", log, *STAGES, *opts, "--format", "json",
                                          "-q", "--threads", threads],
                                         capture_output=True, text=True)
                    label = f"rows={rows} seed={seed} threads={threads} {' '.join(opts)}"
                    if got.returncode != 0 or got.stdout != want:
                        failures += 1
                        print(f"FAIL {label}: rc {got.returncode} {got.stderr.strip()}")
                    else:
                        print(f"ok   {label}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
