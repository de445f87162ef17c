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

# Patroni runs as the `postgres` user, who cannot read a Python under /root
# (pyenv's, the default python3 here): the venv is built on Debian's own.
python=${PATRONI_PYTHON:-/usr/bin/python3}

if [ -x "$bin" ] && [ -f "$venv/.patroni-$patroni_version" ] && [ "$(readlink -f "$venv/bin/python3")" = "$(readlink -f "$python")" ]; then
  echo "$bin"
  exit 0
fi

[ -x "$python" ] || { echo "patroni-venv: $python is not installed (apt-get install python3 python3-venv)" >&2; exit 3; }
echo "… installing patroni[etcd3,psycopg2-binary]==$patroni_version into $venv" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { rm -rf "$venv" && "$python" -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check "patroni[etcd3,psycopg2-binary]==$patroni_version" && "$bin" --version; } >"$log" 2>&1; then
  echo "patroni-venv: installing patroni[etcd3,psycopg2-binary]==$patroni_version failed:" >&2
  tail -n 30 "$log" >&2
  exit 3
fi
# The systems tests run Patroni as `postgres`: it must be able to start it.
if id postgres >/dev/null 2>&1 && ! runuser -u postgres -- "$bin" --version >/dev/null 2>&1; then
  echo "patroni-venv: the postgres user cannot run $bin (is a directory above it unreadable to others?)" >&2
  exit 3
fi
rm -f "$venv"/.patroni-*
touch "$venv/.patroni-$patroni_version"
echo "$bin"
