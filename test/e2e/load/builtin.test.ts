// The built-in generator against real HTTP servers on 127.0.0.1 (port 0).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { createLoad } from "../../../runners/load/index.ts";
import type { LoadGenerator } from "../../../runners/load/load.ts";
import type { Sample } from "../../../runners/probes/sample.ts";

const servers: Server[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function run(load: LoadGenerator, forMs: number, watch?: () => void) {
  const samples: Sample[] = [];
  const started = performance.now();
  load.start(monotonicClock(), (s) => samples.push(s));
  const end = started + forMs;
  while (performance.now() < end) (watch?.(), await sleep(10));
  const result = await load.stop();
  return { samples, result };
}

describe("built-in load generator", () => {
  it("holds its rate within 5 %, scheduled against the clock (no drift), every request a sample", async () => {
    const { url } = await serve((_req, res) => res.end("ok"));
    const load = createLoad({ rateHz: 500, targets: [{ url: `${url}/a` }] }, { k6Path: null });
    const { samples, result } = await run(load, 2_000);
    expect(load.which).toBe("builtin");
    expect(result.which).toBe("builtin");
    // On a starved CPU overdue sends go out in a burst and may meet the cap: shed, but never missing.
    expect(result.requests + result.shed!).toBe(samples.length);
    expect(samples.filter((s) => !s.ok).every((s) => s.error === "timeout")).toBe(true);
    expect(samples.filter((s) => s.ok).length).toBeGreaterThan(0.9 * samples.length);
    expect(samples.map((s) => s.seq)).toEqual(samples.map((_, i) => i));
    const span = samples.at(-1)!.t - samples[0]!.t;
    const rate = ((samples.length - 1) / span) * 1000;
    expect(Math.abs(rate - 500) / 500).toBeLessThan(0.05);
    expect(samples.length).toBeGreaterThanOrEqual(950);
    expect(samples.length).toBeLessThanOrEqual(1_050);
    // Sample k leaves at start + k/rate, late by at most the max lag: errors do not add up.
    const lag = load.stats().maxLagMs;
    samples.forEach((s, k) => expect(Math.abs(s.t - samples[0]!.t - k * 2)).toBeLessThan(lag + 2));
  });

  it("sends the weighted mix with placeholders filled and JSON bodies", async () => {
    const seen: string[] = [];
    const bodies: string[] = [];
    const { url } = await serve((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => (body && bodies.push(`${req.headers["content-type"]} ${body}`), res.end()));
    });
    const load = createLoad({
      rateHz: 200,
      targets: [{ url: `${url}/get`, weight: 3 }, { url: `${url}/order/{{seq}}`, method: "POST", body: '{"ref":"r-{{seq}}"}' }],
    }, { k6Path: null });
    const { samples } = await run(load, 500);
    const gets = seen.filter((s) => s === "GET /get").length;
    const posts = seen.filter((s) => s.startsWith("POST /order/"));
    expect(gets + posts.length).toBe(samples.length);
    expect(Math.abs(gets - 3 * posts.length)).toBeLessThanOrEqual(3);
    const seq = Number(posts[0]!.split("/").pop());
    expect(bodies).toContain(`application/json {"ref":"r-${seq}"}`);
  });

  it("a server that stops answering: in-flight stays at the cap, the rest is shed, every slot is still a sample", async () => {
    const { url, server } = await serve(() => undefined); // accepts, never answers
    const load = createLoad({ rateHz: 200, maxInFlight: 10, timeoutMs: 300, targets: [{ url }] }, { k6Path: null });
    let peak = 0;
    const { samples, result } = await run(load, 1_000, () => (peak = Math.max(peak, load.stats().inFlight)));
    expect(peak).toBeLessThanOrEqual(10);
    expect(load.stats().maxInFlightSeen).toBe(10);
    expect(result.shed).toBeGreaterThan(100);
    expect(result.requests + result.shed!).toBe(samples.length);
    expect(samples.map((s) => s.seq)).toEqual(samples.map((_, i) => i));
    expect(samples.every((s) => !s.ok && s.error === "timeout")).toBe(true);
    // The first requests time out on their deadline (details are kept for the first of a streak only).
    expect(samples[0]).toMatchObject({ error: "timeout", latencyMs: 300, detail: "no answer within 300 ms" });
    // Stopped: nothing in flight, no socket left open on the server.
    expect(load.stats().inFlight).toBe(0);
    await sleep(50);
    expect(await new Promise<number>((r) => server.getConnections((_e, n) => r(n)))).toBe(0);
  });

  it("recovers when a hung server answers again: timed-out requests are aborted and free their connections", async () => {
    let hang = true;
    const { url } = await serve((_req, res) => (hang ? undefined : res.end()));
    const load = createLoad({ rateHz: 100, maxInFlight: 10, timeoutMs: 200, targets: [{ url }] }, { k6Path: null });
    const samples: Sample[] = [];
    load.start(monotonicClock(), (s) => samples.push(s));
    await sleep(600);
    hang = false;
    await sleep(600);
    await load.stop();
    const late = samples.filter((s) => s.t > samples[0]!.t + 900);
    expect(samples.slice(0, 20).every((s) => !s.ok)).toBe(true);
    expect(late.length).toBeGreaterThan(20);
    expect(late.every((s) => s.ok)).toBe(true);
  });

  it("classifies failures like the probes: 5xx is bad-status, a closed port is refused", async () => {
    const { url } = await serve((_req, res) => ((res.statusCode = 503), res.end()));
    const closed = await serve(() => undefined);
    const deadUrl = closed.url;
    await new Promise((r) => closed.server.close(r));
    servers.pop();
    const { samples } = await run(createLoad({ rateHz: 100, targets: [{ url }, { url: deadUrl }] }, { k6Path: null }), 300);
    expect(samples.filter((s) => s.seq % 2 === 0).every((s) => s.error === "bad-status" && s.detail === "HTTP 503")).toBe(true);
    expect(samples.filter((s) => s.seq % 2 === 1).every((s) => s.error === "refused")).toBe(true);
  });

  it("stops by itself at the duration cap; start twice throws; stop is idempotent", async () => {
    const { url } = await serve((_req, res) => res.end());
    const load = createLoad({ rateHz: 100, durationCap: "300ms", targets: [{ url }] }, { k6Path: null });
    const { samples, result } = await run(load, 700);
    expect(samples.length).toBeGreaterThanOrEqual(29);
    expect(samples.length).toBeLessThanOrEqual(32);
    expect(result.detail).toMatch(/duration cap/);
    expect(() => load.start(monotonicClock(), () => undefined)).toThrow(/already started/);
    expect(await load.stop()).toBe(result);
  });
});
