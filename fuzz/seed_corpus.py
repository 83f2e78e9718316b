#!/usr/bin/python3
"""Writes the seed corpora fuzz/corpus/<target>/ from the repository's own
examples, templates and test fixtures (run it again after adding fixtures).
Seeds for targets whose first byte selects a mode get that byte prepended.

Usage: fuzz/seed_corpus.py
"""
import glob
import hashlib
import os
import shutil

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "fuzz", "corpus")
MAX_SEED = 64 * 1024  # a bigger seed only slows every execution down


def files(*patterns):
    found = set()
    for pattern in patterns:
        found.update(glob.glob(os.path.join(REPO, pattern), recursive=True))
    return sorted(f for f in found if os.path.isfile(f) and "/build" not in f)


def write(target, data, prefix=b""):
    data = prefix + data
    if len(data) > MAX_SEED:
        data = data[:MAX_SEED]
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(OUT, target, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    for target in ("sop", "roster", "events", "calendar", "ics", "logs"):
        shutil.rmtree(os.path.join(OUT, target), ignore_errors=True)
        os.makedirs(os.path.join(OUT, target))

    sops = files("examples/*.sop.yaml", "sop-templates/*.sop.yaml", "tests/**/*.sop.yaml")
    for path in sops:
        write("sop", read(path))

    for path in files("examples/*roster*.yaml", "sop-templates/*.roster.yaml",
                      "tests/**/*roster*.yaml", "tests/cli/plan-csv-roster/staff.yaml"):
        write("roster", read(path), b"\x00")
    for path in files("tests/cli/plan-csv-roster/*.csv"):
        write("roster", read(path), b"\x01")
    write("roster", b"id,name,sop,open,owner,assistants,size,tags\n"
          b'A,"A, \xe7\xbe\xa4",camp-7d,2026-12-03,wanzi,li;wanzi,180,B+;vip\n', b"\x01")

    csvs = files("tests/funnel/*.csv", "tests/aarrr/*.csv", "tests/cli/*/*.csv")
    for path in csvs:
        data = read(path)
        gbk = "gbk" in os.path.basename(path)
        for mode in (0x00, 0x06, 0x2A) if not gbk else (0x01,):
            write("events", data, bytes([mode]))
    example = read(os.path.join(REPO, "examples/events.csv"))
    write("events", example[:8192].rsplit(b"\n", 1)[0] + b"\n", b"\x02")

    for path in files("tests/cli/audit-*/*.csv"):
        write("logs", read(path), b"\x00")
    write("logs", b"done_at,key,group,task,staff\n2026-12-03 20:05,,A,intro,wanzi\n"
          b"2026-12-04 08:40,,A,read,li\n2026-12-04 09:00,,\xe7\xa0\x94\xe8\xae\xa8\xe6\x89\x80A,read,\n", b"\x00")
    for path in files("tests/cli/plan-customers/customers.csv", "tests/bad-inputs/files/customers-*.csv",
                      "sop-templates/*customers*.csv"):
        write("logs", read(path), b"\x02")
    for answer in (b'{"errcode":0,"errmsg":"ok"}', b'{"errcode":93000,"errmsg":"invalid webhook url"}',
                   b'{"errcode":45009,"errmsg":"api freq out of limit"}', b"<html>502</html>"):
        write("logs", answer, b"\x01")
    # ClickHouse 18.16's answers to `funnel --steps view,join_group,view,order [--by channel]`.
    for path in files("tests/funnel/clickhouse-answer*.tsv"):
        write("logs", read(path), b"\x03")
    # ... and to `aarrr --acquisition join_group ... --by channel --periods 2`.
    write("logs", read(os.path.join(REPO, "tests/aarrr/clickhouse-answer.tsv")), b"\x04")

    calendars = [
        b'holidays: ["2026-10-01..2026-10-07", 2026-01-01]\nworkdays: [2026-10-10]\n',
        b"years: [2026]\nholidays: [2026-12-25]\n",
        b"holidays: []\n",
    ]
    for text in calendars:
        write("calendar", text, b"\x00")
    for path in files("tests/**/.sopctl.yaml"):
        write("calendar", read(path), b"\x01")
    write("calendar", b'rules: {quiet-hours: error, sell-before-trust: off}\n'
          b'limits: {quiet_hours: "23:00-07:00", max_posts_per_group_per_day: 8}\n', b"\x01")
    selectors = [
        b"day: 3\n", b"days: [1, 3, 5]\n", b'days: "1..7"\nfrom: -3\nto: 9\n',
        b"date: 2026-12-12\n", b'dates: [2026-12-12, "2026-12-20..2026-12-24"]\n',
        b"every: day\nfrom: 2026-12-01\nto: 2026-12-31\n", b"every: workday\n",
        b"every: [mon, thu]\n", b"every: {month_day: [1, 15, 31]}\n",
    ]
    for text in selectors:
        write("calendar", text, b"\x02")
    for value in (b"2026-02-28", b"2026-12", b"08:00", b"1d12h", b"thu", b"2026-12-03T08:00:00+08:00",
                  b"2026-12-03 08:00:00", b"-5.50", b"1..7", b"2026-12-01..2026-12-31"):
        write("calendar", value, b"\x03")

    for zone in ("Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe"):
        path = os.path.join("/usr/share/zoneinfo", zone)
        if os.path.isfile(path):
            write("calendar", read(path), b"\x04")

    ics_lines = [
        "早上好,今天是第1天:正式期; 记得打卡\\n",
        "a" * 200,
        "小丸子美妆研讨所A 🎉 " * 8,
        "SUMMARY:每日早读,第{day}天",
    ]
    for text in ics_lines:
        write("ics", text.encode())
    for path in files("tests/cli/plan-ics/expected.stdout"):
        for line in read(path).split(b"\r\n")[:40]:
            if line:
                write("ics", line)


if __name__ == "__main__":
    main()
