#!/usr/bin/env bash
# Builds the Pulumi CLI (and, where it builds, the Node.js language host) from
# the Go module proxy, into .cache/pulumi/v<version>/bin, and prints that
# folder on stdout. A second call finds the binaries there and returns at once.
#
# Why a wrapper module: `go install …/cmd/pulumi@v` refuses modules whose
# go.mod has replace directives, and github.com/pulumi/pulumi/pkg/v3 has them.
# A module of our own requires pkg/v3 and sdk/v3 at the same version, carries
# the replace directives pkg/v3 needs, and `go build`s the CLI's main package.
#
# Version: the @pulumi/pulumi version this repository develops and tests with
# (package.json devDependencies; it is a peer dependency for users), as the
# Automation API and the CLI are released together; or PULUMI_CLI_VERSION.
# Everything Go downloads or compiles stays under .cache/ (gitignored), so a
# clean clone's CI is self-contained and a rebuild after `rm -rf .cache` is cold.
# The build is niced and limited to two parallel compiles: the machine is shared.
# Exit 0 with the bin folder on stdout; on failure, exit 3 with Go's output on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

version=${PULUMI_CLI_VERSION:-$(node -p "const p = require('./package.json'); (p.devDependencies || {})['@pulumi/pulumi'] || (p.dependencies || {})['@pulumi/pulumi'] || ''")}
version=${version#v}
case "$version" in
  [0-9]*.[0-9]*.[0-9]*) ;;
  *) echo "pulumi-cli: no exact @pulumi/pulumi version in package.json devDependencies (got \"$version\"); set PULUMI_CLI_VERSION" >&2; exit 2 ;;
esac
host_version=${PULUMI_NODEJS_HOST_VERSION:-3.68.0}
out="$root/.cache/pulumi/v$version"
bin="$out/bin"
done_mark="$bin/.complete-host-$host_version"

if [ -x "$bin/pulumi" ] && [ -f "$done_mark" ]; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null 2>&1 || { echo "pulumi-cli: Go is not installed (apt-get install golang, or Go >= 1.25 from go.dev)" >&2; exit 3; }

export GOPATH="$root/.cache/go"
export GOMODCACHE="$root/.cache/go/mod"
export GOCACHE="$root/.cache/go/build"
export GOTOOLCHAIN=local
export GOFLAGS="-buildvcs=false -p=2"
export CGO_ENABLED=0
mkdir -p "$bin" "$out/src/cli" "$out/src/nodejs"
log="$out/build.log"
: >"$log"
started=$(date +%s)

# run <what> <command…>: keep Go's output in the log; on failure, show its tail and exit 3.
run() {
  local what=$1; shift
  if ! nice -n 10 "$@" >>"$log" 2>&1; then
    echo "pulumi-cli: $what failed: $*" >&2
    tail -n 30 "$log" >&2
    exit 3
  fi
}

ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version"

echo "… building the Pulumi CLI v$version from the Go module proxy into $bin (cold: several minutes)" >&2
cd "$out/src/cli"
cat >go.mod <<EOF
module continuity-drill/pulumi-cli

go 1.25

require (
	github.com/pulumi/pulumi/pkg/v3 v$version
	github.com/pulumi/pulumi/sdk/v3 v$version
)

// From pkg/v3's own go.mod (its sdk/v3 => ../sdk is replaced by the require above).
replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
EOF
run "resolving github.com/pulumi/pulumi/pkg/v3@v$version" go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$version"
run "building the pulumi CLI" go build -trimpath -ldflags "$ldflags" -o "$bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi

# The Node.js language host runs on-disk TypeScript programs (`pulumi up` in a
# project folder); the Automation API's inline programs do not need it. Its own
# module (sdk/nodejs/cmd/pulumi-language-nodejs/v3) has no tags, and the module
# proxy refuses its pseudo-versions ("403 Forbidden: This module version is not
# available"). sdk/v3 itself carried the host up to v3.68.0, so that is built:
# an older host that still runs programs for this CLI, but predates the engine
# handing it Pulumi.yaml's runtime options (nodeargs, typescript): node flags
# go through NODE_OPTIONS instead. Optional: without it, on-disk programs fail.
cd "$out/src/nodejs"
cat >go.mod <<EOF
module continuity-drill/pulumi-language-nodejs

go 1.20

require github.com/pulumi/pulumi/sdk/v3 v$host_version

// From sdk/v3 v$host_version's own go.mod.
replace golang.org/x/text => golang.org/x/text v0.3.6
EOF
nodejs_host=github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs
if nice -n 10 go get "$nodejs_host@v$host_version" >>"$log" 2>&1 &&
  nice -n 10 go build -trimpath -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$host_version" -o "$bin/pulumi-language-nodejs" "$nodejs_host" >>"$log" 2>&1; then
  echo "… built pulumi-language-nodejs v$host_version" >&2
else
  echo "pulumi-cli: the Node.js language host ($nodejs_host@v$host_version) did not build; see $log" >&2
  rm -f "$bin/pulumi-language-nodejs"
fi

"$bin/pulumi" version >/dev/null
echo "built in $(( $(date +%s) - started )) s" >>"$log"
rm -f "$bin"/.complete*
touch "$done_mark"
echo "… Pulumi CLI ready in $(( $(date +%s) - started )) s: $("$bin/pulumi" version)" >&2
echo "$bin"
