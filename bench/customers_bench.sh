#!/bin/sh
# Benchmark: a 14-day customer SOP (five touches) for 100,000 customers
# (gen_customers.py), planned whole to JSON and as a --summary table.
# Usage: bench/customers_bench.sh [path/to/sopctl]   (a Release build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sopctl=${1:-$here/../build/release/sopctl}
[ -x "$sopctl" ] || { echo "no sopctl at $sopctl: build it first (./scripts/setup.sh)" >&2; exit 2; }
data=$here/data
mkdir -p "$data"
python3 "$here/gen_customers.py" 100000 "$data/customers-100k.csv" "$data/customers.roster.yaml"
sop=$here/customer-14d.sop.yaml
run() {
  for _ in 1 2 3; do /usr/bin/time -f "%e s  %U user  %M KiB  $*" "$@" >/dev/null; done
}
"$sopctl" plan "$sop" --roster "$data/customers.roster.yaml" --customers "$data/customers-100k.csv" \
  --format json | grep -c '"key"' | sed 's/^/items: /'
run "$sopctl" plan "$sop" --roster "$data/customers.roster.yaml" --customers "$data/customers-100k.csv" --format json
run "$sopctl" plan "$sop" --roster "$data/customers.roster.yaml" --customers "$data/customers-100k.csv" --summary
run "$sopctl" plan "$sop" --roster "$data/customers.roster.yaml" --customers "$data/customers-100k.csv" --date 2026-12-03 --format json
