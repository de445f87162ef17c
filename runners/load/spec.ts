// Load during a drill, as plain data. Validated strictly before anything is
// started: an unknown key is almost always a typo (`rateHZ`), and a typo that
// silently fell back to a default would run a drill under a load nobody asked
// for. Targets are full URLs: the engine resolves the plan's endpoints to URLs
// before it calls here, so what the load touches is what the plan declares.
import { z } from "zod";
import { parseDuration } from "../../core/duration.ts";
import { problemsOf } from "../../stacks/lib/issues.ts";
import { Duration } from "../../stacks/lib/schema.ts";
import { inputError } from "../../core/errors.ts";

export const DEFAULT_LOAD_TIMEOUT_MS = 2_000;
export const DEFAULT_DURATION_CAP = "30m";
/** Sockets are a finite resource: no default cap above this, whatever the rate. */
export const MAX_DEFAULT_IN_FLIGHT = 1_024;
/** Names the harness passes to k6 itself (see k6-args.ts); `env` may not shadow them. */
export const HARNESS_ENV = ["BASE_URL", "TARGETS", "RATE", "MAX_VUS", "TIMEOUT", "DURATION"] as const;

export const LoadTarget = z.strictObject({
  url: z.string().regex(/^https?:\/\/\S+$/, "expected an http:// or https:// URL"),
  method: z.enum(["GET", "POST", "PUT"]).optional(),
  /** Relative share of requests (default 1). */
  weight: z.number().positive().max(1_000_000).optional(),
  /** Request body; `{{seq}}` and `{{run}}` are replaced per request. Sent as JSON. */
  body: z.string().max(1 << 20).optional(),
});

export const LoadSpecSchema = z.strictObject({
  name: z.string().min(1).max(100).optional(),
  /** A k6 script (scenarios/k6/<name>.js), run when k6 is installed. */
  script: z.string().regex(/\.(m?js)$/, "expected a .js k6 script").optional(),
  rateHz: z.number().positive().max(100_000),
  /** Requests in flight at most; sends beyond it are recorded as shed, not queued. */
  maxInFlight: z.int().min(1).max(10_000).optional(),
  timeoutMs: z.number().positive().max(60_000).optional(),
  /** Stop generating after this long even if nobody calls stop(). */
  durationCap: Duration.optional(),
  targets: z.array(LoadTarget).min(1).max(100),
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name"), z.string()).optional(),
});

export type LoadTargetT = z.infer<typeof LoadTarget>;
export type LoadSpecInput = z.input<typeof LoadSpecSchema>;

export interface ResolvedTarget {
  url: string;
  method: "GET" | "POST" | "PUT";
  weight: number;
  body?: string;
}

/** A validated spec with every default filled in. */
export interface LoadSpec {
  name: string;
  script?: string;
  rateHz: number;
  maxInFlight: number;
  timeoutMs: number;
  durationCapMs: number;
  targets: ResolvedTarget[];
  env: Record<string, string>;
}

/** In-flight requests one rate needs when every answer takes the whole timeout, plus 10 % headroom. */
export function defaultMaxInFlight(rateHz: number, timeoutMs: number): number {
  // × 11 / 10 000 rather than / 1000 × 1.1: 200 × 1.1 is 220.00000000000003 in floating point.
  return Math.min(MAX_DEFAULT_IN_FLIGHT, Math.ceil((rateHz * timeoutMs * 11) / 10_000) + 2);
}

export function parseLoadSpec(input: unknown, where = "load"): LoadSpec {
  const parsed = LoadSpecSchema.safeParse(input);
  if (!parsed.success) {
    throw inputError(problemsOf(parsed.error).map((p) => `${where}.${p.path}: ${p.message}`).join("; "));
  }
  const s = parsed.data;
  s.targets.forEach((t, i) => {
    if (t.body !== undefined && (t.method ?? "GET") === "GET") throw inputError(`${where}.targets[${i}].body: a GET sends no body; use method POST or PUT`, { field: `${where}.targets` });
  });
  const shadowed = Object.keys(s.env ?? {}).filter((k) => (HARNESS_ENV as readonly string[]).includes(k));
  if (shadowed.length) throw inputError(`${where}.env: ${shadowed.join(", ")} ${shadowed.length > 1 ? "are" : "is"} set by the harness from targets, rateHz, maxInFlight, timeoutMs and durationCap`, { field: `${where}.env` });
  const timeoutMs = s.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  return {
    name: s.name ?? "load",
    ...(s.script !== undefined ? { script: s.script } : {}),
    rateHz: s.rateHz,
    maxInFlight: s.maxInFlight ?? defaultMaxInFlight(s.rateHz, timeoutMs),
    timeoutMs,
    durationCapMs: parseDuration(s.durationCap ?? DEFAULT_DURATION_CAP),
    targets: s.targets.map((t) => ({ url: t.url, method: t.method ?? "GET", weight: t.weight ?? 1, ...(t.body !== undefined ? { body: t.body } : {}) })),
    env: s.env ?? {},
  };
}
