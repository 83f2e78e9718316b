#!/usr/bin/python3
"""The SOP templates of sop-templates/ and the commands that serve them.

Usage: test_templates.py SOPCTL_BINARY, with SOPCTL_REPO=<repo root>.

- every template passes `sopctl check --strict` against the sample roster
  (sop-templates/sample.roster.yaml, one group per template), with and
  without the built-in calendar, and alone without a roster;
- every template plans without error for its group (`--format json`), and
  the plan has the rhythm of the craft: a countdown before the open, education
  before the first conversion, a review at the end, every task type used;
- every template has the set-up and measuring sections an operator needs;
- `sopctl templates` lists them and `sopctl init` round-trips byte for byte,
  refuses to overwrite without --force, and names the ids for an unknown one;
- $SOPCTL_TEMPLATES overrides the template directory.
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    sys.exit("test_templates: apt-get install python3-yaml")

EXPECTED_IDS = {
    "camp-7d", "welfare-daily", "double12-campaign", "live-stream",
    "fission-groupbuy", "membership-renewal", "activation-7d",
    "new-customer-14d", "membership-expiry",
}
TASK_TYPES = {"fission", "conversion", "activity", "retention", "education", "review"}
AARRR = {"acquisition", "activation", "retention", "revenue", "referral"}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL", message)


def ok(message):
    print("ok  ", message)


def run(args, env=None, cwd=None):
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd)


def has_command(sopctl, name):
    out = run([sopctl, "--help"]).stdout
    in_list = False
    for line in out.splitlines():
        if line.startswith("Subcommands:"):
            in_list = True
        elif in_list and line.split()[:1] == [name]:
            return True
    return False


def is_customer(path):
    with open(path, encoding="utf-8") as f:
        return (yaml.safe_load(f) or {}).get("kind") == "customer"


def check_lint(sopctl, files, roster):
    if not has_command(sopctl, "check"):
        print("skip check --strict: the check command is not registered in this build")
        return
    customers = os.path.join(os.path.dirname(roster), "sample.customers.csv")
    for extra in ([], ["--calendar", "cn"], ["--customers", customers]):
        p = run([sopctl, "check", "--strict", *files, "--roster", roster, *extra])
        label = "check --strict with the sample roster" + (" and " + " ".join(extra) if extra else "")
        if p.returncode != 0 or p.stdout:
            fail(f"{label}: exit {p.returncode}\n{p.stdout}{p.stderr}")
        else:
            ok(label)
    for path in files:
        p = run([sopctl, "check", "--strict", path])
        if p.returncode != 0:
            fail(f"check --strict {os.path.basename(path)}: exit {p.returncode}\n{p.stdout}{p.stderr}")


def check_content(path, doc):
    name = os.path.basename(path)
    if doc.get("kind") == "customer":
        # 1:1 follow-up: no group set-up; who it reaches and when it ends instead.
        for key in ("sop", "title", "description", "goal", "anchor", "until", "funnel", "metrics", "tasks"):
            if not doc.get(key):
                fail(f"{name}: no '{key}'")
        if set((doc.get("metrics") or {}).keys()) != AARRR:
            fail(f"{name}: metrics should name all five AARRR stages")
        channels = {t.get("channel", "private") for t in doc.get("tasks") or []}
        if not channels <= {"private", "mass", "moments"}:
            fail(f"{name}: a customer SOP uses channels {sorted(channels)}")
        types = {t.get("type") for t in doc.get("tasks") or []}
        if not TASK_TYPES <= types:
            fail(f"{name}: no task of type {sorted(TASK_TYPES - types)}")
        return
    for key in ("sop", "title", "description", "goal", "phases", "setup", "funnel", "metrics", "tasks"):
        if not doc.get(key):
            fail(f"{name}: no '{key}'")
    setup = doc.get("setup") or {}
    if "{letter}" not in str(setup.get("group_name", "")):
        fail(f"{name}: setup.group_name has no {{letter}}")
    if "%NICKNAME%" not in str(setup.get("welcome", "")):
        fail(f"{name}: setup.welcome has no %NICKNAME%")
    for key in ("announcement", "rules", "keywords", "sensitive_words"):
        if not setup.get(key):
            fail(f"{name}: setup.{key} is empty")
    if set((doc.get("metrics") or {}).keys()) != AARRR:
        fail(f"{name}: metrics should name all five AARRR stages")
    phase_names = [p.get("name") for p in doc.get("phases") or []]
    for phase in ("预热期", "收尾期"):
        if phase not in phase_names:
            fail(f"{name}: no phase named {phase} (phases: {phase_names})")
    types = {t.get("type") for t in doc.get("tasks") or []}
    if not TASK_TYPES <= types:
        fail(f"{name}: no task of type {sorted(TASK_TYPES - types)}")
    if "\t" in open(path, encoding="utf-8").read():
        fail(f"{name}: contains a tab")


def check_rhythm(name, items, countdown=True):
    """The plan of one group (or customer) reads like an operator's sheet."""
    if not items:
        fail(f"{name}: the plan of its sample group is empty")
        return
    key = lambda i: (i["date"], i["time"] or "")
    first = lambda t: min((key(i) for i in items if i["type"] == t), default=None)
    last = lambda t: max((key(i) for i in items if i["type"] == t), default=None)
    if first("conversion") and (not first("education") or first("education") >= first("conversion")):
        fail(f"{name}: the first conversion item comes before any education item")
    if last("review") is None or last("review")[0] != max(i["date"] for i in items):
        fail(f"{name}: the plan does not end with a review (复盘) on its last day")
    if countdown and not any("倒计时" in i["title"] for i in items):
        fail(f"{name}: no countdown (倒计时) item")


