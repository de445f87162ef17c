// A probe as plain data, the way a scenario file declares it. Validated strictly
// before anything connects: unknown keys are rejected and every problem names
// its field, because a typo such as `timeoutMS` silently falling back to a
// default would make every figure measured after it wrong.
import { z } from "zod";
import { problemsOf } from "../../stacks/lib/issues.ts";
import { inputError } from "../../core/errors.ts";

import { probeKinds } from "../../scenarios/kinds.ts";

export { probeKinds };
export const DEFAULT_RATE_HZ = 100;
export const DEFAULT_TIMEOUT_MS = 1_000;

const envelope = {
  name: z.string().min(1).max(100),
  rateHz: z.number().positive().max(1_000).optional(),
  timeoutMs: z.number().positive().max(60_000).optional(),
  /** Answers slower than this are disrupted ("slow"); defaults to the timeout. */
  latencyBoundMs: z.number().positive().max(60_000).optional(),
  /**
   * Which path of the service this probe samples; the service's RTO is the
   * worst of its paths. Default: "write" for an HTTP POST and a Redis SET,
   * otherwise "read".
   */
  servicePath: z.enum(["read", "write"]).optional(),
};
const hostPort = z.string().regex(/^[^:\s/]+:\d{1,5}$/, 'expected "host:port"');

const schemas = {
  http: z.strictObject({
    kind: z.literal("http"),
    ...envelope,
    target: z.string().regex(/^https?:\/\/\S+$/, "expected an http:// or https:// URL"),
    method: z.enum(["GET", "HEAD", "POST"]).optional(),
    /** Healthy statuses; without it, any status below 500 is healthy. */
    expectStatus: z.array(z.int().min(100).max(599)).min(1).optional(),
    /** A substring the body must contain to be healthy (a health page saying "ok", not an error page). */
    expectBody: z.string().min(1).max(1_000).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    /** A new connection per request instead of keep-alive (what a fresh client sees). */
    freshConnections: z.boolean().optional(),
  }),
  tcp: z.strictObject({
    kind: z.literal("tcp"),
    ...envelope,
    target: hostPort,
    send: z.string().optional(),
    /** A substring the reply must contain; without it, connecting is enough. */
    expect: z.string().min(1).optional(),
  }),
  postgres: z.strictObject({
    kind: z.literal("postgres"),
    ...envelope,
    /** May list several hosts and carry target_session_attrs=primary. */
    target: z.string().regex(/^postgres(ql)?:\/\/\S+$/, "expected a postgres:// URL"),
    query: z.string().min(1).optional(),
    poolSize: z.int().min(1).max(16).optional(),
    /**
     * Default false: every sample also checks, in the same round trip, that it
     * reached a writable primary (pg_is_in_recovery(), transaction_read_only);
     * a standby's answer is a disrupted sample ("wrong-role"). true probes
     * replicas on purpose.
     */
    readOnly: z.boolean().optional(),
  }),
  redis: z.strictObject({
    kind: z.literal("redis"),
    ...envelope,
    target: z.union([
      hostPort,
      z.string().regex(/^rediss?:\/\/\S+$/, 'expected "host:port" or a redis:// URL'),
      z.strictObject({
        sentinels: z.array(z.strictObject({ host: z.string().min(1), port: z.int().min(1).max(65_535) })).min(1),
        name: z.string().min(1),
      }),
    ]),
    op: z.enum(["ping", "get", "set"]).optional(),
    key: z.string().min(1).optional(),
    password: z.string().optional(),
    /**
     * Default false: every sample also asks ROLE in the same round trip and a
     * replica's answer is a disrupted sample ("wrong-role"). true probes
     * replicas on purpose.
     */
    readOnly: z.boolean().optional(),
  }),
} as const;

export type HttpProbeSpec = z.infer<typeof schemas.http>;
export type TcpProbeSpec = z.infer<typeof schemas.tcp>;
export type PostgresProbeSpec = z.infer<typeof schemas.postgres>;
export type RedisProbeSpec = z.infer<typeof schemas.redis>;
export type ProbeSpec = HttpProbeSpec | TcpProbeSpec | PostgresProbeSpec | RedisProbeSpec;

/** The path a probe samples: as declared, else a write for HTTP POST and Redis SET, else a read. */
export function servicePathOf(spec: ProbeSpec): "read" | "write" {
  if (spec.servicePath) return spec.servicePath;
  if (spec.kind === "http" && spec.method === "POST") return "write";
  if (spec.kind === "redis" && spec.op === "set") return "write";
  return "read";
}

/**
 * Validates a probe spec from untrusted input. The kind is checked first so an
 * unknown kind is answered with the allowed list, not a generic union error.
 */
export function parseProbeSpec(input: unknown, where = "probe"): ProbeSpec {
  const kind = (input as { kind?: unknown } | null)?.kind;
  if (typeof kind !== "string" || !(probeKinds as readonly string[]).includes(kind)) {
    throw inputError(`${where}.kind: expected one of ${probeKinds.join(", ")}; got ${JSON.stringify(kind ?? null)}`, { field: `${where}.kind` });
  }
  const parsed = schemas[kind as ProbeSpec["kind"]].safeParse(input);
  if (!parsed.success) {
    const lines = problemsOf(parsed.error).map((p) => `${where}.${p.path}: ${p.message}`);
    throw inputError(lines.join("; "));
  }
  const spec = parsed.data as ProbeSpec;
  const timeoutMs = spec.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (spec.latencyBoundMs !== undefined && spec.latencyBoundMs > timeoutMs) {
    throw inputError(`${where}.latencyBoundMs: ${spec.latencyBoundMs} exceeds timeoutMs ${timeoutMs}; a bound above the timeout can never be reached`, { field: `${where}.latencyBoundMs` });
  }
  return spec;
}
