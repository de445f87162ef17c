// The command fault's check polls until the fault is confirmed, within a
// bound: a kill that shows 300 ms after inject is confirmed, not "unconfirmed"
// because the check ran once, immediately. Real processes, a real file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { commandFault } from "../../../runners/faults/command.ts";
import type { FaultContext } from "../../../runners/faults/fault.ts";

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), "command-check-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const ctx = (): FaultContext => ({ faultId: "d-f0", clock: monotonicClock(), signal: new AbortController().signal, stateDir: dir, note: () => undefined });

// Inject: a background process creates the marker after 300 ms (the effect lags the command).
const lateEffect = (marker: string) => ["sh", "-c", `(sleep 0.3; touch '${marker}') >/dev/null 2>&1 &`];

describe("command fault: check polls within a bound", () => {
  it("confirms an effect that shows after the first check", async () => {
    const marker = join(dir, "effect");
    const params = commandFault.params.parse({ inject: lateEffect(marker), heal: ["true"], check: ["test", "-e", marker], checkWithin: "5s" });
    const state = await commandFault.prepare(params, { kind: "none" }, ctx());
    await commandFault.inject(state, ctx());
    const result = await commandFault.check(state, ctx());
    expect(result.confirmed).toBe(true);
    expect(result.detail).toMatch(/confirmed after ([2-9]|\d\d+) attempt\(s\)/);
  });

  it("gives up at the bound and says how often it tried", async () => {
    const params = commandFault.params.parse({ inject: ["true"], heal: ["true"], check: ["false"], checkWithin: "600ms" });
    const state = await commandFault.prepare(params, { kind: "none" }, ctx());
    const started = performance.now();
    const result = await commandFault.check(state, ctx());
    const took = performance.now() - started;
    expect(result.confirmed).toBe(false);
    expect(result.detail).toMatch(/not confirmed after \d+ attempt\(s\) within 600 ms/);
    expect(took).toBeGreaterThanOrEqual(600);
    expect(took).toBeLessThan(3_000);
  });
});
