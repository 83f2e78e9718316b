#!/bin/sh
# First command of the README: install what is missing, build a release
# binary, and plan December 2026 for the bundled example roster.
set -eu
cd "$(dirname "$0")/.."
./scripts/deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release --target sopctl -j"$(nproc 2>/dev/null || echo 2)"
./build/release/sopctl plan examples/camp-7d.sop.yaml --roster examples/roster.yaml --month 2026-12
