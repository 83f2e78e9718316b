#!/usr/bin/python3
"""Runs sopctl on every malformed input of tests/bad-inputs/cases.txt (issue 7).

Each case must exit with its expected code, print its expected message
fragment on stderr (file and line), finish within one second (under the
sanitizers too), and neither crash nor print a sanitizer report. The large
inputs (a 10 MB line, deep nesting, alias bombs) are generated into a
temporary directory rather than kept in the repository.

Usage: test_bad_inputs.py SOPCTL [CASE...]   (env SOPCTL_REPO: the repository;
SOPCTL_BAD_INPUT_TIMEOUT: seconds per case, default 1)
"""
import datetime
import os
import shlex
import subprocess
import sys
import tempfile
import time

MIB = 1 << 20


def laughs(first_line, key_prefix=""):
    """Ten lines, each a list of ten aliases of the line before: 10^9 leaves."""
    lines = [first_line, f'{key_prefix}a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{key_prefix}{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def generate(gen):
    os.makedirs(gen)

    def put(name, data):
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(os.path.join(gen, name), mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
            f.write(data)

    put("ten-mb-line.sop.yaml", "title: " + "x" * (10 * MIB - len("title: ")))
    put("ten-mb-line.csv", "id," + "x" * (10 * MIB - 3))
    put("deep-flow.sop.yaml", "[" * 100_000)
    put("deep-braces.sop.yaml", "{" * 100_000)
    put("deep-block.roster.yaml", "- " * 100_000 + "x\n")
    put("deep-indent.sop.yaml", "".join(" " * i + "a:\n" for i in range(1000)))
    put("deep.calendar.yaml", "holidays: " + "[" * 100_000)
    put("deep.config.yaml", "rules: " + "[" * 100_000)
    put("billion-laughs.sop.yaml", laughs("# a billion laughs\nsop: lol\ntasks: []\nsetup:\n  rules: *j") .replace("sop: lol\ntasks: []\nsetup:\n  rules: *j", "sop: lol") + "tasks: *j\n")
    put("billion-laughs.roster.yaml", laughs("# a billion laughs\nstaff: []") + "groups: *j\n")
    put("billion-laughs.calendar.yaml", laughs("# a billion laughs\nworkdays: []") + "holidays: *j\n")
    big = ", ".join(["x"] * 100_000)
    put("quadratic-aliases.sop.yaml",
        "# one big anchored list, named again and again\nsop: q\nbig: &big [" + big + "]\n"
        "tasks: [" + ", ".join(["*big"] * 100) + "]\n")
    tasks = "".join(f"  - {{id: t{i}, title: T, day: 1}}\n" for i in range(10_001))
    put("too-many-tasks.sop.yaml", "sop: big\ntitle: t\ntasks:\n" + tasks)
    rows = "".join(f"G{i},群{i},camp-7d,2026-12-03,wanzi\n" for i in range(20_001))
    put("too-many-groups.csv", "id,name,sop,open,owner\n" + rows)
    put("utf16.csv", "user_id,event,ts\nu1,join_group,2026-12-03 08:00:00\n".encode("utf-16"))
    put("ten-mb-header.csv", "user_id," + "x" * (10 * MIB) + "\nu1,x\n")
    put("ten-mb-field.csv", "user_id,event,ts\nu1,join_group," + "2" * (10 * MIB) + "\n")
    put("ten-mb-row.csv", "user_id,event,ts\n" + "u1,join_group,2026-12-03 08:00:00" * 300_000 + "\n")
    # issue 16 class 1: inputs whose cost once grew with the square of their size.
    head = 'sop: camp-7d\ntitle: t\ntimezone: Asia/Shanghai\n'
    task = '  - {id: a, title: T, channel: group, owner: owner, at: "09:00", day: 1, script: "'
    put("many-keys.sop.yaml", head + "".join(f"unknown{i}: 1\n" for i in range(15_000)) +
        "tasks:\n" + task + 'x"}\n')
    put("many-group-names.sop.yaml", head + "tasks:\n" + task + "{group_name}" * 100_000 + '"}\n')
    put("many-days.sop.yaml", head + "tasks:\n" + task + "{day}" * 100_000 + '"}\n')
    put("block-quote.sop.yaml", "sop: x\ntitle: t\ndescription: |\n  'it is\nb: " + "[" * 3_000_000 + "\n")
    # issue 16 class 11: acquisitions every 180 days over years 1..9861: with
    # --periods 10000 a cohort table of 200 million cells, refused early.
    start = datetime.date(1, 1, 1)
    put("years.csv", "user_id,event,ts\n" + "".join(
        f"u{i},join_group,{start + datetime.timedelta(days=i * 180)}T08:00:00\n"
        f"u{i},read,{start + datetime.timedelta(days=i * 180 + 1)}T09:00:00\n"
        for i in range(20_000)))
    # issue 16 class 11, funnel: one funnel per --by value, and --trend one
    # per period, is bounded (funnel::k_max_segments, 100,000 rows).
    put("many-users.csv", "user_id,event,ts,channel\n" + "".join(
        f"wx_{i:09x},view,2026-12-{1 + i % 28:02d}T08:00:00,{'wechat' if i % 3 else 'douyin'}\n"
        for i in range(100_002)))
    day0 = datetime.date(1700, 1, 1)
    put("days.csv", "user_id,event,ts\n" + "".join(
        f"u{i},view,{day0 + datetime.timedelta(days=i)}T08:00:00\n" for i in range(100_001)))
    put("wide.roster.csv", "id,name,sop,open," + ",".join(f"c{i}" for i in range(20_000)) + "\n"
        "G1,群1,camp-7d,2026-12-03," + ",".join(["x"] * 20_000) + "\n")


def read_cases(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split(" | ", 3)]
            if len(parts) != 4:
                sys.exit(f"{path}:{number}: expected 'name | exit | fragment | arguments'")
            name, rc, fragment, args = parts
            cases.append((name, int(rc), fragment, shlex.split(args), number))
    return cases


SANITIZER_MARKS = ("AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer",
                   "runtime error:", "internal error")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sopctl = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])
    repo = os.environ.get("SOPCTL_REPO") or os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    base = os.path.join(repo, "tests", "bad-inputs")
    limit = float(os.environ.get("SOPCTL_BAD_INPUT_TIMEOUT", "1"))
    cases = read_cases(os.path.join(base, "cases.txt"))
    names = [c[0] for c in cases]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        sys.exit(f"duplicate case names: {sorted(duplicates)}")
    env = dict(os.environ, NO_COLOR="1", SOURCE_DATE_EPOCH="1764547200", HOME="/nonexistent")
    env.pop("XDG_DATA_HOME", None)
    env.pop("SOPCTL_CALENDARS", None)
    failures = []
    timings = []
    with tempfile.TemporaryDirectory(prefix="sopctl-bad-") as tmp:
        gen = os.path.join(tmp, "gen")
        generate(gen)
        for name, want_rc, fragment, args, number in cases:
            if only and name not in only:
                continue
            argv = [sopctl] + [a.replace("@gen/", gen + "/") for a in args]
            start = time.monotonic()
            try:
                proc = subprocess.run(argv, cwd=os.path.join(base, "files"), env=env,
                                      stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, timeout=max(limit * 5, 5))
            except subprocess.TimeoutExpired:
                failures.append(f"{name} (cases.txt:{number}): still running after {max(limit * 5, 5)} s")
                continue
            took = time.monotonic() - start
            timings.append((took, name))
            # `check` prints its findings on stdout, errors go to stderr.
            err = (proc.stdout[:1 << 20] + proc.stderr).decode("utf-8", "replace")
            problems = []
            if proc.returncode != want_rc:
                problems.append(f"exit {proc.returncode}, expected {want_rc}")
            if fragment not in err:
                problems.append(f"the output lacks {fragment!r}")
            if any(mark in err for mark in SANITIZER_MARKS):
                problems.append("a crash or sanitizer report")
            if took > limit:
                problems.append(f"took {took:.2f} s (limit {limit} s)")
            if problems:
                shown = err if len(err) < 2000 else err[:2000] + "..."
                failures.append(f"{name} (cases.txt:{number}): " + "; ".join(problems) +
                                f"\n    $ sopctl {' '.join(args)}\n    output: {shown.strip()}")
    timings.sort(reverse=True)
    print("slowest: " + ", ".join(f"{n} {t:.2f}s" for t, n in timings[:3]))
    for f in failures:
        print("FAIL " + f)
    ran = len(timings) + sum(1 for f in failures if "still running" in f)
    print(f"{ran - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
