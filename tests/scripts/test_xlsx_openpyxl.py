#!/usr/bin/python3
"""--format xlsx read back with Debian's python3-openpyxl (docs/spec.md §5.7).

For plan (the README's example), funnel, aarrr, audit and compare: the first
sheet's header and every cell equal the --format csv output, with the right
types (dates, times, numbers; rates formatted as percentages), a frozen
header and an autofilter over the table; plan has one sheet per staff member
holding exactly that person's items; aarrr's cohort sheet agrees with the
CSV; the same inputs give the same bytes.
"""
import csv
import datetime
import io
import os
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    print("SKIP: python3-openpyxl is not installed (scripts/deps.sh installs it)")
    sys.exit(0)

REPO = os.environ.get("SOPCTL_REPO") or os.path.join(os.path.dirname(__file__), "..", "..")
EX = os.path.join(REPO, "examples")
SOP = os.path.join(EX, "camp-7d.sop.yaml")
ROSTER = os.path.join(EX, "roster.yaml")
AUDIT = ["audit", SOP, "--roster", ROSTER, "--done", os.path.join(EX, "done.csv"),
         "--done-at-col", "完成时间", "--group-col", "群名称", "--task-col", "任务名称",
         "--staff-col", "执行人", "--from", "2026-12-03", "--to", "2026-12-06",
         "--as-of", "2026-12-06T23:59"]
COMMANDS = {
    "plan": ["plan", SOP, "--roster", ROSTER, "--month", "2026-12"],
    "funnel": ["funnel", os.path.join(EX, "events.csv"), "--sop", SOP, "--window", "14d",
               "--by", "channel"],
    "aarrr": ["aarrr", os.path.join(EX, "events.csv"), "--sop", SOP, "--by", "channel",
              "--cohort", "week", "--cost", "20000"],
    "audit": AUDIT + ["--by", "staff"],
    "compare": ["compare", os.path.join(EX, "ab-test.csv"), "--steps", "join_group,order",
                "--by", "variant", "--control", "A"],
}
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True)
    if p.returncode != 0:
        raise SystemExit("FAIL: %s exited %d: %s" % (args, p.returncode, p.stderr.decode()))
    return p.stdout


def same_cell(name, cell, text):
    """Whether an openpyxl cell holds what the CSV field `text` says."""
    v = cell.value
    if text == "":
        return v is None
    if isinstance(v, datetime.datetime):
        if v.hour == 0 and v.minute == 0 and len(text) == 10:
            return v.strftime("%Y-%m-%d") == text and cell.number_format == "yyyy-mm-dd"
        return v.strftime("%Y-%m-%d %H:%M") == text.replace("T", " ")[:16]
    if isinstance(v, datetime.time):
        return v.strftime("%H:%M") == text and cell.number_format == "hh:mm"
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        # libxlsxwriter writes 16 significant digits (Excel shows 15).
        return abs(float(text) - float(v)) <= 1e-15 * max(1.0, abs(float(text)))
    return v == text


