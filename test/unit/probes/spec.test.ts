import { describe, expect, it } from "vitest";
import { createProbe, probeInfo } from "../../../runners/probes/create.ts";
import { redactTarget } from "../../../runners/probes/redact.ts";
import { parseProbeSpec } from "../../../runners/probes/spec.ts";

describe("probe specs", () => {
  it("fills defaults: 100 Hz, 1 s timeout, latency bound = timeout", () => {
    expect(probeInfo(parseProbeSpec({ kind: "tcp", name: "t", target: "127.0.0.1:5432" }))).toEqual({
      name: "t",
      kind: "tcp",
      target: "127.0.0.1:5432",
      rateHz: 100,
      timeoutMs: 1000,
      latencyBoundMs: 1000,
      servicePath: "read",
    });
  });

  it("the path a probe samples: a POST or a Redis SET is the write path unless declared", () => {
    const path = (spec: Record<string, unknown>) => probeInfo(parseProbeSpec({ name: "p", ...spec })).servicePath;
    expect(path({ kind: "http", target: "http://127.0.0.1:1/", method: "POST" })).toBe("write");
    expect(path({ kind: "http", target: "http://127.0.0.1:1/" })).toBe("read");
    expect(path({ kind: "redis", target: "127.0.0.1:1", op: "set" })).toBe("write");
    expect(path({ kind: "redis", target: "127.0.0.1:1", op: "set", servicePath: "read" })).toBe("read");
    expect(path({ kind: "postgres", target: "postgres://127.0.0.1:1/x" })).toBe("read");
  });

  it("rejects an unknown kind with the allowed list", () => {
    expect(() => parseProbeSpec({ kind: "ftp", name: "x" }, "scenario.probes[0]")).toThrow(
      'scenario.probes[0].kind: expected one of http, tcp, postgres, redis; got "ftp"',
    );
  });

  it("rejects unknown keys, naming them (a typo must not fall back to a default)", () => {
    expect(() => parseProbeSpec({ kind: "http", name: "x", target: "http://127.0.0.1/", timeoutMS: 5 })).toThrow(/probe.*unknown field "timeoutMS"/);
  });

  it("names each bad field", () => {
    const bad = () => parseProbeSpec({ kind: "http", name: "x", target: "ftp://h/", rateHz: 5000 });
    expect(bad).toThrow(expect.objectContaining({ kind: "input" }));
    expect(bad).toThrow(/probe\.target: expected an http:\/\/ or https:\/\/ URL/);
    expect(bad).toThrow(/probe\.rateHz/);
  });

  it("rejects a latency bound above the timeout", () => {
    expect(() => parseProbeSpec({ kind: "tcp", name: "x", target: "h:1", timeoutMs: 100, latencyBoundMs: 200 })).toThrow(/latencyBoundMs: 200 exceeds timeoutMs 100/);
  });

  it("accepts a Sentinel target for redis and shows it readably", () => {
    const spec = { kind: "redis", name: "cache", target: { sentinels: [{ host: "127.0.0.1", port: 26379 }], name: "mymaster" } };
    expect(probeInfo(parseProbeSpec(spec)).target).toBe("sentinel://127.0.0.1:26379/mymaster");
  });

  it("redacts passwords in info.target, including multi-host postgres URLs", () => {
    const probe = createProbe({ kind: "postgres", name: "db", target: "postgres://app:s3cret@h1:5432,h2:5433/db?target_session_attrs=primary" });
    expect(probe.info.target).toBe("postgres://app:***@h1:5432,h2:5433/db?target_session_attrs=primary");
    expect(redactTarget("redis://:pw@127.0.0.1:6379/0")).toBe("redis://:***@127.0.0.1:6379/0");
    expect(redactTarget("postgres://h/db?user=u&password=pw")).toBe("postgres://h/db?user=u&password=***");
    expect(redactTarget("http://127.0.0.1:8080/health")).toBe("http://127.0.0.1:8080/health");
    return probe.stop();
  });

  it("turns a client library's rejection of the target into an input error", () => {
    expect(() => createProbe({ kind: "postgres", name: "db", target: "postgres://h/db?target_session_attrs=any-please" })).toThrow(
      /probe\.target: target_session_attrs any-please is not supported/,
    );
  });
});
