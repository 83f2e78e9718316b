#!/usr/bin/env python3
"""Deterministic customers file for the customer-SOP benchmark: N customers
of 40 owners, added over 60 days (a third at a time of day, as SCRMs export
it), tags from a small set (B+, A, B, 已购, 会员), a third with an expiry date.

Usage: gen_customers.py N OUT.csv OUT.roster.yaml
"""
import datetime
import random
import sys


def main():
    n, out, roster = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rng = random.Random(5)
    first = datetime.date(2026, 11, 1)
    owners = [f"s{i:03d}" for i in range(40)]
    with open(roster, "w", encoding="utf-8") as f:
        f.write("staff:\n")
        for i, sid in enumerate(owners):
            f.write(f"  - {{id: {sid}, name: 顾问{i:03d}, roles: [owner]}}\n")
        f.write("groups: []\n")
    tags = ["B+", "A", "B", "已购", "会员"]
    with open(out, "w", encoding="utf-8") as f:
        f.write("customer_id,name,owner,added,tags,expires\n")
        for i in range(n):
            added = first + datetime.timedelta(days=rng.randrange(60))
            when = added.isoformat()
            if rng.random() < 0.33:
                when += f" {rng.randrange(8, 23):02d}:{rng.randrange(60):02d}:00"
            t = ";".join(sorted(rng.sample(tags, rng.randrange(0, 3))))
            exp = (added + datetime.timedelta(days=90)).isoformat() if rng.random() < 0.33 else ""
            f.write(f"wx{i:06d},客户{i:06d},{owners[i % 40]},{when},\"{t}\",{exp}\n")


if __name__ == "__main__":
    main()
