#!/usr/bin/env bash
# Installs moto's server (a local stand-in for AWS APIs, FIS among them since
# moto 5.2.3: it tracks experiment state and injects nothing) from PyPI into a
# virtualenv the project owns, .cache/moto-venv, and prints the path of its
# `moto_server` on stdout. A second call finds it there and returns at once.
# The FIS integration tests start that server on 127.0.0.1 themselves.
# Exit 0 with the path on stdout; on failure, exit 3 with pip's output on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# Pinned: the FIS handlers changed between 5.2.x releases.
moto_version=${MOTO_VERSION:-5.2.5}
venv="$root/.cache/moto-venv"
server="$venv/bin/moto_server"

if [ -x "$server" ] && [ -f "$venv/.moto-$moto_version" ]; then
  echo "$server"
  exit 0
fi

command -v python3 >/dev/null 2>&1 || { echo "moto-venv: python3 is not installed (apt-get install python3 python3-venv)" >&2; exit 3; }
echo "… installing moto[server]==$moto_version into $venv" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$moto_version"; } >"$log" 2>&1; then
  echo "moto-venv: installing moto[server]==$moto_version failed:" >&2
  tail -n 30 "$log" >&2
  exit 3
fi
rm -f "$venv"/.moto-*
touch "$venv/.moto-$moto_version"
echo "$server"
