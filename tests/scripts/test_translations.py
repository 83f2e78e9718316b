#!/usr/bin/python3
"""Chinese messages (docs/spec.md §5.7, po/zh_CN.po).

Fails when
- a message marked in the sources (tr, trf, N_; include/sopctl/base/i18n.hpp)
  has no translation in po/zh_CN.po, or only a fuzzy one;
- a translation's {} placeholders do not fit its English (an argument that
  does not exist, another format spec, or a different count without
  indices), or it loses a $1 of a CLI11 pattern; msgfmt --check fails;
- `sopctl` in Chinese (LANG=zh_CN.UTF-8, or --lang zh) does not print
  Chinese diagnostics with the same file:line:col, rule ids and exit code
  as in English, or any --help option text stays English;
- JSON keys, rule ids or CSV headers change with the language.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import po_file  # noqa: E402

REPO = os.environ.get("SOPCTL_REPO") or os.path.join(os.path.dirname(__file__), "..", "..")
PO = os.path.join(REPO, "po", "zh_CN.po")
SOPCTL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "build", "release", "sopctl")
CJK = re.compile(r"[\u4e00-\u9fff]")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


def marked_messages():
    """msgid -> source files, from xgettext over the sources (as update_po.sh)."""
    files = []
    for top in ("src", "include"):
        for root, _, names in os.walk(os.path.join(REPO, top)):
            files += [os.path.join(root, n) for n in names if n.endswith((".cpp", ".hpp"))]
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "sopctl.pot")
        subprocess.run(["xgettext", "--language=C++", "--from-code=UTF-8", "--keyword=",
                        "--keyword=tr", "--keyword=trf", "--keyword=N_", "--add-location=file",
                        "--no-wrap", "-o", pot] + sorted(files), check=True, cwd=REPO)
        out = {}
        for e in po_file.read(pot)[1:]:
            out[e.msgid] = [c[3:] for c in e.comments if c.startswith("#: ")]
        return out


PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def placeholders(text):
    """[(index or None, spec)] of a fmt string; {{ and }} are literal braces."""
    out = []
    for m in PLACEHOLDER.finditer(text):
        if m.group(1) is None:
            continue
        field = m.group(1)
        name, _, spec = field.partition(":")
        out.append((int(name) if name.isdigit() else None, spec))
    return out


def check_placeholders(msgid, msgstr):
    english = placeholders(msgid)
    chinese = placeholders(msgstr)
    if any(i is not None for i, _ in english):
        # the English numbers its arguments: the translation uses the same ones
        want = {i: s for i, s in english}
        for i, s in chinese:
            if i not in want or want[i] != s:
                return f"placeholder {{{i}:{s}}} is not one of the English's"
        return None
    if all(i is None for i, _ in chinese):
        if [s for _, s in chinese] != [s for _, s in english]:
            return f"{len(chinese)} placeholders where the English has {len(english)}"
        return None
    if any(i is None for i, _ in chinese):
        return "mixes {} and {N}"
    for i, s in chinese:
        if i >= len(english) or english[i][1] != s:
            return f"{{{i}}} does not name an English argument with that format"
    return None


def check_catalogue():
    entries = {e.msgid: e for e in po_file.read(PO)[1:] if not e.obsolete}
    marked = marked_messages()
    print(f"{len(marked)} messages marked in the sources, {len(entries)} in po/zh_CN.po")
    for msgid, where in sorted(marked.items()):
        e = entries.get(msgid)
        if e is None or not e.msgstr:
            fail(f"no translation for {msgid!r} ({', '.join(where)}): run scripts/update_po.sh "
                 "and translate it")
        elif e.fuzzy:
            fail(f"fuzzy translation of {msgid!r}: check it and remove the fuzzy flag")
    for msgid, e in entries.items():
        if not e.msgstr:
            continue
        why = check_placeholders(msgid, e.msgstr)
        if why:
            fail(f"{msgid!r} -> {e.msgstr!r}: {why}")
        for ref in re.findall(r"\$\d", msgid):
            if ref not in e.msgstr:
                fail(f"{msgid!r} -> {e.msgstr!r}: loses {ref}")
        if msgid.endswith("\n") != e.msgstr.endswith("\n"):
            fail(f"{msgid!r} -> {e.msgstr!r}: the English ends a line and the translation not")
    r = subprocess.run(["msgfmt", "--check", "-o", os.devnull, PO], capture_output=True, text=True)
    if r.returncode != 0:
        fail("msgfmt --check po/zh_CN.po:\n" + r.stderr)


def run(args, lang=None, extra_env=None):
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    if lang:
        env["LANG"] = lang
    env.update(extra_env or {})
    return subprocess.run([SOPCTL] + args, capture_output=True, text=True, env=env)


BROKEN = """sop: demo
title: 7 天训练营
tasks:
  - id: morning
    title: 早读
    evry: day
    at: "25:00"
  - id: Bad Id
    day: 0
    at: "08:00"
