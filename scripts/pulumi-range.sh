#!/usr/bin/env bash
# The @pulumi/pulumi range we promise (package.json peerDependencies), checked at
# both ends as a user installs us: this package packed, installed beside a
# `pulumi new aws-typescript`-shaped program with the oldest supported and the
# newest @pulumi/pulumi, then `drill plan --json` evaluates the program under
# mocks, the program's own `tsc --noEmit` (its tsconfig: strict, moduleResolution
# node, no skipLibCheck) type-checks it and a scenario beside it, Pulumi's own
# loader (cmd/run with ts-node, scripts/pulumi-loader.cjs) type-checks and runs it,
# and, where a Pulumi CLI is built (PULUMI_BIN_DIR, or .cache/pulumi/v*/bin from
# scripts/pulumi-cli.sh), the real `pulumi preview` on a file backend loads it.
# One install, one version switch: about six minutes on the shared 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
range=$(node -p 'require("./package.json").peerDependencies["@pulumi/pulumi"]')
oldest=$(node -p 'process.argv[1].match(/>=\s*([\d.]+)/)[1]' "$range")
newest=$(npm view "@pulumi/pulumi@$range" version --json | node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log([].concat(v).at(-1))')
repo=$PWD
cli_dir=${PULUMI_BIN_DIR:-$(ls -d "$repo"/.cache/pulumi/v*/bin 2>/dev/null | tail -1 || true)}
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
  node -e 'const { CriticalService, declarePlan } = require("continuity-drill/stacks"); if (typeof CriticalService !== "function" || typeof declarePlan !== "function") process.exit(1)' \
    || { echo "pulumi-range: require(\"continuity-drill/stacks\") failed" >&2; exit 1; }
  # The user's own tsc, with the tsconfig `pulumi new aws-typescript` writes (our
  # .d.ts must compile there: no zod, no skipLibCheck), on the program and on a scenario.
  npx tsc --noEmit --pretty false >"$work/tsc" 2>&1 || { echo "pulumi-range: tsc of the program with @pulumi/pulumi $version:" >&2; cat "$work/tsc" >&2; exit 1; }
  printf '{ "extends": "./tsconfig.json", "files": ["scenarios/dev/az-loss.ts"] }\n' >tsconfig.scenarios.json
  npx tsc --noEmit --pretty false -p tsconfig.scenarios.json >"$work/tsc" 2>&1 || { echo "pulumi-range: tsc of a scenario with @pulumi/pulumi $version:" >&2; cat "$work/tsc" >&2; exit 1; }
  # Pulumi's own TypeScript loader (ts-node registered by cmd/run, type-checking on require).
  loaded=$(node "$repo/scripts/pulumi-loader.cjs" 2>"$work/stderr") || { echo "pulumi-range: Pulumi's loader with @pulumi/pulumi $version:" >&2; cat "$work/stderr" >&2; exit 1; }
  case "$loaded" in *undefined*|"") echo "pulumi-range: Pulumi's loader gave a plan of $loaded" >&2; exit 1 ;; esac
  preview="no Pulumi CLI built"
  if [ -n "$cli_dir" ] && [ -x "$cli_dir/pulumi" ]; then
    # The real CLI on a file backend. The AWS provider plugin cannot be downloaded
    # here, so the preview may end at the provider: the program has then loaded and
    # type-checked; any other error fails.
    export PATH="$cli_dir:$PATH" PULUMI_HOME="$work/pulumi-home" PULUMI_CONFIG_PASSPHRASE=range PULUMI_SKIP_UPDATE_CHECK=1 PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
    mkdir -p "$work/state"
    pulumi login --non-interactive "file://$work/state" >/dev/null
    pulumi stack select --non-interactive dev 2>/dev/null || pulumi stack init --non-interactive dev >/dev/null
    if pulumi preview --non-interactive >"$work/preview" 2>&1; then
      preview="pulumi preview passed"
    elif grep -q "Running program\|Unable to compile TypeScript\|error TS[0-9]" "$work/preview" || ! grep -q "resource plugin 'pulumi-resource-aws'" "$work/preview"; then
      echo "pulumi-range: pulumi preview with @pulumi/pulumi $version:" >&2; cat "$work/preview" >&2; exit 1
    else
      preview="pulumi preview loaded the program (stopped at the AWS provider plugin, not installable here)"
    fi
    # A plan without cloud resources runs through the CLI to the end: the plan is in the preview.
    rm -rf "$work/cli-program" && cp -r "$repo/test/fixtures/programs/pulumi-cli-preview" "$work/cli-program" && ln -s "$work/program/node_modules" "$work/cli-program/node_modules"
    (cd "$work/cli-program" && pulumi stack init --non-interactive dev >/dev/null 2>&1 || true; pulumi preview --non-interactive --diff --cwd "$work/cli-program" >"$work/preview" 2>&1) \
      && grep -q 'postgres://shop@orders-db.internal:5432/shop' "$work/preview" \
      || { echo "pulumi-range: pulumi preview of a provider-free plan with @pulumi/pulumi $version:" >&2; cat "$work/preview" >&2; exit 1; }
    preview="$preview; a provider-free plan previews to the end with its continuityPlan"
  fi
  echo "pulumi-range: @pulumi/pulumi $version: plan of $services; require() loads; tsc clean (program and scenario); Pulumi's loader: $loaded; $preview"
done
