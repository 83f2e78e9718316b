#!/bin/sh
# Runs every test: a warnings-as-errors build with its unit and system tests,
# then the same under AddressSanitizer and UndefinedBehaviorSanitizer (the
# malformed inputs of tests/bad-inputs/ included), then each libFuzzer target
# of fuzz/ for SOPCTL_FUZZ_SECONDS (default 15; 0 skips) when clang++ is there.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

echo "== format check"
if command -v clang-format >/dev/null 2>&1; then
  files=$(git ls-files 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' 'tests/unit/*.cpp' 'tests/unit/*.hpp' 2>/dev/null || true)
  if [ -n "$files" ]; then
    # shellcheck disable=SC2086
    clang-format --dry-run --Werror $files
  fi
fi

echo "== build (release, -Werror) and test"
cmake -S . -B build/ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOPCTL_WERROR=ON >/dev/null
cmake --build build/ci -j"$jobs"
ctest --test-dir build/ci --output-on-failure -j"$jobs"

echo "== build with ASan+UBSan and test"
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DSOPCTL_WERROR=ON \
  -DSOPCTL_SANITIZE=address,undefined >/dev/null
cmake --build build/asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j"$jobs"

fuzz_seconds=${SOPCTL_FUZZ_SECONDS:-15}
if [ "$fuzz_seconds" != 0 ] && command -v clang++ >/dev/null 2>&1; then
  echo "== fuzz each parser for ${fuzz_seconds}s (libFuzzer, ASan+UBSan)"
  SOPCTL_FUZZ_BUILD=$PWD/build/fuzz ./fuzz/run_all.sh "$fuzz_seconds"
else
  echo "== fuzzing skipped (no clang++, or SOPCTL_FUZZ_SECONDS=0)"
fi
echo "== all tests passed"
