#!/bin/sh
# Benchmark: `sopctl check` on an SOP with 10,000 tasks and a roster of 1,000
# groups. Usage: bench/check_bench.sh [path/to/sopctl]   (a Release build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sopctl=${1:-$here/../build/release/sopctl}
[ -x "$sopctl" ] || { echo "no sopctl at $sopctl: build it first (./scripts/setup.sh)" >&2; exit 2; }
data=$here/data
python3 "$here/gen_check.py" 10000 1000 300 "$data"
"$sopctl" check "$data/big.sop.yaml" --roster "$data/big.roster.yaml" --format json -q | tail -3 || true
for cal in "" "--calendar cn"; do
  # shellcheck disable=SC2086
  hyperfine --warmup 1 --runs 5 -i "$sopctl check $data/big.sop.yaml --roster $data/big.roster.yaml -q $cal"
done
