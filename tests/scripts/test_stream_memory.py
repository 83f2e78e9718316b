#!/usr/bin/python3
"""An event log on stdin or in GBK costs no more memory than the same file
in UTF-8 (issue 16, class 7): both are spooled into a temporary file in
blocks and mapped, instead of being held whole in memory.

A 48 MiB log (with Chinese group names) is read by `sopctl funnel` three
ways: as a UTF-8 file, on stdin, and as a GBK file with `--encoding gbk`.
The answers must be equal and the peak resident memory of the last two at
most 16 MiB above the first (holding the text would add 48 MiB, GBK's
conversion 48 + 72 MiB). Skipped under AddressSanitizer, whose shadow
memory makes the figures meaningless.

Usage: test_stream_memory.py SOPCTL
"""
import json
import os
import subprocess
import sys
import tempfile

MIB = 1 << 20


def run(argv, stdin=None):
    """(stdout, peak RSS in KiB) of one run."""
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen(argv, stdin=stdin, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
        if p.returncode != 0:
            sys.exit("%s: exit %d\n%s" % (" ".join(argv), p.returncode, err))
        out.seek(0)
        return out.read(), usage.ru_maxrss


def without_path(answer):
    doc = json.loads(answer)
    doc["input"].pop("path", None)
    return doc


def main():
    sopctl = sys.argv[1]
    libs = subprocess.run(["ldd", sopctl], capture_output=True, text=True).stdout
    if "libasan" in libs:
        print("SKIP: an AddressSanitizer build (memory figures do not apply)")
        return 0
    work = tempfile.mkdtemp(prefix="sopctl-stream-")
    utf8 = os.path.join(work, "events.csv")
    gbk = os.path.join(work, "events-gbk.csv")
    events = ("view", "join_group", "view", "signup", "order")
    # Written as generated: a child's peak starts from this process's size
    # at fork, so this process stays small.
    with open(utf8, "w", encoding="utf-8") as a, open(gbk, "w", encoding="gbk") as b:
        head = "user_id,event,ts,group,channel\n"
        a.write(head)
        b.write(head)
        size = len(head)
        i = 0
        while size < 48 * MIB:
            day, sec = divmod(i // 7, 86400)
            row = "u%d,%s,2026-12-%02d %02d:%02d:%02d,训练营%d群,wechat\n" % (
                i % 90_001, events[i % 5], 1 + day % 28, sec // 3600 % 24, sec // 60 % 60,
                sec % 60, i % 30)
            a.write(row)
            b.write(row)
            size += len(row.encode())
            i += 1

    funnel = [sopctl, "funnel", "--steps", "view,join_group,signup,order", "--by", "group",
              "--format", "json", "-q"]
    want, base = run(funnel + [utf8])
    with open(utf8, "rb") as f:
        piped, on_stdin = run(funnel + ["-"], stdin=f)
    converted, on_gbk = run(funnel + [gbk, "--encoding", "gbk"])
    for path in (utf8, gbk):
        os.unlink(path)
    os.rmdir(work)

    failures = []
    if without_path(want)["input"]["rows"] != i:
        failures.append("not every row was read")
    for name, got, rss in (("stdin", piped, on_stdin), ("--encoding gbk", converted, on_gbk)):
        if without_path(got) != without_path(want):
            failures.append("%s: not the file's answer" % name)
        if rss > base + 16 * 1024:
            failures.append("%s: peak %d KiB, the UTF-8 file %d KiB" % (name, rss, base))
    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    print("ok: %d MiB log: peak %d KiB from the file, %d KiB on stdin, %d KiB as GBK" % (
        size // MIB, base, on_stdin, on_gbk))
    return 0


if __name__ == "__main__":
    sys.exit(main())
