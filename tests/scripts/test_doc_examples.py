#!/usr/bin/env python3
"""Runs the examples of a document and compares their output with the text.

Usage: test_doc_examples.py SOPCTL [DOC.md...]   (default: the DOCS below)

In DOC.md, a fenced block preceded by `<!-- file: NAME -->` is written to
NAME in a fresh directory; a ```console block holds commands (lines starting
with "$ ") each followed by the stdout it prints. The commands run with sh
in that directory, `sopctl` being the binary under test, after the files
written above them. SOPCTL_UPDATE_GOLDEN=1 rewrites the outputs in place.
"""
import os
import re
import subprocess
import sys
import tempfile

DOCS = ["docs/funnel.md"]
FENCE = re.compile(r"^```(\w*)\s*$")
FILE_MARK = re.compile(r"^<!-- file: (\S+) -->\s*$")


def blocks(lines):
    """(kind, name, start, end) per fenced block: lines[start:end] is its body."""
    i = 0
    pending = None
    while i < len(lines):
        mark = FILE_MARK.match(lines[i])
        if mark:
            pending = mark.group(1)
            i += 1
            continue
        fence = FENCE.match(lines[i])
        if fence:
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            yield fence.group(1), pending, i + 1, j
            pending = None
            i = j + 1
            continue
        i += 1


def run(cmd, cwd, bindir):
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"], NO_COLOR="1",
               LC_ALL="C.UTF-8", TZ="UTC")
    env.pop("SOPCTL_NOW", None)
    p = subprocess.run(["sh", "-c", cmd], cwd=cwd, env=env, capture_output=True, text=True,
                       timeout=60)
    return p.stdout


def check(sopctl, doc, update):
    bindir = tempfile.mkdtemp(prefix="sopctl-bin-")
    os.symlink(os.path.abspath(sopctl), os.path.join(bindir, "sopctl"))
    work = tempfile.mkdtemp(prefix="sopctl-doc-")
    with open(doc, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out_lines = []
    last = 0
    failures = 0
    commands = 0
    for kind, name, start, end in blocks(lines):
        body = lines[start:end]
        if name:
            with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                f.write("\n".join(body) + "\n")
            continue
        if kind != "console":
            continue
        out_lines += lines[last:start]
        new_body = []
        k = 0
        while k < len(body):
            if not body[k].startswith("$ "):
                print(f"{doc}:{start + k + 1}: expected a '$ ' command line")
                return 1
            cmd = body[k][2:]
            k += 1
            expected = []
            while k < len(body) and not body[k].startswith("$ "):
                expected.append(body[k])
                k += 1
            got = run(cmd, work, bindir).rstrip("\n")
            commands += 1
            if got != "\n".join(expected):
                failures += 1
                if not update:
                    print(f"{doc}:{start + 1}: `{cmd}` printed:\n{got}\n--- the document says:\n"
                          + "\n".join(expected))
            new_body.append("$ " + cmd)
            new_body += got.split("\n") if got else []
        out_lines += new_body
        last = end
    out_lines += lines[last:]
    if update and failures:
        with open(doc, "w", encoding="utf-8") as f:
            f.write("\n".join(out_lines))
        print(f"{doc}: {failures} outputs rewritten")
        return 0
    print(f"{doc}: {commands} commands, {failures} differ")
    return 1 if failures or commands == 0 else 0


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    repo = os.environ.get("SOPCTL_REPO") or os.path.join(os.path.dirname(__file__), "..", "..")
    docs = sys.argv[2:] or [os.path.join(repo, d) for d in DOCS]
    update = os.environ.get("SOPCTL_UPDATE_GOLDEN") == "1"
    rc = 0
    for doc in docs:
        rc |= check(sys.argv[1], doc, update)
    return rc


if __name__ == "__main__":
    sys.exit(main())
