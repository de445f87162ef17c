#!/usr/bin/env bash
# The @pulumi/pulumi range we promise (package.json peerDependencies), checked at
# both ends as a user installs us: this package packed, installed beside a
# `pulumi new aws-typescript`-shaped program with the oldest supported and the
# newest @pulumi/pulumi, then `drill plan --json` evaluates the program under
# mocks, and require() loads the built library. One install, one version switch: about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
range=$(node -p 'require("./package.json").peerDependencies["@pulumi/pulumi"]')
oldest=$(node -p 'process.argv[1].match(/>=\s*([\d.]+)/)[1]' "$range")
newest=$(npm view "@pulumi/pulumi@$range" version --json | node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log([].concat(v).at(-1))')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" >/dev/null
cp -r test/fixtures/programs/aws-typescript "$work/program"
cd "$work/program"
for version in "$newest" "$oldest"; do
  npm install --silent --no-audit --no-fund "@pulumi/pulumi@$version" "$work"/continuity-drill-*.tgz >/dev/null 2>&1
  copies=$(npm ls @pulumi/pulumi --all --parseable | sort -u | wc -l)
  [ "$copies" = 1 ] || { echo "pulumi-range: $copies copies of @pulumi/pulumi with $version" >&2; npm ls @pulumi/pulumi --all >&2; exit 1; }
  services=$(npx drill plan --program . --stack dev --json 2>"$work/stderr" | node -e 'const p = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(p.services.map((s) => s.name + "@" + s.endpoints.primary).join(","))') || { cat "$work/stderr" >&2; exit 1; }
  case "$services" in *undefined*|"") echo "pulumi-range: @pulumi/pulumi $version gave a plan with $services" >&2; exit 1 ;; esac
  # Node loads the built library the way Pulumi's CommonJS loader does: require().
  # (Not yet here: `tsc` with the program's own tsconfig — our declarations pull in
  # zod's, which need skipLibCheck or esModuleInterop; see the issue's report.)
  node -e 'const { CriticalService, declarePlan } = require("continuity-drill/stacks"); if (typeof CriticalService !== "function" || typeof declarePlan !== "function") process.exit(1)' \
    || { echo "pulumi-range: require(\"continuity-drill/stacks\") failed" >&2; exit 1; }
  echo "pulumi-range: @pulumi/pulumi $version: plan of $services; require() loads"
done
