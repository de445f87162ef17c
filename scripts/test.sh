#!/usr/bin/env bash
# The test command (npm test), as CI runs it on a clean machine: install the
# Debian packages the tests need (the local HA services, Chromium for the HTML
# report tests), then run every vitest project. The integration project's global
# setup starts the local environment and stops it again.
set -euo pipefail
cd "$(dirname "$0")/.."

node bin/drill.js env bootstrap
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "… installing chromium (HTML report tests open reports in a real browser)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
  else
    echo "chromium is missing: run 'sudo apt-get install -y chromium'" >&2
    exit 3
  fi
fi
npx tsc --noEmit
exec npx vitest run "$@"
