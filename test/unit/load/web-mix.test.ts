// scenarios/k6/web-mix.js and the built-in generator's copy of its mix
// (runners/load/web-mix.ts) must describe the same load: same requests, same weights.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLoadSpec, webMixTargets } from "../../../runners/load/index.ts";

const script = readFileSync(new URL("../../../scenarios/k6/web-mix.js", import.meta.url), "utf8");

/** [weight, method, path] per entry of the script's MIX, read from its source. */
function scriptMix(): [number, string, string][] {
  const entries = [...script.matchAll(/\{ weight: (\d+), run: (\w+) \}/g)];
  return entries.map(([, weight, fn]) => {
    const body = new RegExp(`function ${fn}\\(\\) \\{([\\s\\S]*?)\\n\\}`).exec(script)![1]!;
    const call = /http\.(get|put|post)\(`\$\{BASE_URL\}(\/[a-z]+)(\/\$\{sessionId\(\)\})?`/.exec(body)!;
    return [Number(weight), call[1]!.toUpperCase(), call[2]! + (call[3] ? "/:id" : "")];
  });
}

describe("the web mix", () => {
  it("is the same in the k6 script and in the built-in generator's targets", () => {
    const builtin = webMixTargets("http://127.0.0.1:18080/").map((t) => [
      t.weight, t.method, t.url.replace("http://127.0.0.1:18080", "").replace(/\/load-\{\{run\}\}$/, "/:id"),
    ]);
    expect(scriptMix()).toEqual([[40, "GET", "/healthz"], [30, "GET", "/session/:id"], [20, "PUT", "/session/:id"], [10, "POST", "/orders"]]);
    expect(builtin).toEqual(scriptMix());
  });

  it("is a valid load spec, with JSON bodies the app accepts", () => {
    const spec = parseLoadSpec({ rateHz: 50, targets: webMixTargets("http://127.0.0.1:18080") });
    const order = spec.targets.find((t) => t.method === "POST")!;
    expect(JSON.parse(order.body!.replace(/\{\{(seq|run)\}\}/g, "1"))).toEqual({ ref: "load-1-1", payload: "load" });
  });

  it("reads its shape from the harness's variables", () => {
    for (const name of ["BASE_URL", "RATE", "MAX_VUS", "TIMEOUT", "DURATION"]) expect(script).toContain(`__ENV.${name}`);
    expect(script).toContain('executor: "constant-arrival-rate"');
    expect(script).toMatch(/thresholds: \{/);
  });
});
