#!/bin/sh
# Benchmark: `sopctl audit` of a month for 1,000 groups (the plan benchmark's
# roster, 24,080 items) against a 30,000-record done log (gen_done.py).
# Usage: bench/audit_bench.sh [path/to/sopctl]   (a Release build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sopctl=${1:-$here/../build/release/sopctl}
[ -x "$sopctl" ] || { echo "no sopctl at $sopctl: build it first (./scripts/setup.sh)" >&2; exit 2; }
data=$here/data
mkdir -p "$data"
sop=$here/../examples/camp-7d.sop.yaml
python3 "$here/gen_roster.py" 1000 2026-12 "$data/roster-1000.yaml"
"$sopctl" plan "$sop" --roster "$data/roster-1000.yaml" --month 2026-12 --format json \
  -o "$data/plan-1000.json"
python3 "$here/gen_done.py" "$data/plan-1000.json" 30000 "$data/done-30000.csv"
run() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 2 --runs 10 "$*"
  else
    for _ in 1 2 3; do /usr/bin/time -f "%e s  %M KiB  $*" "$@" >/dev/null; done
  fi
}
"$sopctl" audit "$sop" --roster "$data/roster-1000.yaml" --done "$data/done-30000.csv" \
  --month 2026-12 --as-of 2027-01-05T00:00 | tail -4
run "$sopctl" audit "$sop" --roster "$data/roster-1000.yaml" --done "$data/done-30000.csv" \
  --month 2026-12 --as-of 2027-01-05T00:00 --format json
run "$sopctl" audit "$sop" --roster "$data/roster-1000.yaml" --done "$data/done-30000.csv" \
  --month 2026-12 --as-of 2027-01-05T00:00 --by group --list
