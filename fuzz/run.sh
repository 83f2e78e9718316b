#!/bin/sh
# Runs one libFuzzer target for SECONDS: builds it (clang, ASan+UBSan) in
# $SOPCTL_FUZZ_BUILD (default build/fuzz), replays the regression inputs of
# fuzz/regressions/TARGET/, then fuzzes from the seed corpus fuzz/corpus/TARGET/
# (new inputs go to a work corpus in the build dir, not into the repo).
# A crash, a sanitizer report, a leak, a slow input (over 5 s) or a memory
# blow-up fails the run; the input is left in $SOPCTL_FUZZ_BUILD/artifacts/.
#
# Usage: fuzz/run.sh TARGET SECONDS [libFuzzer flags...]
#   TARGET: sop | roster | events | calendar | ics | logs
# Env: SOPCTL_FUZZ_BUILD (build dir), SOPCTL_FUZZ_NO_BUILD=1 (use it as is),
#   SOPCTL_FUZZ_BIG=1: the large-input mode for time that grows with the
#   square of the input, hidden nesting and YAML that is not YAML (issue 16,
#   classes 1-3): inputs up to 8 MiB, seeded also with the generated hostile
#   inputs of tests/scripts/test_bad_inputs.py, 60 s per input.
set -eu
if [ $# -lt 2 ]; then
  echo "usage: fuzz/run.sh TARGET SECONDS [libFuzzer flags...]" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${SOPCTL_FUZZ_BUILD:-$repo/build/fuzz}
case $target in
  sop | roster | events | calendar | ics | logs) ;;
  *) echo "fuzz/run.sh: unknown target '$target' (sop, roster, events, calendar, ics, logs)" >&2; exit 2 ;;
esac

if [ "${SOPCTL_FUZZ_NO_BUILD:-}" != 1 ]; then
  if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DSOPCTL_FUZZ=ON -DSOPCTL_BUILD_TESTS=OFF >/dev/null
  fi
  cmake --build "$build" --target "fuzz_$target" -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
fi

bin=$build/fuzz/fuzz_$target
work=$build/corpus/$target
artifacts=$build/artifacts/$target
mkdir -p "$work" "$artifacts"
# Leaks are findings too; UBSan stops at the first report.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

regressions=$repo/fuzz/regressions/$target
if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
  echo "== fuzz_$target: replaying $(ls "$regressions" | wc -l) regression inputs"
  "$bin" -runs=1 "$regressions"/* >"$artifacts/regressions.log" 2>&1 || {
    tail -40 "$artifacts/regressions.log"
    echo "fuzz_$target: a regression input fails again (log: $artifacts/regressions.log)" >&2
    exit 1
  }
fi

max_len=65536
timeout=5
seeds="$repo/fuzz/corpus/$target"
if [ "${SOPCTL_FUZZ_BIG:-}" = 1 ]; then
  # Coverage-instrumented ASan code runs about 100 times slower than the
  # release build: 15,000 unknown keys take 0.6 s there and 12 s here. A
  # quadratic path at these sizes would take hours, so 60 s still finds one.
  max_len=8388608
  timeout=60
  big=$build/big-seeds/$target
  mkdir -p "$big"
  python3 - "$repo" "$target" "$big" <<'PY'
import glob, os, shutil, sys, tempfile
repo, target, out = sys.argv[1:4]
sys.path.insert(0, os.path.join(repo, "tests", "scripts"))
import test_bad_inputs
kinds = {"sop": (".sop.yaml",), "roster": (".roster.yaml", ".roster.csv", "groups.csv"),
         "events": (".csv",), "calendar": (".calendar.yaml", ".config.yaml")}
with tempfile.TemporaryDirectory() as tmp:
    test_bad_inputs.generate(os.path.join(tmp, "gen"))
    for f in glob.glob(os.path.join(tmp, "gen", "*")):
        name = os.path.basename(f)
        if name.endswith(kinds.get(target, ("-none-",))) and os.path.getsize(f) <= 8388608:
            shutil.copy(f, out)
PY
  seeds="$seeds $big"
fi
echo "== fuzz_$target: ${seconds}s (inputs up to $max_len bytes)"
log=$artifacts/fuzz.log
status=0
# shellcheck disable=SC2086
"$bin" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -malloc_limit_mb=1024 \
  -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" \
  "$work" $seeds >"$log" 2>&1 || status=$?
# The last status line and the final stats: executions per second and coverage.
grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
if [ $status -ne 0 ]; then
  grep -E 'ERROR|SUMMARY|runtime error|invariant failed|Test unit written' "$log" | head -20 >&2
  echo "fuzz_$target: FAILED (exit $status; log: $log; inputs: $artifacts/)" >&2
  exit 1
fi
echo "fuzz_$target: ok"
