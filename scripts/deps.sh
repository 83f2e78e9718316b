#!/bin/sh
# Installs what sopctl needs to build and test, when missing.
# scdoc renders the man page from docs/sopctl.1.scd (47 kB, no dependencies).
# clang and libclang-rt-14-dev (libFuzzer, sanitizer runtimes) build fuzz/;
# ccache makes a second build of the same tree cheap. gettext compiles and
# checks po/zh_CN.po (msgfmt, xgettext). clickhouse-server and
# DuckDB (@duckdb/node-api from npm, into bench/data/duckdb-peer/) are the
# warehouse test's servers (tests/scripts/test_warehouse.py) and the
# benchmarks' peer.
set -eu
cd "$(dirname "$0")/.."
pkgs="cmake g++ make pkg-config libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev
libutf8proc-dev python3 python3-icalendar python3-jsonschema python3-yaml scdoc
clang libclang-rt-14-dev ccache libcurl4-openssl-dev python3-scipy
libxlsxwriter-dev python3-openpyxl libfyaml-dev clickhouse-server gettext"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# node and npm may come from elsewhere (nodesource's nodejs carries npm).
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
if [ -n "$missing" ]; then
  echo "installing:$missing"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
peer=bench/data/duckdb-peer
if [ ! -d "$peer/node_modules/@duckdb/node-api" ]; then
  echo "installing @duckdb/node-api (npm) into $peer"
  mkdir -p "$peer"
  cp bench/duckdb-peer/package.json bench/duckdb-peer/package-lock.json "$peer/"
  # npm's registry is the one network dependency: one retry.
  (cd "$peer" && { npm ci --no-audit --no-fund --loglevel=error >/dev/null ||
    npm ci --no-audit --no-fund --loglevel=error >/dev/null; })
fi