def check_sheet(label, ws, csv_text, expect_types=()):
    rows = list(csv.reader(io.StringIO(csv_text.decode("utf-8"))))
    header, body = rows[0], rows[1:]
    got_header = [c.value for c in ws[1]]
    if got_header != header:
        fail("%s: header %s, CSV %s" % (label, got_header, header))
        return
    if ws.max_row != len(body) + 1:
        fail("%s: %d rows, CSV %d" % (label, ws.max_row - 1, len(body)))
    if ws.freeze_panes != "A2":
        fail("%s: freeze panes %s" % (label, ws.freeze_panes))
    last = openpyxl.utils.get_column_letter(len(header))
    if ws.auto_filter.ref != "A1:%s%d" % (last, len(body) + 1):
        fail("%s: autofilter %s" % (label, ws.auto_filter.ref))
    bad = 0
    for r, row in enumerate(body, start=2):
        for c, text in enumerate(row, start=1):
            if not same_cell(label, ws.cell(r, c), text):
                bad += 1
                if bad <= 5:
                    fail("%s: cell %s%d is %r (%s), CSV says %r" % (
                        label, openpyxl.utils.get_column_letter(c), r, ws.cell(r, c).value,
                        ws.cell(r, c).number_format, text))
    for column, want in expect_types:
        c = header.index(column) + 1
        cell = ws.cell(2, c)
        kind = type(cell.value).__name__ + ("%" if "%" in cell.number_format else "")
        kind = kind.replace("int%", "float%")  # a rate of 1 reads back as an int
        if kind != want:
            fail("%s: column %s is %s, want %s" % (label, column, kind, want))
    for c in range(1, len(header) + 1):
        width = ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
        if not width or width < 4:
            fail("%s: column %d has no width" % (label, c))
    print("ok   %s: %d rows x %d columns" % (label, len(body), len(header)))


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in COMMANDS.items():
            path = os.path.join(tmp, name + ".xlsx")
            run(binary, args + ["--format", "xlsx", "-o", path, "-q"])
            again = run(binary, args + ["--format", "xlsx"])
            with open(path, "rb") as f:
                if f.read() != again:
                    fail("%s: -o and stdout (or two runs) give different bytes" % name)
            csv_text = run(binary, args + ["--format", "csv"])
            wb = openpyxl.load_workbook(path)
            types = {
                "plan": [("date", "datetime"), ("time", "time"), ("day", "int")],
                "funnel": [("users", "int"), ("from_first", "float%")],
                "audit": [("planned", "int"), ("on_time_rate", "float%")],
                "compare": [("users", "int"), ("conversion", "float%"), ("p_value", "NoneType")],
            }.get(name, [])
            check_sheet(name, wb.worksheets[0], csv_text, types)
            if name == "plan":
                check_staff_sheets(wb, csv_text)
            if name == "aarrr":
                check_cohorts(wb, csv_text)
            if name == "audit":
                listed = run(binary, AUDIT + ["--by", "staff", "--list", "--format", "csv"])
                check_sheet("audit listed", wb.worksheets[1], listed)
    print("%d failed" % len(failures))
    return 1 if failures else 0


def check_staff_sheets(wb, csv_text):
    rows = list(csv.DictReader(io.StringIO(csv_text.decode("utf-8"))))
    people = sorted({p.split(":")[0] for r in rows for p in r["staff"].split(";") if p})
    names = wb.sheetnames[1:]
    if len(names) != len(people):
        fail("plan: staff sheets %s for staff %s" % (names, people))
        return
    for sheet_name, staff_id in zip(names, people):
        ws = wb[sheet_name]
        theirs = [r for r in rows if staff_id in [p.split(":")[0] for p in r["staff"].split(";")]]
        keys = [ws.cell(r, ws.max_column).value for r in range(2, ws.max_row + 1)]
        if keys != [r["key"] for r in theirs] or not sheet_name.endswith("(%s)" % staff_id):
            fail("plan: sheet %s holds %d items, %s has %d" % (sheet_name, len(keys), staff_id,
                                                             len(theirs)))
        else:
            print("ok   plan sheet %s: %d items" % (sheet_name, len(keys)))


def check_cohorts(wb, csv_text):
    rows = list(csv.DictReader(io.StringIO(csv_text.decode("utf-8"))))
    ws = wb["cohorts"]
    want = {}
    for r in rows:
        if r["stage"] == "retention" and r["metric"] == "cohort_users":
            want[r["segment"]] = [float(r["value"])]
        elif (r["stage"] == "retention" and r["metric"].startswith("period_")
              and r["segment"] in want):
            want[r["segment"]].append(float(r["value"]) if r["value"] else None)
    got = {}
    for r in range(2, ws.max_row + 1):
        cohort = ws.cell(r, 1).value.strftime("%Y-%m-%d")
        got[cohort] = [ws.cell(r, c).value for c in range(2, ws.max_column + 1)]
        got[cohort] = [None if v is None else float(v) for v in got[cohort]]
        while len(got[cohort]) < len(want.get(cohort, [])):
            got[cohort].append(None)
    def close(a, b):
        return len(a) == len(b) and all(
            (x is None and y is None) or (x is not None and y is not None and abs(x - y) <= 1e-15)
            for x, y in zip(a, b))
    if sorted(got) != sorted(want) or not all(close(got[k], want[k]) for k in want):
        fail("aarrr: cohort sheet %s, CSV %s" % (got, want))
    elif ws.cell(2, 3).number_format != "0.0%":
        fail("aarrr: period cells are not percentages: %s" % ws.cell(2, 3).number_format)
    else:
        print("ok   aarrr cohorts: %d cohorts" % len(got))


if __name__ == "__main__":
    sys.exit(main())
