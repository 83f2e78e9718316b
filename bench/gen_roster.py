#!/usr/bin/env python3
"""Deterministic roster for the plan benchmark: N groups of the example camp
SOP, opening on different days around one month, with a few staff.

Usage: gen_roster.py GROUPS MONTH OUT.roster.yaml   (e.g. 1000 2026-12 out.yaml)
"""
import datetime
import random
import sys


def main():
    groups, month, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    year, mon = (int(x) for x in month.split("-"))
    first = datetime.date(year, mon, 1)
    rng = random.Random(1)
    staff = [f"s{i:03d}" for i in range(40)]
    with open(out, "w", encoding="utf-8") as f:
        f.write("staff:\n")
        for i, sid in enumerate(staff):
            role = "owner" if i % 4 == 0 else "assistant"
            f.write(f"  - {{id: {sid}, name: 运营{i:03d}, roles: [{role}]}}\n")
        f.write("groups:\n")
        for g in range(groups):
            open_date = first + datetime.timedelta(days=rng.randint(-10, 30))
            owner = staff[(g * 4) % len(staff)]
            helpers = [staff[(g * 4 + 1) % len(staff)], staff[(g * 4 + 2) % len(staff)]]
            f.write(f"  - {{id: G{g:04d}, sop: camp-7d, open: {open_date.isoformat()}, "
                    f"owner: {owner}, assistants: [{', '.join(helpers)}], size: {rng.randint(80, 200)}}}\n")


if __name__ == "__main__":
    main()
