#!/usr/bin/env bash
# The test command (npm test), as CI runs it on a clean machine: install the
# Debian packages the tests need (the local HA services, Chromium for the HTML
# report tests), then run every vitest project. The integration project's global
# setup starts the local environment and stops it again.
set -euo pipefail
cd "$(dirname "$0")/.."

node bin/drill.js env bootstrap
if ! command -v chromium >/dev/null 2>&1 || ! command -v tmux >/dev/null 2>&1 || ! command -v xmllint >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    # chromium opens HTML reports in a real browser; tmux is the game day's terminal; xmllint checks JUnit.
    echo "… installing chromium, tmux and libxml2-utils for the tests" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium tmux libxml2-utils >/dev/null
  else
    echo "missing test tools: run 'sudo apt-get install -y chromium tmux libxml2-utils'" >&2
    exit 3
  fi
fi
npx tsc --noEmit
if [ "$#" -gt 0 ]; then exec npx vitest run "$@"; fi
# A user's program against both ends of the supported @pulumi/pulumi range (about two minutes).
bash scripts/pulumi-range.sh
# One project after the other: the unit project's fuzzing and CLI spawns would
# otherwise load the CPU while integration tests measure real failovers.
npx vitest run --project unit
npx vitest run --project integration
