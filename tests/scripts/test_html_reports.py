#!/usr/bin/python3
"""--format html for funnel, aarrr, audit and compare (docs/spec.md §5.7),
held against --format json on the README's examples.

Every <svg> of a page is parsed as XML; then
  funnel:  a bar per step, in order, with the JSON's users, a width that is
           the step's share of step 1 (420 px for step 1), the step name as
           its label and the count beside it; one section per --by value;
  aarrr:   a heat-map cell per (cohort, period) with the JSON's rate, null
           (incomplete) cells hatched; the stage bars with the JSON's users;
  audit:   per staff member the on time / late / missed / pending bars with
           the JSON's counts, and the on-time rate;
  compare: per variant the point at the JSON's rate and the interval's ends.
Each page is self-contained (no script, no external URL), and the same
input gives the same bytes.
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

REPO = os.environ.get("SOPCTL_REPO") or os.path.join(os.path.dirname(__file__), "..", "..")
EX = os.path.join(REPO, "examples")
SOP = os.path.join(EX, "camp-7d.sop.yaml")
ROSTER = os.path.join(EX, "roster.yaml")
SVG = "{http://www.w3.org/2000/svg}"
COMMANDS = {
    "funnel": ["funnel", os.path.join(EX, "events.csv"), "--sop", SOP, "--window", "14d",
               "--by", "channel"],
    "aarrr": ["aarrr", os.path.join(EX, "events.csv"), "--sop", SOP, "--by", "channel",
              "--cohort", "week", "--cost", "20000"],
    "audit": ["audit", SOP, "--roster", ROSTER, "--done", os.path.join(EX, "done.csv"),
              "--done-at-col", "完成时间", "--group-col", "群名称", "--task-col", "任务名称",
              "--staff-col", "执行人", "--from", "2026-12-03", "--to", "2026-12-06",
              "--as-of", "2026-12-06T23:59", "--list"],
    "compare": ["compare", os.path.join(EX, "ab-test.csv"), "--steps", "join_group,order",
                "--by", "variant", "--control", "A"],
}
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(sopctl, args):
    r = subprocess.run([sopctl] + args, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"sopctl {' '.join(args)}: exit {r.returncode}\n{r.stderr.decode()}")
    return r.stdout.decode("utf-8")


def svgs(page):
    return [ET.fromstring(m) for m in re.findall(r"<svg .*?</svg>", page, re.S)]


def rects(svg, cls):
    return [e for e in svg.iter(SVG + "rect") if cls in e.get("class", "").split()]


def close(a, b, tol=0.051):
    return abs(float(a) - float(b)) <= tol


def count(n):
    return f"{n:,}"


def funnel(page, data):
    pictures = svgs(page)
    total = pictures[0]
    bars = rects(total, "bar")
    steps = data["steps"]
    check([b.get("data-step") for b in bars] == [s["step"] for s in steps], "funnel: bar per step")
    first = steps[0]["users"]
    for b, s in zip(bars, steps):
        check(int(b.get("data-users")) == s["users"], f"funnel: users of {s['step']}")
        check(close(b.get("width"), round(420 * s["users"] / first, 1)),
              f"funnel: width of {s['step']}: {b.get('width')}")
    labels = [t.text for t in total.iter(SVG + "text") if t.get("class") == "label"]
    check(labels == [s["step"] for s in steps], f"funnel: labels {labels}")
    values = [t.text for t in total.iter(SVG + "text") if t.get("class") == "value"]
    check([v.split(" · ")[0] for v in values] == [count(s["users"]) for s in steps],
          f"funnel: values {values}")
    drops = [t.text for t in total.iter(SVG + "text") if "drop" in t.get("class", "")]
    check(len(drops) == len(steps) - 1, "funnel: a drop-off between each pair of steps")
    for d, s in zip(drops, steps[1:]):
        check(f"lost ({count(s['lost'])}) to {s['step']}" in d, f"funnel: drop-off {d}")
    sections = re.findall(r'<section class="funnel" data-segment="([^"]*)">', page)
    segments = (data.get("by") or {}).get("segments", [])
    segs = [s["value"] for s in segments]
    check(sections == [""] + segs, f"funnel: sections {sections} for {segs}")
    # pictures: the total, the histogram, then one per segment
    check(len(segments) == 3, "funnel: the example has three channels")
    for svg, seg in zip(pictures[2:], segments):
        got = [int(b.get("data-users")) for b in rects(svg, "bar")]
        check(got == [s["users"] for s in seg["steps"]], f"funnel: segment {seg['value']}")
    hist = [int(b.get("data-users")) for b in rects(pictures[1], "bar")]
    check(hist == [b["users"] for b in data["time_to_convert"]["histogram"]],
          "funnel: time-to-convert histogram")


def aarrr(page, data):
    stages_svg, cohort_svg = svgs(page)
    stages = {b.get("data-stage"): int(b.get("data-users")) for b in rects(stages_svg, "bar")}
    check(stages["acquisition"] == data["acquisition"]["users"], "aarrr: acquisition bar")
    check(stages["activation"] == data["activation"]["users"], "aarrr: activation bar")
    check(stages["revenue"] == data["revenue"]["paying_users"], "aarrr: revenue bar")
    check(stages["referral"] == data["referral"]["referred"], "aarrr: referral bar")
    cells = {(c.get("data-cohort"), int(c.get("data-period"))): c for c in rects(cohort_svg, "cell")}
    n = 0
    for cohort in data["retention"]["cohorts"]:
        for k, rate in enumerate(cohort["periods"]):
            cell = cells.get((cohort["cohort"], k))
            check(cell is not None, f"aarrr: cell {cohort['cohort']} {k}")
            if cell is None:
                continue
            n += 1
            if rate is None:
                check(cell.get("data-rate") == "null" and "incomplete" in cell.get("class"),
                      f"aarrr: incomplete cell {cohort['cohort']} {k}")
            else:
                check(float(cell.get("data-rate")) == rate, f"aarrr: rate {cohort['cohort']} {k}")
    check(n > 0 and any(c.get("data-rate") == "null" for c in cells.values()),
          "aarrr: the example has complete and incomplete cells")


def audit(page, data):
    svg = svgs(page)[0]
    by = data["by"]
    for row in data["rows"]:
        key = row[by]
        got = {r.get("class"): int(r.get("data-count")) for r in svg.iter(SVG + "rect")
               if r.get("data-row") == key}
        want = {k: row[k] for k in ("on_time", "late", "missed", "pending")}
        check(got == want, f"audit: {key}: {got} for {want}")
        desc = [d for d in svg.iter(SVG + "desc") if d.get("data-row") == key]
        check(len(desc) == 1 and float(desc[0].get("data-on-time-rate")) == row["on_time_rate"],
              f"audit: on-time rate of {key}")


def compare(page, data):
    svg = svgs(page)[0]
    points = {c.get("data-arm"): c for c in svg.iter(SVG + "circle")}
    lines = {l.get("data-arm"): l for l in svg.iter(SVG + "line") if l.get("data-arm") is not None}
    for v in data["variants"]:
        p = points.get(v["variant"])
        check(p is not None and float(p.get("data-rate")) == v["conversion"],
              f"compare: point of {v['variant']}")
        l = lines.get(v["variant"])
        check(l is not None and float(l.get("data-lo")) == v["ci_low"] and
              float(l.get("data-hi")) == v["ci_high"], f"compare: interval of {v['variant']}")
        check(("control" in p.get("class", "")) == v["control"], f"compare: control {v['variant']}")


def main():
    sopctl = sys.argv[1]
    for name, args in COMMANDS.items():
        page = run(sopctl, args + ["--format", "html"])
        data = json.loads(run(sopctl, args + ["--format", "json"]))
        check(page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n"), f"{name}: page")
        check("<script" not in page and not re.search(r'(src|href)="', page) and
              "@import" not in page and "url(http" not in page, f"{name}: self-contained")
        check(page == run(sopctl, args + ["--format", "html"]), f"{name}: same bytes twice")
        globals()[name](page, data)
    for f in failures:
        print("FAIL", f)
    if not failures:
        print(f"ok: {len(COMMANDS)} HTML reports agree with their JSON")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
