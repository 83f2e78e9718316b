#!/bin/sh
# Benchmark: `sopctl aarrr` on generated event logs (bench/gen_aarrr.py) of
# 3M and 10M rows: all five stages, D1/D7/D30, day cohorts, --by channel,
# --cost. The Python reference (bench/ref_aarrr.py) is timed on the
# smallest size with CHECK=1 and its JSON compared with sopctl's.
#
# Usage: bench/aarrr_bench.sh [path/to/sopctl]   (a Release build)
#   RUNS=3                     runs per size (the median wall time is reported)
#   SIZES="3000000 10000000"
#   CHECK=1                    also run the reference on the first size (slow)
# Logs are generated once into bench/data/ (gitignored; 139 MiB and 461 MiB).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sopctl=${1:-$here/../build/release/sopctl}
[ -x "$sopctl" ] || { echo "no sopctl at $sopctl: build it first (./scripts/setup.sh)" >&2; exit 2; }
data=$here/data
runs=${RUNS:-3}
sizes=${SIZES:-"3000000 10000000"}
mkdir -p "$data"
set -- "$sopctl" aarrr --acquisition join_group --activation check_in --retention read \
  --revenue order --referral invite --by channel --cost 50000 -q

# measure NAME CMD...: runs CMD $runs times (stdout to $data/out.NAME),
# prints the median wall time and the largest peak RSS.
measure() {
  name=$1
  shift
  : >"$data/times.$name"
  i=0
  while [ $i -lt "$runs" ]; do
    /usr/bin/time -f "%e %M" -o "$data/time.tmp" "$@" >"$data/out.$name"
    cat "$data/time.tmp" >>"$data/times.$name"
    i=$((i + 1))
  done
  median=$(sort -n "$data/times.$name" | awk '{w[NR]=$1} END {print w[int((NR+1)/2)]}')
  peak=$(awk 'BEGIN {m=0} $2>m {m=$2} END {printf "%.0f", m/1024}' "$data/times.$name")
  printf '  %-10s %6.2f s  %5s MiB peak   (runs: %s)\n' "$name" "$median" "$peak" \
    "$(awk '{printf "%s ", $1}' "$data/times.$name")"
}

first=1
for n in $sizes; do
  file=$data/aarrr-$n.csv
  if [ ! -f "$file" ]; then
    echo "generating $file"
    python3 "$here/gen_aarrr.py" "$n" 1 "$file"
  fi
  cat "$file" >/dev/null  # into the page cache
  echo "== $n rows ($(du -m "$file" | cut -f1) MiB)"
  measure sopctl "$@" "$file" --format json
  measure sopctl-tbl "$@" "$file"
  if [ "${CHECK:-}" = 1 ] && [ $first = 1 ]; then
    runs_saved=$runs
    runs=1
    measure reference python3 "$here/ref_aarrr.py" "$file" --by channel --cost 50000
    runs=$runs_saved
    if cmp -s "$data/out.sopctl" "$data/out.reference"; then
      echo "  same JSON as the reference"
    else
      echo "  JSON DIFFERS from the reference"
    fi
  fi
  first=0
done