def check_plans(sopctl, files, roster_path):
    with open(roster_path, encoding="utf-8") as f:
        roster = yaml.safe_load(f)
    groups = {g["sop"]: g["id"] for g in roster["groups"]}
    ids = {os.path.basename(p)[: -len(".sop.yaml")] for p in files if not is_customer(p)}
    if set(groups) != ids:
        fail(f"sample roster groups use {sorted(groups)}, templates are {sorted(ids)}")
    for sop_id, group in sorted(groups.items()):
        p = run([sopctl, "plan", *files, "--roster", roster_path, "--group", str(group), "--format", "json"])
        if p.returncode != 0:
            fail(f"plan --group {group} ({sop_id}): exit {p.returncode}\n{p.stderr}")
            continue
        items = json.loads(p.stdout)["items"]
        if any(i["sop"] != sop_id for i in items):
            fail(f"plan --group {group}: items of another SOP than {sop_id}")
        check_rhythm(sop_id, items)
        ok(f"plan --group {group} ({sop_id}): {len(items)} items, {items[0]['date'] if items else '-'}"
           f" .. {items[-1]['date'] if items else '-'}")
    # Customer SOPs: every targeted customer of the sample file, one at a time.
    customers = os.path.join(os.path.dirname(roster_path), "sample.customers.csv")
    for path in files:
        if not is_customer(path):
            continue
        sop_id = os.path.basename(path)[: -len(".sop.yaml")]
        p = run([sopctl, "plan", *files, "--roster", roster_path, "--customers", customers, "--format", "json"])
        if p.returncode != 0:
            fail(f"plan {sop_id} --customers: exit {p.returncode}\n{p.stderr}")
            continue
        items = [i for i in json.loads(p.stdout)["items"] if i["sop"] == sop_id]
        by_customer = {}
        for i in items:
            by_customer.setdefault(i["customer"], []).append(i)
        if not by_customer:
            fail(f"{sop_id}: no customer of the sample file is targeted")
        for customer, own in sorted(by_customer.items()):
            check_rhythm(f"{sop_id} ({customer})", own, countdown=False)
        first = min(by_customer.values(), key=len)
        if len(first) < 7:
            fail(f"{sop_id}: a customer gets only {len(first)} items")
        ok(f"plan {sop_id} --customers: {len(items)} items for {len(by_customer)} customers")


