#!/bin/sh
# Installs the Debian packages sopctl needs to build and test, when missing.
# scdoc renders the man page from docs/sopctl.1.scd (47 kB, no dependencies).
# clang and libclang-rt-14-dev (libFuzzer, sanitizer runtimes) build fuzz/;
# ccache makes a second build of the same tree cheap.
set -eu
pkgs="cmake g++ make pkg-config libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev
libutf8proc-dev python3 python3-icalendar python3-jsonschema python3-yaml scdoc
clang libclang-rt-14-dev ccache libcurl4-openssl-dev python3-scipy
libxlsxwriter-dev python3-openpyxl libfyaml-dev"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
