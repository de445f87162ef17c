// Proxy modes and daemon configs arrive as untrusted JSON: check what is
// accepted, and that rejections name the field and the allowed values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDaemonConfig } from "../../../runners/proxy/daemon-config.ts";
import { describeMode, parseProxyMode } from "../../../runners/proxy/mode.ts";
import { isLoopback } from "../../../runners/proxy/tcp-proxy.ts";

describe("parseProxyMode", () => {
  it("accepts every kind", () => {
    expect(parseProxyMode({ kind: "pass" })).toEqual({ kind: "pass" });
    expect(parseProxyMode({ kind: "blackhole" })).toEqual({ kind: "blackhole" });
    expect(parseProxyMode({ kind: "reset" })).toEqual({ kind: "reset" });
    expect(parseProxyMode({ kind: "latency", delayMs: 200, jitterMs: 50 })).toEqual({
      kind: "latency",
      delayMs: 200,
      jitterMs: 50,
    });
  });

  it("names the allowed kinds for an unknown or missing kind", () => {
    expect(() => parseProxyMode({ kind: "partition" })).toThrow(
      'mode.kind: expected one of pass, blackhole, reset, latency; got "partition"',
    );
    expect(() => parseProxyMode(null)).toThrow(/got null/);
  });

  it("names the bad field and rejects unknown keys", () => {
    expect(() => parseProxyMode({ kind: "latency", delayMs: -1 })).toThrow(/delayMs/);
    expect(() => parseProxyMode({ kind: "latency" })).toThrow(/delayMs/);
    expect(() => parseProxyMode({ kind: "pass", delayMs: 1 })).toThrow(/delayMs/);
  });

  it("round-trips any valid latency mode through JSON", () => {
    fc.assert(
      fc.property(fc.nat(600_000), fc.option(fc.nat(600_000), { nil: undefined }), (delayMs, jitterMs) => {
        const mode = jitterMs === undefined ? { kind: "latency", delayMs } : { kind: "latency", delayMs, jitterMs };
        expect(parseProxyMode(JSON.parse(JSON.stringify(mode)))).toEqual(mode);
      }),
    );
  });

  it("describes modes for journal lines", () => {
    expect(describeMode({ kind: "latency", delayMs: 200, jitterMs: 50 })).toBe("latency 200±50 ms");
    expect(describeMode({ kind: "blackhole" })).toBe("blackhole");
  });
});

describe("isLoopback", () => {
  it("allows loopback only", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1"]) expect(isLoopback(host)).toBe(true);
    for (const host of ["0.0.0.0", "10.0.0.1", "::", "example.com", "127.0.0.1.example.com"]) {
      expect(isLoopback(host)).toBe(false);
    }
  });
});

describe("parseDaemonConfig", () => {
  const proxy = { name: "pg", listenPort: 0, upstreamHost: "127.0.0.1", upstreamPort: 5432 };

  it("fills loopback defaults", () => {
    const config = parseDaemonConfig({ control: { port: 0 }, proxies: [proxy] });
    expect(config.control.host).toBe("127.0.0.1");
    expect(config.proxies[0]!.listenHost).toBe("127.0.0.1");
  });

  it("rejects a non-loopback control host, duplicate names and unknown keys", () => {
    expect(() => parseDaemonConfig({ control: { host: "0.0.0.0", port: 1 }, proxies: [] })).toThrow(
      /control\.host: must be a loopback address/,
    );
    expect(() => parseDaemonConfig({ control: { port: 1 }, proxies: [proxy, proxy] })).toThrow(/unique/);
    expect(() => parseDaemonConfig({ control: { port: 1 }, proxies: [{ ...proxy, mode: "pass" }] })).toThrow(/mode/);
  });
});
