#!/bin/sh
# Runs every fuzz target for SECONDS each, two at a time (the machine has two
# cores), and fails when any of them finds something.
# Usage: fuzz/run_all.sh SECONDS [libFuzzer flags...]
set -eu
if [ $# -lt 1 ]; then
  echo "usage: fuzz/run_all.sh SECONDS [libFuzzer flags...]" >&2
  exit 2
fi
seconds=$1
shift
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${SOPCTL_FUZZ_BUILD:-$repo/build/fuzz}
targets="sop roster events calendar ics logs"
if [ "${SOPCTL_FUZZ_NO_BUILD:-}" != 1 ]; then
  if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DSOPCTL_FUZZ=ON -DSOPCTL_BUILD_TESTS=OFF >/dev/null
  fi
  cmake --build "$build" --target fuzzers -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
fi
mkdir -p "$build/artifacts"
failed=""
set -- $targets
while [ $# -gt 0 ]; do
  a=$1
  shift
  b=${1:-}
  [ $# -gt 0 ] && shift
  SOPCTL_FUZZ_BUILD=$build SOPCTL_FUZZ_NO_BUILD=1 "$repo/fuzz/run.sh" "$a" "$seconds" \
    >"$build/artifacts/$a.out" 2>&1 &
  pa=$!
  if [ -n "$b" ]; then
    SOPCTL_FUZZ_BUILD=$build SOPCTL_FUZZ_NO_BUILD=1 "$repo/fuzz/run.sh" "$b" "$seconds" \
      >"$build/artifacts/$b.out" 2>&1 &
    pb=$!
  fi
  wait "$pa" || failed="$failed $a"
  cat "$build/artifacts/$a.out"
  if [ -n "$b" ]; then
    wait "$pb" || failed="$failed $b"
    cat "$build/artifacts/$b.out"
  fi
done
total=$(echo $targets | wc -w)
bad=$(echo $failed | wc -w)
if [ -n "$failed" ]; then
  echo "fuzz: findings in:$failed" >&2
  echo "fuzz: $((total - bad)) passed, $bad failed"
  exit 1
fi
echo "fuzz: every target ran ${seconds}s without a finding"
echo "fuzz: $total passed, 0 failed"
