import { describe, expect, it } from "vitest";
import { defaultMaxInFlight, parseLoadSpec } from "../../../runners/load/spec.ts";

const target = { url: "http://127.0.0.1:8080/healthz" };

describe("load spec", () => {
  it("fills defaults: name, method, weight, timeout, in-flight cap from rate × timeout, a 30 min cap", () => {
    const spec = parseLoadSpec({ rateHz: 100, targets: [target] });
    expect(spec).toMatchObject({ name: "load", rateHz: 100, timeoutMs: 2_000, maxInFlight: 222, durationCapMs: 1_800_000, env: {} });
    expect(spec.targets).toEqual([{ url: target.url, method: "GET", weight: 1 }]);
  });

  it("never defaults the in-flight cap above 1024 sockets, whatever the rate", () => {
    expect(defaultMaxInFlight(5_000, 2_000)).toBe(1_024);
    expect(parseLoadSpec({ rateHz: 5_000, targets: [target], maxInFlight: 3_000 }).maxInFlight).toBe(3_000);
  });

  it("rejects an unknown key, naming it (a typo must not fall back to a default)", () => {
    expect(() => parseLoadSpec({ rateHZ: 100, targets: [target] }, "scenario.load")).toThrow(/scenario\.load\.\(top level\): unknown field "rateHZ"|rateHZ/);
    expect(() => parseLoadSpec({ rateHz: 10, targets: [{ ...target, methd: "GET" }] })).toThrow(/load\.targets\[0\]: unknown field "methd"/);
  });

  it("rejects what cannot be sent: no targets, a non-http URL, a body on GET, a bad duration cap", () => {
    expect(() => parseLoadSpec({ rateHz: 10, targets: [] })).toThrow(/load\.targets/);
    expect(() => parseLoadSpec({ rateHz: 10, targets: [{ url: "postgres://x" }] })).toThrow(/load\.targets\[0\]\.url: expected an http/);
    expect(() => parseLoadSpec({ rateHz: 10, targets: [{ ...target, body: "{}" }] })).toThrow(/targets\[0\]\.body: a GET sends no body/);
    expect(() => parseLoadSpec({ rateHz: 10, targets: [target], durationCap: "5 minutes" })).toThrow(/load\.durationCap/);
    expect(() => parseLoadSpec({ rateHz: 0, targets: [target] })).toThrow(/load\.rateHz/);
  });

  it("keeps the variables the harness passes to k6 out of `env`", () => {
    expect(() => parseLoadSpec({ rateHz: 10, targets: [target], env: { BASE_URL: "x", RATE: "1" } })).toThrow(/load\.env: BASE_URL, RATE are set by the harness/);
    expect(parseLoadSpec({ rateHz: 10, targets: [target], env: { SESSIONS: "50" } }).env).toEqual({ SESSIONS: "50" });
  });
});
