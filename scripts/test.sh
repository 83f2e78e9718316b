#!/bin/sh
# Runs every test, building each configuration once:
#  1. format check and the layering check;
#  2. a warnings-as-errors release build (GCC) with its unit and system tests;
#  3. one clang build instrumented with AddressSanitizer,
#     UndefinedBehaviorSanitizer and libFuzzer's coverage: the same tests run
#     on it (the malformed inputs of tests/bad-inputs/ included), then each
#     libFuzzer target of fuzz/ for SOPCTL_FUZZ_SECONDS (default 15; 0 skips).
# Without clang++ the sanitizer build uses g++ and fuzzing is skipped.
# ccache is used when installed (scripts/deps.sh installs it).
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
launcher=""
if command -v ccache >/dev/null 2>&1; then
  launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
fi
start=$(date +%s)
stamp() { echo "   ($(($(date +%s) - start)) s so far)"; }

echo "== format check"
if command -v clang-format >/dev/null 2>&1; then
  files=$(git ls-files 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' 'tests/unit/*.cpp' 'tests/unit/*.hpp' 2>/dev/null || true)
  if [ -n "$files" ]; then
    # shellcheck disable=SC2086
    clang-format --dry-run --Werror $files
  fi
fi
python3 scripts/check_layers.py

echo "== build (release, -Werror) and test"
# shellcheck disable=SC2086
# SOPCTL_UNITY: the core and the binary as unity builds (a third of their
# compile time; file-local names must not clash within them).
cmake -S . -B build/ci -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DSOPCTL_WERROR=ON -DSOPCTL_UNITY=ON $launcher >/dev/null
cmake --build build/ci -j"$jobs"
ctest --test-dir build/ci --output-on-failure -j"$jobs"
stamp

fuzz_seconds=${SOPCTL_FUZZ_SECONDS:-15}
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if command -v clang++ >/dev/null 2>&1; then
  echo "== build with ASan+UBSan (+ libFuzzer coverage, clang) and test"
  # shellcheck disable=SC2086
  # -O1: the malformed inputs must each finish within a second under the sanitizers.
  CC=clang CXX=clang++ cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
    -DSOPCTL_FUZZ=ON -DSOPCTL_UNITY=ON \
    -DSOPCTL_PCH=ON $launcher >/dev/null
  cmake --build build/asan -j"$jobs"
  cmake --build build/asan --target fuzzers -j"$jobs"
  SOPCTL_BAD_INPUT_TIMEOUT=${SOPCTL_BAD_INPUT_TIMEOUT:-10} ctest --test-dir build/asan --output-on-failure -j"$jobs"
  stamp
  if [ "$fuzz_seconds" != 0 ]; then
    echo "== fuzz each parser for ${fuzz_seconds}s (libFuzzer, ASan+UBSan)"
    SOPCTL_FUZZ_BUILD=$PWD/build/asan SOPCTL_FUZZ_NO_BUILD=1 ./fuzz/run_all.sh "$fuzz_seconds"
  else
    echo "== fuzzing skipped (SOPCTL_FUZZ_SECONDS=0)"
  fi
else
  echo "== build with ASan+UBSan (g++) and test; fuzzing skipped (no clang++)"
  # shellcheck disable=SC2086
  cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DSOPCTL_WERROR=ON \
    -DSOPCTL_SANITIZE=address,undefined -DSOPCTL_UNITY=ON $launcher >/dev/null
  cmake --build build/asan -j"$jobs"
  SOPCTL_BAD_INPUT_TIMEOUT=${SOPCTL_BAD_INPUT_TIMEOUT:-10} ctest --test-dir build/asan --output-on-failure -j"$jobs"
fi
stamp
echo "== all tests passed"
