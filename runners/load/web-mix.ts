// The request mix of scenarios/k6/web-mix.js, as targets for the built-in
// generator: when k6 is not installed, a drill that names web-mix.js still runs
// this shape (test/unit/load/web-mix.test.ts keeps the two in step).
import type { LoadTargetT } from "./spec.ts";

export function webMixTargets(baseUrl: string): LoadTargetT[] {
  const base = baseUrl.replace(/\/+$/, "");
  return [
    { url: `${base}/healthz`, method: "GET", weight: 40 },
    { url: `${base}/session/load-{{run}}`, method: "GET", weight: 30 },
    { url: `${base}/session/load-{{run}}`, method: "PUT", weight: 20, body: '{"seen":{{seq}}}' },
    { url: `${base}/orders`, method: "POST", weight: 10, body: '{"ref":"load-{{run}}-{{seq}}","payload":"load"}' },
  ];
}
