#!/usr/bin/python3
"""The README's tour is a test: every `$ command` in a ```console block is
run (with `sopctl` being the built binary) and must print exactly the lines
shown under it. Commands of one block run in one shell, in order, in a
scratch directory that links the repository's examples, tests and templates,
so files they write (-o december.ics) land there.

Usage: test_readme_tour.py SOPCTL   (env SOPCTL_REPO: the repository root)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def blocks(readme):
    out, cur = [], None
    for line in readme.splitlines():
        if cur is None and line.strip() == "```console":
            cur = []
        elif cur is not None and line.strip() == "```":
            out.append(cur)
            cur = None
        elif cur is not None:
            cur.append(line)
    return out


def commands(block):
    """[(command, expected_lines)] of a console block."""
    out = []
    for line in block:
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out:
            out[-1][1].append(line)
    return out


def main():
    sopctl = os.path.abspath(sys.argv[1])
    repo = os.environ["SOPCTL_REPO"]
    readme = open(os.path.join(repo, "README.md"), encoding="utf-8").read()
    work = tempfile.mkdtemp(prefix="sopctl-readme-")
    bindir = os.path.join(work, ".bin")
    os.mkdir(bindir)
    os.symlink(sopctl, os.path.join(bindir, "sopctl"))
    for name in ("examples", "tests", "sop-templates"):
        os.symlink(os.path.join(repo, name), os.path.join(work, name))
    # A home of its own: no calendar files of the machine's user (~/.local/share).
    env = dict(os.environ, PATH=bindir + ":" + os.environ["PATH"], NO_COLOR="1",
               SOURCE_DATE_EPOCH="1764547200", LANG="C.UTF-8", HOME=os.path.join(work, "home"))
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "XDG_DATA_HOME"):
        env.pop(name, None)
    env.pop("SOPCTL_CALENDARS", None)
    failures, count = 0, 0
    try:
        for block in blocks(readme):
            cmds = commands(block)
            if not cmds:
                continue
            marker = "@@sopctl-readme@@"
            # Each command sees the exit status of the one before it (for `echo $?`).
            script = "__rc=0\n" + "".join(
                f"echo {marker}\n(exit $__rc); {{ {cmd}\n}} 2>&1\n__rc=$?\n" for cmd, _ in cmds)
            res = subprocess.run(["bash", "-c", "cd " + work + " && {\n" + script + "}"],
                                 env=env, capture_output=True, text=True, timeout=120)
            outputs = res.stdout.split(marker + "\n")[1:]
            for (cmd, expected), actual in zip(cmds, outputs):
                count += 1
                actual_lines = actual.rstrip("\n").split("\n") if actual.strip("\n") else []
                shown = [l for l in expected if l != "..."]
                if "..." in expected:  # an excerpt: the shown lines must open the output
                    ok = actual_lines[: len(shown)] == shown
                else:
                    ok = actual_lines == shown
                if not ok:
                    failures += 1
                    print(f"FAIL: $ {cmd}")
                    import difflib
                    for d in difflib.unified_diff(shown, actual_lines, "README", "actual", lineterm=""):
                        print("  " + d)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if count == 0:
        print("no commands found in README.md")
        return 1
    print(f"{count} README commands, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