def check_templates_command(sopctl, ids):
    p = run([sopctl, "templates"])
    listed = [line.split()[0] for line in p.stdout.splitlines() if line.strip()]
    if p.returncode != 0 or listed != sorted(ids):
        fail(f"sopctl templates: exit {p.returncode}, listed {listed}")
    else:
        ok("sopctl templates lists every template, sorted")
    p = run([sopctl, "templates", "--format", "json"])
    try:
        entries = json.loads(p.stdout)["templates"]
        if [e["id"] for e in entries] != sorted(ids) or not all(e["title"] and e["description"] for e in entries):
            fail(f"sopctl templates --format json: {entries}")
    except (ValueError, KeyError) as e:
        fail(f"sopctl templates --format json: {e}: {p.stdout!r}")


def check_init(sopctl, repo, ids):
    with tempfile.TemporaryDirectory() as tmp:
        for tid in sorted(ids):
            with open(os.path.join(repo, "sop-templates", tid + ".sop.yaml"), "rb") as f:
                original = f.read()
            out = os.path.join(tmp, tid + ".sop.yaml")
            p = run([sopctl, "init", "--template", tid, "-o", out])
            with open(out, "rb") as f:
                written = f.read() if p.returncode == 0 else b""
            if p.returncode != 0 or written != original:
                fail(f"init --template {tid} -o FILE: exit {p.returncode}, identical={written == original}")
            stdout = subprocess.run([sopctl, "init", "--template", tid], capture_output=True).stdout
            if stdout != original:
                fail(f"init --template {tid} (stdout) differs from the template")
            p = run([sopctl, "init", "--template", tid, "-o", out])
            if p.returncode != 2 or "--force" not in p.stderr:
                fail(f"init over an existing file: exit {p.returncode}, {p.stderr!r}")
            p = run([sopctl, "init", "--template", tid, "-o", out, "--force", "-q"])
            if p.returncode != 0 or p.stderr:
                fail(f"init --force -q: exit {p.returncode}, {p.stderr!r}")
        ok("init round-trips every template (file and stdout), refuses to overwrite without --force")
        p = run([sopctl, "init", "--template", "camp7d"])
        if p.returncode != 2 or "did you mean 'camp-7d'" not in p.stderr or "welfare-daily" not in p.stderr:
            fail(f"init --template camp7d: exit {p.returncode}, {p.stderr!r}")
        else:
            ok("init with an unknown id exits 2 with a did-you-mean and the ids")

        # $SOPCTL_TEMPLATES names the directory.
        alt = os.path.join(tmp, "alt")
        os.mkdir(alt)
        shutil.copy(os.path.join(repo, "sop-templates", "live-stream.sop.yaml"), alt)
        env = dict(os.environ, SOPCTL_TEMPLATES=alt)
        p = run([sopctl, "templates"], env=env)
        if p.returncode != 0 or [l.split()[0] for l in p.stdout.splitlines()] != ["live-stream"]:
            fail(f"SOPCTL_TEMPLATES={alt} sopctl templates: {p.returncode} {p.stdout!r} {p.stderr!r}")
        env["SOPCTL_TEMPLATES"] = os.path.join(tmp, "missing")
        p = run([sopctl, "templates"], env=env)
        if p.returncode != 2 or "SOPCTL_TEMPLATES=" not in p.stderr:
            fail(f"SOPCTL_TEMPLATES=<missing dir>: exit {p.returncode}, {p.stderr!r}")
        else:
            ok("SOPCTL_TEMPLATES overrides the template directory; a missing one is an error")


def main():
    sopctl = os.path.abspath(sys.argv[1])
    repo = os.environ.get("SOPCTL_REPO") or os.path.join(os.path.dirname(__file__), "..", "..")
    files = sorted(glob.glob(os.path.join(repo, "sop-templates", "*.sop.yaml")))
    roster = os.path.join(repo, "sop-templates", "sample.roster.yaml")
    ids = {os.path.basename(p)[: -len(".sop.yaml")] for p in files}
    if not EXPECTED_IDS <= ids:
        fail(f"missing templates: {sorted(EXPECTED_IDS - ids)}")
    for path in files:
        with open(path, encoding="utf-8") as f:
            check_content(path, yaml.safe_load(f))
    check_lint(sopctl, files, roster)
    check_plans(sopctl, files, roster)
    check_templates_command(sopctl, ids)
    check_init(sopctl, repo, ids)
    print(f"{len(files)} templates, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
