#!/usr/bin/python3
"""`sopctl plan -o FILE` interrupted during a large write (issue 7).

Generates a large roster (bench/gen_roster.py), starts `sopctl plan ... -o
FILE` over an existing FILE, waits for the temporary file (FILE.sopctl-*) to
appear, and sends SIGINT or SIGTERM while it is being written. Whenever the
signal lands there, sopctl must die of that signal, the previous FILE must be
intact and no temporary file may be left. Runs until each signal has landed
during a write at least once (with a different delay after the temporary file
appears on each try), and fails if that never happens.

Usage: test_atomic_output.py SOPCTL   (env SOPCTL_REPO: the repository)
"""
import glob
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

GROUPS = 2000  # ~30 MB of JSON for a month: a write that takes a while
TRIES = 40


def complete_plan(data):
    try:
        return "items" in json.loads(data)
    except ValueError:
        return False


def main():
    sopctl = os.path.abspath(sys.argv[1])
    repo = os.environ.get("SOPCTL_REPO") or os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    with tempfile.TemporaryDirectory(prefix="sopctl-atomic-") as tmp:
        roster = os.path.join(tmp, "big.roster.yaml")
        subprocess.run([sys.executable, os.path.join(repo, "bench", "gen_roster.py"), str(GROUPS),
                        "2026-12", roster], check=True)
        out = os.path.join(tmp, "plan.json")
        previous = b'{"previous": "plan"}\n'
        argv = [sopctl, "plan", os.path.join(repo, "examples", "camp-7d.sop.yaml"), "--roster",
                roster, "--month", "2026-12", "--format", "json", "-o", out]
        landed = {signal.SIGINT: 0, signal.SIGTERM: 0}
        completed = 0
        for attempt in range(TRIES):
            sig = signal.SIGINT if attempt % 2 == 0 else signal.SIGTERM
            if landed[sig] and not all(landed.values()):
                sig = signal.SIGTERM if sig == signal.SIGINT else signal.SIGINT
            with open(out, "wb") as f:
                f.write(previous)
            delay = (attempt // 2 % 5) * 0.002  # 0..8 ms after the temp file appears
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            seen_temp = False
            while proc.poll() is None:
                if glob.glob(out + ".sopctl-*"):
                    seen_temp = True
                    time.sleep(delay)
                    proc.send_signal(sig)
                    break
                time.sleep(0.0005)
            _, err = proc.communicate()
            leftovers = glob.glob(out + ".sopctl-*")
            with open(out, "rb") as f:
                now = f.read()
            if leftovers:
                print(f"FAIL: temporary file left behind: {leftovers} (signal {sig.name}, exit "
                      f"{proc.returncode})")
                return 1
            if proc.returncode == -sig:
                if now == previous:
                    landed[sig] += 1 if seen_temp else 0
                elif not complete_plan(now):
                    print(f"FAIL: {sig.name} during the write left a half-written FILE "
                          f"({len(now)} bytes)")
                    return 1
                # else: the rename came first, FILE is the whole new plan
            elif proc.returncode == 0:
                completed += 1  # the write ended before the signal: a complete new FILE
                if not complete_plan(now):
                    print("FAIL: a completed write left a FILE that is not the whole plan")
                    return 1
            else:
                print(f"FAIL: exit {proc.returncode} after {sig.name}: {err.decode()[:500]}")
                return 1
            if all(landed.values()):
                break
        print(f"signals that landed during a write: SIGINT {landed[signal.SIGINT]}, SIGTERM "
              f"{landed[signal.SIGTERM]}; writes that completed first: {completed}")
        if not all(landed.values()):
            print(f"FAIL: in {TRIES} tries a signal never landed during the write of both kinds")
            return 1
        print("1 passed, 0 failed")
        return 0


if __name__ == "__main__":
    sys.exit(main())
