// The k6 path end to end with a stand-in k6 (test/support/fake-k6.mjs) that
// replays generated lines of k6's documented JSON output at their pace. What
// this proves is our side: spawning, tailing, pairing, clock conversion,
// stopping and exit codes — against k6's documented format, not a real k6.
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { createLoad, type LoadGenerator } from "../../../runners/load/index.ts";
import { onPath } from "../../../runners/load/which.ts";
import type { Sample } from "../../../runners/probes/sample.ts";

const FAKE = fileURLToPath(new URL("../../support/fake-k6.mjs", import.meta.url));
const FIXTURE = fileURLToPath(new URL("../../fixtures/k6/web-mix-refused-burst.jsonl", import.meta.url));
const SCRIPT = fileURLToPath(new URL("../../../scenarios/k6/web-mix.js", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let bin: string;
const saved = { ...process.env };

beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), "fake-k6-bin-"));
  symlinkSync(FAKE, join(bin, "k6"));
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

const spec = { script: SCRIPT, rateHz: 50, maxInFlight: 20, targets: [{ url: "http://127.0.0.1:18080/healthz" }], env: { SESSIONS: "7" } };

function fake(env: Record<string, string>): string {
  const args = join(bin, `args-${Math.random().toString(36).slice(2)}.json`);
  Object.assign(process.env, { PATH: `${bin}${delimiter}${saved.PATH}`, FAKE_K6_FIXTURE: FIXTURE, FAKE_K6_ARGS: args, ...env });
  return args;
}

async function start(load: LoadGenerator) {
  const samples: Sample[] = [];
  const clock = monotonicClock();
  load.start(clock, (s) => samples.push(s));
  return { samples, clock };
}

describe("k6 load through a stand-in k6", () => {
  it("is found on PATH and chosen when the spec names a script; without k6, the built-in runs instead", () => {
    fake({});
    expect(onPath("k6")).toBe(join(bin, "k6"));
    const load = createLoad(spec);
    expect([load.which, load.info.kind, load.why]).toEqual(["k6", "k6", `k6 at ${join(bin, "k6")}`]);
    expect(createLoad(spec, { k6Path: null }).which).toBe("builtin");
    process.env.PATH = saved.PATH;
    expect(createLoad(spec).why).toBe("built-in: no k6 on PATH");
    expect(() => createLoad({ ...spec, script: "scenarios/k6/nope.js" })).toThrow(/load\.script: no such file/);
  });

  it("turns k6's points into samples on the drill clock; k6 ending with 99 means thresholds failed", async () => {
    const argsFile = fake({ FAKE_K6_EXIT: "99", FAKE_K6_SPEED: "4" });
    const load = createLoad(spec);
    const { samples, clock } = await start(load);
    await sleep(1_500); // the replay takes 0.5 s at 4×, plus node's start-up
    const result = await load.stop();
    const elapsed = clock.now();
    expect(result).toMatchObject({ which: "k6", exitCode: 99, thresholdsFailed: true, requests: 100 });
    expect(samples).toHaveLength(100);
    expect(samples.filter((s) => s.error === "refused")).toHaveLength(20);
    expect(samples.map((s) => s.seq)).toEqual(samples.map((_, i) => i));
    for (const s of samples) expect(s.t).toBeGreaterThan(0), expect(s.t).toBeLessThan(elapsed);
    // Samples are in send order, and the refused burst sits where it was replayed (0.2–0.3 s in at 4×).
    samples.slice(1).forEach((s, i) => expect(s.t).toBeGreaterThanOrEqual(samples[i]!.t));
    const burst = samples.filter((s) => s.error === "refused").map((s) => s.t - samples[0]!.t);
    expect(Math.min(...burst)).toBeGreaterThan(150);
    expect(Math.max(...burst)).toBeLessThan(350);
    const args = JSON.parse(readFileSync(argsFile, "utf8")) as { argv: string[]; env: Record<string, string>; script: string };
    expect(args.script).toBe(SCRIPT);
    expect(args.argv).toContain("--no-usage-report");
    expect(args.env).toMatchObject({ BASE_URL: "http://127.0.0.1:18080", RATE: "50", MAX_VUS: "20", TIMEOUT: "2000ms", DURATION: "1800s", SESSIONS: "7" });
    expect(JSON.parse(args.env.TARGETS!)).toEqual([{ url: "http://127.0.0.1:18080/healthz", method: "GET", weight: 1 }]);
  });

  it("the drill stops k6 with SIGINT: k6's exit 105 is a normal stop, thresholds unknown, samples so far kept", async () => {
    fake({ FAKE_K6_HOLD_MS: "30000" });
    const load = createLoad(spec);
    const { samples } = await start(load);
    await sleep(800);
    const before = performance.now();
    const result = await load.stop();
    expect(performance.now() - before).toBeLessThan(2_000);
    expect(result).toMatchObject({ which: "k6", exitCode: 105 });
    expect(result.thresholdsFailed).toBeUndefined();
    expect(result.detail).toMatch(/stopped by the drill/);
    expect(samples.length).toBeGreaterThan(10);
    expect(samples.length).toBeLessThan(100);
    expect(result.requests).toBe(samples.length);
  });

  it("a k6 that ignores SIGINT is killed after the grace period", async () => {
    const argsFile = fake({ FAKE_K6_HOLD_MS: "30000", FAKE_K6_IGNORE_SIGINT: "1" });
    const load = createLoad(spec, { k6: { stopGraceMs: 300 } });
    await start(load);
    // Its SIGINT handler is in place once it has written its arguments.
    for (let i = 0; i < 100 && !existsSync(argsFile); i++) await sleep(20);
    const result = await load.stop();
    expect(result.exitCode).toBeUndefined();
    expect(result.detail).toMatch(/did not stop after SIGINT and was killed \(SIGKILL\)/);
  });

  it("a k6 that cannot be started is reported, not thrown", async () => {
    const load = createLoad(spec, { k6Path: join(bin, "no-such-k6") });
    await start(load);
    const result = await load.stop();
    expect(result).toMatchObject({ which: "k6", requests: 0 });
    expect(result.detail).toMatch(/could not start .*no-such-k6: spawn .* ENOENT/);
  });
});
