#!/bin/bash
# Sources `sopctl completion bash` in bash and checks what <TAB> offers, the
# way bash calls the function: COMP_WORDS and COMP_CWORD set, COMPREPLY read.
# With zsh installed, the zsh script is also checked for syntax.
#
# Usage: test_completion_bash.sh SOPCTL_BINARY
set -u
sopctl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
status=0

script=$("$sopctl" completion bash) || { echo "FAIL: sopctl completion bash exited $?"; exit 1; }
eval "$script"
if ! complete -p sopctl >/dev/null 2>&1; then
  echo "FAIL: the script does not register a completion for sopctl"; status=1
fi

# The words offered for a command line whose last word is being completed.
offered() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _sopctl 2>/dev/null
  echo "${COMPREPLY[*]}"
}

expect() {
  local want=$1
  shift
  local got
  got=$(offered "$@")
  if [[ $got == "$want" ]]; then
    echo "ok   ${*}<TAB> -> $got"
  else
    echo "FAIL ${*}<TAB>: expected '$want', got '$got'"
    status=1
  fi
}

# Every word of $1 is offered (other commands may be offered too).
expect_has() {
  local want=$1 w
  shift
  local got
  got=" $(offered "$@") "
  for w in $want; do
    if [[ $got != *" $w "* ]]; then
      echo "FAIL ${*}<TAB>: '$w' is not among '$got'"
      status=1
      return
    fi
  done
  echo "ok   ${*}<TAB> -> $got"
}

expect "plan" sopctl pl
expect_has "plan check templates init completion" sopctl ""
expect "table md csv tsv json ics html xlsx" sopctl plan --format ""
expect "json" sopctl plan a.sop.yaml --roster r.yaml --format j
expect "text json sarif github" sopctl check --format ""
expect "--strict" sopctl check a.sop.yaml --str
expect "--roster" sopctl plan a.sop.yaml --ro
expect "auto always never" sopctl plan --color ""
expect "camp-7d" sopctl init --template cam
expect "bash zsh" sopctl completion ""
expect "" sopctl plan --month ""
expect "--help --version --lang" sopctl --

# Files where files are expected: SOP arguments, --roster, -o.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" && touch camp.sop.yaml roster.yaml
expect "camp.sop.yaml" sopctl plan cam
expect "roster.yaml" sopctl plan camp.sop.yaml --roster ro
expect "cn camp.sop.yaml" sopctl check camp.sop.yaml --calendar c

if command -v zsh >/dev/null 2>&1; then
  if "$sopctl" completion zsh >"$work/_sopctl" && zsh -n "$work/_sopctl"; then
    echo "ok   zsh -n accepts sopctl completion zsh"
  else
    echo "FAIL zsh -n rejects sopctl completion zsh"; status=1
  fi
else
  echo "skip zsh syntax check: zsh is not installed"
fi

exit $status
