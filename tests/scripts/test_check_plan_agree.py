#!/usr/bin/env python3
"""check and plan agree (docs/spec.md 5.1): on every fixture directory of
tests/ that holds SOP files and a roster, when `plan` (the whole plan, with
the directory's calendar arguments) exits 2 because of the inputs, `check`
on the same files must not exit 0.

Usage: test_check_plan_agree.py SOPCTL_BINARY (SOPCTL_REPO = repository root)
"""
import glob
import os
import subprocess
import sys

# plan refusals that are about the request, not the files.
NOT_ABOUT_FILES = ("give --month", "nothing to plan", "it needs a customers file")


def main():
    sopctl = os.path.abspath(sys.argv[1])
    repo = os.environ.get("SOPCTL_REPO") or os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    failures, compared = [], 0
    for d in sorted(glob.glob(os.path.join(repo, "tests", "*", "*"))):
        if not os.path.isdir(d):
            continue
        sops = sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, "*.sop.yaml")))
        rosters = sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, "*roster*.yaml")) + glob.glob(os.path.join(d, "*roster*.csv")))
        if not sops or not rosters:
            continue
        extra = []
        if os.path.exists(os.path.join(d, "args")):
            extra = open(os.path.join(d, "args")).read().split()
        if os.path.exists(os.path.join(d, "customers.csv")):
            extra += ["--customers", "customers.csv"]
        for roster in rosters:
            plan = subprocess.run([sopctl, "plan", *sops, "--roster", roster, *extra, "--format", "json"],
                                  cwd=d, capture_output=True, text=True, timeout=30)
            check = subprocess.run([sopctl, "check", *sops, "--roster", roster, *extra],
                                   cwd=d, capture_output=True, text=True, timeout=30)
            compared += 1
            if plan.returncode == 2 and not any(s in plan.stderr for s in NOT_ABOUT_FILES) and check.returncode == 0:
                failures.append(f"{os.path.relpath(d, repo)} ({roster}): plan exits 2 but check exits 0\n  plan: {plan.stderr.strip()[:300]}")
    for f in failures:
        print("FAIL", f)
    print(f"{compared} fixture runs compared, {len(failures)} disagreements")
    return 1 if failures or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
