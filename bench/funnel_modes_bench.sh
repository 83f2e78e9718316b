#!/bin/sh
# Benchmark: every funnel mode and option (issue 13) against the plain
# funnel on the same generated log, in one run, so that none costs more
# than 1.3x the plain funnel's time.
#
# Usage: bench/funnel_modes_bench.sh [path/to/sopctl]   (a Release build)
#   RUNS=5        runs per variant (the median wall time is reported)
#   ROWS=10000000 rows of the generated log (bench/gen_events.py, seed 1)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sopctl=${1:-$here/../build/release/sopctl}
data=$here/data
runs=${RUNS:-5}
rows=${ROWS:-10000000}
steps=view,join_group,signup,order
mkdir -p "$data"
file=$data/events-$rows.csv
if [ ! -f "$file" ]; then
  echo "generating $file"
  python3 "$here/gen_events.py" "$rows" 1 "$file"
fi

echo "$(wc -l <"$file") lines, $(uname -n), load: $(cut -d' ' -f1-3 /proc/loadavg)"
variants="plain|
strict|--mode strict
any|--mode any
strict_order|--mode strict_order
strict_order,allow_reentry|--mode strict_order,allow_reentry
strict_deduplication|--mode strict_deduplication
strict_increase|--mode strict_increase
strict_once|--mode strict_once
exclude read:2-3|--exclude read:2-3
trend week|--trend week
by channel, by-step last|--by channel --by-step last"

# Runs are interleaved (run 1 of every variant, then run 2, ...) so that a
# change in the machine's load falls on all variants alike.
rm -f "$data"/modes.*
i=0
while [ $i -lt "$runs" ]; do
  echo "$variants" | while IFS='|' read -r name args; do
    tag=$(printf '%s' "$name" | tr -c 'a-z0-9' '_')
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o "$data/time.tmp" "$sopctl" funnel "$file" --steps "$steps" \
      --format json $args >"$data/out.modes.$tag"
    cat "$data/time.tmp" >>"$data/modes.$tag"
  done
  i=$((i + 1))
done

printf '| variant | wall (median of %s) | peak | ÷ plain |\n|---|---|---|---|\n' "$runs"
base=
echo "$variants" | while IFS='|' read -r name args; do
  tag=$(printf '%s' "$name" | tr -c 'a-z0-9' '_')
  set -- $(sort -n "$data/modes.$tag" | awk '{w[NR]=$1; m[NR]=$2} END {i=int((NR+1)/2); print w[i], m[i]}')
  [ -z "$base" ] && base=$1
  printf '| %s | %s s | %s MiB | %s |\n' "$name" "$1" "$(($2 / 1024))" \
    "$(awk -v a="$1" -v b="$base" 'BEGIN {printf "%.2f", a / b}')"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
