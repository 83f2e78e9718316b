#!/bin/sh
# Benchmark: `sopctl funnel` against DuckDB (the fastest peer, see
# bench/README.md) on generated event logs of 1M and 10M rows, same file,
# same query (view -> join_group -> signup -> order, 7 days, ordered).
#
# Usage: bench/funnel_bench.sh [path/to/sopctl]   (a Release build)
#   RUNS=3        runs per tool and size (the median wall time is reported)
#   SIZES="1000000 10000000"
#   NO_DUCKDB=1   skip the peer
# Logs are generated once into bench/data/ (gitignored, 64 MiB and 636 MiB).
# DuckDB comes from npm (@duckdb/node-api ships its binary), installed into
# bench/data/duckdb-peer/ when npm is there; otherwise only sopctl runs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sopctl=${1:-$here/../build/release/sopctl}
data=$here/data
runs=${RUNS:-3}
sizes=${SIZES:-"1000000 10000000"}
steps=view,join_group,signup,order
mkdir -p "$data"

peer=$data/duckdb-peer
duckdb=
if [ "${NO_DUCKDB:-}" != 1 ] && command -v node >/dev/null 2>&1; then
  if [ ! -d "$peer/node_modules/@duckdb/node-api" ] && command -v npm >/dev/null 2>&1; then
    mkdir -p "$peer"
    cp "$here/duckdb-peer/package.json" "$here/duckdb-peer/package-lock.json" \
      "$here/duckdb-peer/funnel_duckdb.js" "$peer/"
    (cd "$peer" && npm install --no-audit --no-fund >npm.log 2>&1) ||
      echo "npm install failed (see $peer/npm.log): DuckDB skipped"
  fi
  if [ -d "$peer/node_modules/@duckdb/node-api" ]; then
    cp "$here/duckdb-peer/funnel_duckdb.js" "$peer/"
    duckdb=$peer/funnel_duckdb.js
  fi
fi

# measure NAME CMD...: runs CMD $runs times (stdout to $data/out.NAME),
# prints the median wall time and the largest peak RSS, and sets $median.
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
  printf '  %-8s %6.2f s  %5s MiB peak   (runs: %s)\n' "$name" "$median" "$peak" \
    "$(awk '{printf "%s ", $1}' "$data/times.$name")"
}

for n in $sizes; do
  file=$data/events-$n.csv
  if [ ! -f "$file" ]; then
    echo "generating $file"
    python3 "$here/gen_events.py" "$n" 1 "$file"
  fi
  cat "$file" >/dev/null  # into the page cache
  echo "== $n rows ($(du -m "$file" | cut -f1) MiB)"
  measure sopctl "$sopctl" funnel "$file" --steps "$steps" --format csv
  ours=$median
  cut -d, -f1,2 "$data/out.sopctl" >"$data/counts.sopctl"
  tr '\n' ' ' <"$data/counts.sopctl"
  echo
  if [ -n "$duckdb" ]; then
    measure duckdb node "$duckdb" "$file" asof
    if cmp -s "$data/counts.sopctl" "$data/out.duckdb"; then
      echo "  same counts"
    else
      echo "  COUNTS DIFFER:"
      cat "$data/out.duckdb"
    fi
    awk -v a="$median" -v b="$ours" 'BEGIN {printf "  ratio    DuckDB / sopctl = %.1f (target: at least 5)\n", a / b}'
  fi
done
