#!/usr/bin/python3
"""Runs the good/bad fixture pair of every lint rule (tests/lint/<rule-id>/).

Usage: test_lint_fixtures.py SOPCTL_BINARY [RULE-ID...], with SOPCTL_REPO=<repo root>.
Debian's python3 is named on purpose, like the other script tests.

A fixture directory holds:
  bad.sop.yaml and/or bad.roster.yaml   files that trigger the rule
  good.sop.yaml and/or good.roster.yaml files that must be clean, even with --strict
  roster.yaml   (optional) given to both runs with --roster
  args          (optional) more arguments for both runs, e.g. `--calendar cn`
When there is a bad.roster.yaml but no bad.sop.yaml, good.sop.yaml is checked
beside it (a roster's groups need an SOP to refer to).

Each line that should get a finding carries a trailing comment
  # expect: RULE-ID [, OTHER-ID ...]
and a rule id may be followed by a quoted fragment of its message:
  # expect: unknown-key "did you mean 'every'?"
Lines inside a block scalar (`script: |`) cannot carry a comment: write the
expectation on the `script: |` line with the offset of the line it means,
  script: |  # expect: undefined-placeholder@+2
The findings of the bad run, as (file, line, rule), must be exactly the
expected ones: the fixture's own rule must fire where it is marked, and any
other rule only where it is marked too. Every rule listed by
`sopctl check --list-rules` must have a fixture directory.
"""

import json
import os
import re
import shlex
import subprocess
import sys

EXPECT = re.compile(r"#\s*expect:\s*(.*)$")
ITEM = re.compile(r'\s*([a-z0-9][a-z0-9-]*)(?:@\+([0-9]+))?(?:\s+"([^"]*)")?\s*(?:,|$)')


class Failure(Exception):
    pass


def expectations(directory, name):
    """{(file, line, rule): [message fragments]} from `# expect:` comments."""
    found = {}
    with open(os.path.join(directory, name), encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            m = EXPECT.search(line)
            if not m:
                continue
            rest = m.group(1).strip()
            pos = 0
            while pos < len(rest):
                item = ITEM.match(rest, pos)
                if not item or item.end() == pos:
                    raise Failure(f"{name}:{number}: cannot read expectation {rest!r}")
                key = (name, number + int(item.group(2) or 0), item.group(1))
                found.setdefault(key, [])
                if item.group(3):
                    found[key].append(item.group(3))
                pos = item.end()
    return found


def run_check(sopctl, directory, files, extra):
    args = [sopctl, "check", "--format", "json"] + extra + files
    proc = subprocess.run(args, cwd=directory, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise Failure(f"`{shlex.join(args[1:])}` exited {proc.returncode}: {proc.stderr.strip()}")
    try:
        return proc.returncode, json.loads(proc.stdout)["diagnostics"]
    except (ValueError, KeyError) as e:
        raise Failure(f"`{shlex.join(args[1:])}`: not the JSON of docs/spec.md §2.2 ({e}): {proc.stdout[:200]!r}")


def describe(diags):
    return "\n".join(f"    {d['path']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']} [{d['rule']}]"
                     for d in diags)


def check_fixture(sopctl, directory, rule):
    def has(name):
        return os.path.isfile(os.path.join(directory, name))

    extra = []
    if has("roster.yaml"):
        extra += ["--roster", "roster.yaml"]
    if has("args"):
        with open(os.path.join(directory, "args"), encoding="utf-8") as f:
            extra += shlex.split(f.read())

    bad = [n for n in ("bad.sop.yaml", "bad.roster.yaml") if has(n)]
    good = [n for n in ("good.sop.yaml", "good.roster.yaml") if has(n)]
    if not bad:
        raise Failure("no bad.sop.yaml or bad.roster.yaml")
    if not good:
        raise Failure("no good.sop.yaml or good.roster.yaml")
    checked = bad + (["good.sop.yaml"] if "bad.sop.yaml" not in bad and has("good.sop.yaml") else [])

    expected = {}
    for name in checked + (["roster.yaml"] if has("roster.yaml") else []):
        expected.update(expectations(directory, name))
    if not any(key[2] == rule for key in expected):
        raise Failure(f"the bad fixture marks no line with `# expect: {rule}`")

    _, diags = run_check(sopctl, directory, checked, extra)
    actual = {(d["path"], d["line"], d["rule"]) for d in diags}
    problems = []
    for key in sorted(set(expected) - actual):
        problems.append(f"expected {key[2]} at {key[0]}:{key[1]}, not reported")
    for key in sorted(actual - set(expected)):
        problems.append(f"unexpected {key[2]} at {key[0]}:{key[1]}")
    for key, fragments in sorted(expected.items()):
        messages = [d["message"] for d in diags if (d["path"], d["line"], d["rule"]) == key]
        for fragment in fragments:
            if messages and not any(fragment in m for m in messages):
                problems.append(f"{key[2]} at {key[0]}:{key[1]}: no message contains {fragment!r}")
    if problems:
        raise Failure("bad run (" + " ".join(checked) + "):\n  " + "\n  ".join(problems) +
                      "\n  reported:\n" + describe(diags))

    rc, diags = run_check(sopctl, directory, good, ["--strict"] + extra)
    if diags or rc != 0:
        raise Failure(f"good run ({' '.join(good)}, --strict) exited {rc} with:\n" + describe(diags))


def main():
    sopctl = os.path.abspath(sys.argv[1])
    only = sys.argv[2:]
    repo = os.environ.get("SOPCTL_REPO") or os.path.join(os.path.dirname(__file__), "..", "..")
    lint_dir = os.path.join(repo, "tests", "lint")
    listing = subprocess.run([sopctl, "check", "--list-rules", "--format", "json"],
                             capture_output=True, text=True, check=True).stdout
    rules = [r["id"] for r in json.loads(listing)["rules"]]
    dirs = sorted(d for d in os.listdir(lint_dir) if os.path.isdir(os.path.join(lint_dir, d))) \
        if os.path.isdir(lint_dir) else []

    failures = []
    missing = [r for r in rules if r not in dirs]
    if missing and not only:
        failures.append(f"rules without a fixture directory in tests/lint/: {', '.join(missing)}")
    for d in dirs:
        if d not in rules:
            failures.append(f"tests/lint/{d}/: no rule has this id (sopctl check --list-rules)")
    passed = 0
    for rule in (only or [d for d in dirs if d in rules]):
        try:
            check_fixture(sopctl, os.path.join(lint_dir, rule), rule)
            passed += 1
        except Failure as e:
            failures.append(f"tests/lint/{rule}/: {e}")
    for f in failures:
        print("FAIL", f)
    print(f"{passed} fixtures passed, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