"""

LOC_RULE = re.compile(r"^(\S+:\d+:\d+): \S+: .* \[([a-z0-9-]+)\]$")


def check_diagnostics(tmp):
    path = os.path.join(tmp, "broken.sop.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(BROKEN)
    en = run(["check", path], lang="C.UTF-8")
    zh = run(["check", path], lang="zh_CN.UTF-8")
    zh_flag = run(["check", path, "--lang", "zh"], lang="C.UTF-8")
    en_flag = run(["--lang", "en", "check", path], lang="zh_CN.UTF-8")
    if en.returncode != 1 or zh.returncode != 1 or zh_flag.returncode != 1:
        fail(f"check exit codes {en.returncode}, {zh.returncode}, {zh_flag.returncode}; want 1")
    en_lines = [l for l in en.stdout.splitlines() if LOC_RULE.match(l)]
    zh_lines = [l for l in zh.stdout.splitlines() if LOC_RULE.match(l)]
    if not en_lines or len(en_lines) != len(zh_lines):
        fail(f"check: {len(en_lines)} English and {len(zh_lines)} Chinese diagnostics:\n"
             + en.stdout + zh.stdout)
    for a, b in zip(en_lines, zh_lines):
        if LOC_RULE.match(a).groups() != LOC_RULE.match(b).groups():
            fail(f"check: location or rule differs:\n  {a}\n  {b}")
        if not CJK.search(b.split(": ", 1)[1].rsplit(" [", 1)[0].replace("早读", "")):
            fail(f"check: not Chinese: {b}")
    if zh_flag.stdout != zh.stdout:
        fail("check --lang zh with LANG=C prints otherwise than LANG=zh_CN.UTF-8")
    if en_flag.stdout != en.stdout:
        fail("--lang en with LANG=zh_CN.UTF-8 is not English")
    print("check in Chinese:\n" + zh.stdout, end="")
    # machines read the same keys and rule ids in both languages
    ej = json.loads(run(["check", path, "--format", "json"], lang="C.UTF-8").stdout)
    zj = json.loads(run(["check", path, "--format", "json"], lang="zh_CN.UTF-8").stdout)

    def shape(v):
        if isinstance(v, dict):
            return {k: (shape(x) if k != "message" else "") for k, x in v.items()}
        if isinstance(v, list):
            return [shape(x) for x in v]
        return v
    if shape(ej) != shape(zj):
        fail("check --format json differs in more than its messages between the languages")
    # a fatal error: file:line:col kept, Chinese text, exit 2
    bad_yaml = os.path.join(tmp, "bad.sop.yaml")
    with open(bad_yaml, "w", encoding="utf-8") as f:
        f.write("sop: demo\ntasks: [\n")
    roster = os.path.join(REPO, "examples", "roster.yaml")
    en = run(["plan", bad_yaml, "--roster", roster], lang="C.UTF-8")
    zh = run(["plan", bad_yaml, "--roster", roster], lang="zh_CN.UTF-8")
    if en.returncode != 2 or zh.returncode != 2 or not CJK.search(zh.stderr):
        fail(f"plan on bad YAML: exit {en.returncode}/{zh.returncode}, stderr {zh.stderr!r}")
    if en.stderr.split(": ")[0] != zh.stderr.split(": ")[0]:
        fail(f"plan on bad YAML: the location differs: {en.stderr!r} / {zh.stderr!r}")
    usage = run(["plan", "--nope"], lang="zh_CN.UTF-8")
    if usage.returncode != 2 or not CJK.search(usage.stderr):
        fail(f"bad option in Chinese: exit {usage.returncode}, {usage.stderr!r}")
    wrong = run(["--lang", "fr", "templates"], lang="C.UTF-8")
    if wrong.returncode != 2 or "--lang" not in wrong.stderr:
        fail(f"--lang fr: exit {wrong.returncode}, {wrong.stderr!r}")


def check_help():
    top = run(["--help"], lang="zh_CN.UTF-8")
    if top.returncode != 0 or "用法" not in top.stdout or "子命令" not in top.stdout:
        fail("sopctl --help is not Chinese:\n" + top.stdout)
    commands = re.findall(r"^  ([a-z]+)\s", top.stdout.split("子命令:")[-1], re.M)
    if len(commands) < 10:
        fail(f"sopctl --help lists {commands}")
    for cmd in commands:
        out = run([cmd, "--help"], lang="zh_CN.UTF-8").stdout
        # every option line's description (after the option and its value) is Chinese
        for line in out.splitlines():
            m = re.match(r"^  (-\S.*?)\s{2,}(\S.*)$", line)
            if m and not CJK.search(m.group(2)):
                fail(f"sopctl {cmd} --help: English option text: {line.strip()}")
        if not CJK.search(out.split("\n")[0]):
            fail(f"sopctl {cmd} --help: the description is not Chinese: {out.splitlines()[0]}")


def check_headers(tmp):
    ex = os.path.join(REPO, "examples")
    args = ["funnel", os.path.join(ex, "events.csv"), "--steps", "join_group,signup,order"]
    en_csv = run(args + ["--format", "csv"], lang="C.UTF-8").stdout
    zh_csv = run(args + ["--format", "csv"], lang="zh_CN.UTF-8").stdout
    if en_csv != zh_csv:
        fail("funnel --format csv changes with the language")
    table = run(args, lang="zh_CN.UTF-8").stdout
    for heading in ("步骤", "用户数", "流失"):
        if heading not in table:
            fail(f"funnel table in Chinese lacks the heading {heading}:\n{table}")


def main():
    check_catalogue()
    with tempfile.TemporaryDirectory() as tmp:
        check_diagnostics(tmp)
        check_help()
        check_headers(tmp)
    if failures:
        print(f"{len(failures)} failed")
        return 1
    print("translations ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
