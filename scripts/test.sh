#!/usr/bin/env bash
# The test command (npm test), as CI runs it on a clean machine: install the
# Debian packages the tests need (the local HA services, Chromium for the HTML
# report tests), then run every vitest project (unit, e2e, tools, integration, systems). The
# integration project's global setup starts the local environment and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

node bin/drill.js env bootstrap
missing=0
for tool in chromium tmux xmllint patroni etcd sshd pdftotext; do command -v "$tool" >/dev/null 2>&1 || missing=1; done
if [ "$missing" = 1 ]; then
  if [ "$(id -u)" = 0 ]; then
    # chromium opens HTML reports in a real browser; tmux is the game day's terminal; xmllint checks JUnit;
    # patroni and etcd-server make the Patroni cluster the systems tests start themselves (checked:
    # installing them upgrades nothing of PostgreSQL 15, which the local stack runs); openssh-server is the
    # sshd the systems tests run inside network namespaces as a user's remote hosts (not started as a service);
    # poppler-utils reads the printed PDF reports back (pdftotext, pdftoppm).
    echo "… installing chromium, tmux, libxml2-utils, patroni, etcd-server, openssh-server and poppler-utils for the tests" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium tmux libxml2-utils patroni etcd-server openssh-server poppler-utils >/dev/null
  else
    echo "missing test tools: run 'sudo apt-get install -y chromium tmux libxml2-utils patroni etcd-server openssh-server poppler-utils'" >&2
    exit 3
  fi
fi
npx tsc --noEmit
# A user's program imports continuity-drill/stacks through the package's exports,
# which point at dist/ (zod-free declarations): build it fresh (~10 s), so tests
# never load a stale copy left by an earlier `npm ci`.
npm run build >/dev/null
if [ "$#" -gt 0 ]; then exec npx vitest run "$@"; fi
# One project after the other: the unit project's fuzzing and CLI spawns would
# otherwise load the CPU while integration tests measure real failovers.
npx vitest run --project unit --project unit-pulumi
# The CLI as a process, Chromium, real local processes and sockets (no local stack).
npx vitest run --project e2e
# The tools tier drives real outside programs: the Pulumi CLI, built from the Go
# module proxy (cold: ~26 min on a busy 2-core machine; 0.4 s once cached in
# .cache/pulumi), and moto's FIS server (.cache/moto-venv, ~1.5 min cold).
# Built here first, so a failed build is named as such, not as a failed test.
bash scripts/pulumi-cli.sh >/dev/null
bash scripts/moto-venv.sh >/dev/null
# A user's program against both ends of the supported @pulumi/pulumi range (about two
# minutes), through the Pulumi CLI just built for the real `pulumi preview` step.
bash scripts/pulumi-range.sh
npx vitest run --project tools
npx vitest run --project integration
npx vitest run --project systems
