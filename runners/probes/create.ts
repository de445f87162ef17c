// The factory the engine calls: plain-data spec in, running-ready probe out.
import { inputError } from "../../core/errors.ts";
import { httpClient } from "./http.ts";
import { OpenLoopProbe } from "./open-loop.ts";
import { postgresClient } from "./postgres.ts";
import type { Probe, ProbeClient } from "./probe.ts";
import { redactTarget } from "./redact.ts";
import { describeRedisTarget, redisClient } from "./redis.ts";
import type { ProbeInfo } from "./sample.ts";
import { DEFAULT_RATE_HZ, DEFAULT_TIMEOUT_MS, parseProbeSpec, servicePathOf, type ProbeSpec } from "./spec.ts";
import { tcpClient } from "./tcp.ts";

/**
 * Validates `input` (throws an input DrillError naming the field) and builds the probe.
 * Clients connect lazily or in the background; nothing throws on a dead target.
 */
export function createProbe(input: unknown, where = "probe"): Probe {
  const spec = parseProbeSpec(input, where);
  const info = probeInfo(spec);
  return new OpenLoopProbe(info, clientFor(spec, info, where));
}

export function probeInfo(spec: ProbeSpec): ProbeInfo {
  const timeoutMs = spec.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const target = spec.kind === "redis" ? describeRedisTarget(spec.target) : spec.target;
  return {
    name: spec.name,
    kind: spec.kind,
    target: redactTarget(target),
    rateHz: spec.rateHz ?? DEFAULT_RATE_HZ,
    timeoutMs,
    latencyBoundMs: spec.latencyBoundMs ?? timeoutMs,
    servicePath: servicePathOf(spec),
  };
}

function clientFor(spec: ProbeSpec, info: ProbeInfo, where: string): ProbeClient {
  try {
    switch (spec.kind) {
      case "http":
        return httpClient({ spec, rateHz: info.rateHz, timeoutMs: info.timeoutMs });
      case "tcp":
        return tcpClient(spec);
      case "postgres":
        return postgresClient(spec, info.timeoutMs);
      case "redis":
        return redisClient(spec, info.timeoutMs);
    }
  } catch (error) {
    // e.g. postgres.js rejecting an unsupported target_session_attrs value.
    throw inputError(`${where}.target: ${(error as Error).message}`, { field: `${where}.target` }, error);
  }
}
