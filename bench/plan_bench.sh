#!/bin/sh
# Benchmark: `sopctl plan` for 1,000 groups over one month, as JSON and as a
# table. Usage: bench/plan_bench.sh [path/to/sopctl]   (a Release build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sopctl=${1:-$here/../build/release/sopctl}
[ -x "$sopctl" ] || { echo "no sopctl at $sopctl: build it first (./scripts/setup.sh)" >&2; exit 2; }
data=$here/data
mkdir -p "$data"
python3 "$here/gen_roster.py" 1000 2026-12 "$data/roster-1000.yaml"
sop=$here/../examples/camp-7d.sop.yaml
run() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 2 --runs 10 "$*"
  else
    for _ in 1 2 3; do /usr/bin/time -f "%e s  %M KiB  $*" "$@" >/dev/null; done
  fi
}
items=$("$sopctl" plan "$sop" --roster "$data/roster-1000.yaml" --month 2026-12 --format csv | wc -l)
echo "items: $((items - 1))"
run "$sopctl" plan "$sop" --roster "$data/roster-1000.yaml" --month 2026-12 --format json
run "$sopctl" plan "$sop" --roster "$data/roster-1000.yaml" --month 2026-12 --format table --color never
run "$sopctl" --version
