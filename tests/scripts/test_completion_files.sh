#!/bin/sh
# The committed completions (docs/completions/, installed by cmake --install)
# are what the binary generates: regenerate them with
#   sopctl completion bash > docs/completions/sopctl.bash
#   sopctl completion zsh > docs/completions/_sopctl
set -u
sopctl=$1
repo=${SOPCTL_REPO:-$(cd "$(dirname "$0")/../.." && pwd)}
status=0
for shell in bash zsh; do
  case $shell in bash) file=$repo/docs/completions/sopctl.bash ;; zsh) file=$repo/docs/completions/_sopctl ;; esac
  if "$sopctl" completion $shell | cmp -s - "$file"; then
    echo "ok   $file is current"
  else
    echo "FAIL: $file is stale: sopctl completion $shell > $file"; status=1
  fi
done
exit $status
