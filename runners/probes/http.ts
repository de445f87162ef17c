// HTTP probe: one request per sample through a dedicated undici Agent, so the
// probe's connections never share a pool with anything else in the process.
// Keep-alive with pipelining 1: a hung request occupies one connection only and
// the others keep sampling. An aborted (timed-out) request destroys its
// connection, so sockets to a dead server do not pile up.
import { Agent, request } from "undici";
import { classifyNetworkError } from "./classify.ts";
import { maxInFlightFor } from "./judge.ts";
import type { Outcome, ProbeClient } from "./probe.ts";
import type { HttpProbeSpec } from "./spec.ts";

export interface HttpSettings {
  spec: HttpProbeSpec;
  rateHz: number;
  timeoutMs: number;
}

export function httpClient({ spec, rateHz, timeoutMs }: HttpSettings): ProbeClient {
  const agent = new Agent({
    pipelining: 1,
    // One connection per request that can be in flight: never queue inside undici,
    // where a request would wait behind a hung one.
    connections: maxInFlightFor(rateHz, timeoutMs),
    // Below Node's and most servers' 5 s idle timeout, so we drop an idle
    // connection before the server does and never race its close with a request.
    keepAliveTimeout: 4_000,
    connect: { timeout: timeoutMs },
  });
  const method = spec.method ?? "GET";
  const expected = spec.expectStatus ? new Set(spec.expectStatus) : undefined;

  return {
    async attempt(signal): Promise<Outcome> {
      const res = await request(spec.target, {
        dispatcher: agent,
        method,
        signal,
        reset: spec.freshConnections ?? false,
        ...(spec.headers ? { headers: spec.headers } : {}),
      });
      if (spec.expectBody === undefined) {
        // Read the body to the end so the connection can be reused.
        await res.body.dump({ limit: 1 << 20, signal });
        return judgeStatus(res.statusCode, expected);
      }
      const body = await res.body.text();
      const status = judgeStatus(res.statusCode, expected);
      if (!status.ok || body.includes(spec.expectBody)) return status;
      return { ok: false, error: "bad-status", detail: `HTTP ${res.statusCode}: body lacks ${JSON.stringify(spec.expectBody)}` };
    },
    classify: classifyNetworkError,
    async close() {
      await agent.destroy().catch(() => undefined);
    },
  };
}

/** 5xx is never healthy; with an expected set, only its members are. */
export function judgeStatus(status: number, expected: Set<number> | undefined): Outcome {
  const healthy = status < 500 && (!expected || expected.has(status));
  return healthy ? { ok: true } : { ok: false, error: "bad-status", detail: `HTTP ${status}` };
}
