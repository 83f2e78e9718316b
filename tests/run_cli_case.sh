#!/bin/sh
# Runs one system test: tests/cli/<case>/cmd with $SOPCTL set, from the case
# directory, and compares stdout, stderr (when expected.stderr exists) and the
# exit code with the golden files. On failure the work dir is kept.
# SOPCTL_UPDATE_GOLDEN=1 rewrites the golden files after a deliberate change.
set -u
sopctl=$1
case_dir=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/sopctl-cli.XXXXXX")
cp -R "$case_dir"/. "$work"/
cd "$work" || exit 2
# A home and data folder of its own: no calendar files of the machine's user.
SOPCTL=$sopctl REPO=$(cd "$case_dir/../../.." && pwd) SOURCE_DATE_EPOCH=1764547200 NO_COLOR=1 \
  HOME="$work/home" env -u XDG_DATA_HOME -u SOPCTL_CALENDARS sh ./cmd >actual.stdout 2>actual.stderr
echo $? >actual.rc
if [ "${SOPCTL_UPDATE_GOLDEN:-}" = 1 ]; then
  cp actual.stdout "$case_dir/expected.stdout"
  cp actual.rc "$case_dir/expected.rc"
  if [ -f "$case_dir/expected.stderr" ]; then cp actual.stderr "$case_dir/expected.stderr"; fi
  rm -rf "$work"
  exit 0
fi
status=0
if ! cmp -s actual.rc "$case_dir/expected.rc"; then
  echo "exit code: expected $(cat "$case_dir/expected.rc"), got $(cat actual.rc)"; status=1
fi
if ! diff -u "$case_dir/expected.stdout" actual.stdout; then status=1; fi
if [ -f "$case_dir/expected.stderr" ] && ! diff -u "$case_dir/expected.stderr" actual.stderr; then
  status=1
fi
if [ $status -ne 0 ]; then
  echo "--- stderr:"; cat actual.stderr
  echo "work dir kept: $work"
else
  rm -rf "$work"
fi
exit $status
