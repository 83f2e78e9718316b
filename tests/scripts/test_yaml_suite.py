#!/usr/bin/python3
"""The YAML test suite's error cases fed to `sopctl check` (issue 16 class 3).

Each of tests/yaml-suite/fail/ is copied to NAME.sop.yaml in a temp dir and
checked: exit 2 (the file cannot be read, not "findings"), a message naming
the file with line and column, and no sanitizer report. yaml-cpp alone let 34
of the 94 through as some other document; the libfyaml pass refuses them all.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.environ.get("SOPCTL_REPO") or os.path.join(os.path.dirname(__file__), "..", "..")
SUITE = os.path.join(REPO, "tests", "yaml-suite", "fail")


def main():
    sopctl = os.path.abspath(sys.argv[1])
    cases = sorted(f for f in os.listdir(SUITE) if f.endswith(".yaml"))
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            name = case[:-5] + ".sop.yaml"
            shutil.copy(os.path.join(SUITE, case), os.path.join(tmp, name))
            proc = subprocess.run([sopctl, "check", name], cwd=tmp, capture_output=True,
                                  timeout=10)
            out = (proc.stdout + proc.stderr).decode("utf-8", "replace")
            if proc.returncode != 2:
                failures.append(f"{case}: exit {proc.returncode}, expected 2: {out.strip()[:300]}")
            elif not re.search(re.escape(name) + r":\d+:\d+: error: ", out):
                failures.append(f"{case}: no '{name}:LINE:COL: error:' in: {out.strip()[:300]}")
            elif "Sanitizer" in out or "runtime error" in out:
                failures.append(f"{case}: sanitizer report: {out[:300]}")
    for f in failures:
        print("FAIL " + f)
    print(f"{len(cases) - len(failures)} of {len(cases)} YAML test suite error cases refused "
          "with exit 2 and file:line:col")
    return 1 if failures or len(cases) != 94 else 0


if __name__ == "__main__":
    sys.exit(main())
