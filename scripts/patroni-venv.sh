#!/usr/bin/env bash
# Installs the current Patroni from PyPI into a virtualenv the project owns,
# .cache/patroni-venv, and prints the path of its `patroni` on stdout, so the
# systems tests can compare it with Debian's Patroni 3.0.2
# (PATRONI_BIN=$(bash scripts/patroni-venv.sh) npx vitest run --project systems …).
# A second call finds it there and returns at once. System packages are never
# touched: PostgreSQL 15 and etcd-server 3.4 stay Debian's.
# Extras: etcd3 (Debian's etcd-server 3.4 serves the v3 API through its gRPC
# gateway, which Patroni's etcd3 client speaks; the v2 API is off by default in
# 3.4), psycopg2-binary (no compiler or libpq-dev needed).
# Exit 0 with the path on stdout; on failure, exit 3 with pip's output on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# Pinned, so a measurement names the version it ran (PATRONI_VERSION overrides).
patroni_version=${PATRONI_VERSION:-4.1.5}
venv="$root/.cache/patroni-venv"
bin="$venv/bin/patroni"

if [ -x "$bin" ] && [ -f "$venv/.patroni-$patroni_version" ]; then
  echo "$bin"
  exit 0
fi

command -v python3 >/dev/null 2>&1 || { echo "patroni-venv: python3 is not installed (apt-get install python3 python3-venv)" >&2; exit 3; }
echo "… installing patroni[etcd3,psycopg2-binary]==$patroni_version into $venv" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check "patroni[etcd3,psycopg2-binary]==$patroni_version" && "$bin" --version; } >"$log" 2>&1; then
  echo "patroni-venv: installing patroni[etcd3,psycopg2-binary]==$patroni_version failed:" >&2
  tail -n 30 "$log" >&2
  exit 3
fi
rm -f "$venv"/.patroni-*
touch "$venv/.patroni-$patroni_version"
echo "$bin"
