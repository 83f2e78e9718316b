#!/bin/sh
# The man page sopctl(1): docs/sopctl.1 renders without warnings, matches what
# the build rendered from docs/sopctl.1.scd (so the committed copy is never
# stale), and documents every subcommand that `sopctl --help` lists.
#
# Usage: test_manpage.sh SOPCTL_BINARY, with SOPCTL_REPO=<repo root>.
set -u
sopctl=$1
repo=${SOPCTL_REPO:-$(cd "$(dirname "$0")/../.." && pwd)}
page=$repo/docs/sopctl.1
status=0

if [ ! -f "$page" ]; then
  echo "FAIL: $page is missing"; exit 1
fi

if command -v man >/dev/null 2>&1; then
  text=$(MANWIDTH=80 man --warnings -l "$page" 2>"${TMPDIR:-/tmp}/sopctl-man.$$")
  if [ -s "${TMPDIR:-/tmp}/sopctl-man.$$" ]; then
    echo "FAIL: man reports warnings:"; cat "${TMPDIR:-/tmp}/sopctl-man.$$"; status=1
  else
    echo "ok   man -l docs/sopctl.1 renders without warnings"
  fi
  rm -f "${TMPDIR:-/tmp}/sopctl-man.$$"
else
  echo "skip rendering: man is not installed (apt-get install man-db)"
  text=$(cat "$page")
fi

built=$(dirname "$sopctl")/docs/sopctl.1
if [ -f "$built" ]; then
  if cmp -s "$built" "$page"; then
    echo "ok   docs/sopctl.1 is what scdoc renders from docs/sopctl.1.scd"
  else
    echo "FAIL: docs/sopctl.1 is stale; refresh it with: cp $built docs/sopctl.1"
    diff -u "$page" "$built" | head -20
    status=1
  fi
else
  echo "skip staleness check: the build did not render the page (scdoc not installed)"
fi

# Subcommands are the lines under "Subcommands:" in `sopctl --help`; each has
# an entry in COMMANDS, indented by 7 columns in the rendered page.
commands=$("$sopctl" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
if [ -z "$commands" ]; then
  echo "FAIL: no subcommands found in sopctl --help"; status=1
fi
for c in $commands; do
  if printf '%s\n' "$text" | grep -Eq "^       $c( |\$)"; then
    echo "ok   sopctl(1) documents '$c'"
  else
    echo "FAIL: sopctl(1) has no section for '$c' (add it to docs/sopctl.1.scd)"; status=1
  fi
done
exit $status
