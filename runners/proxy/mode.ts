// What a proxy does to traffic right now. Plain data, so a mode can travel over
// the daemon's control API and be written to a drill journal unchanged. This is
// the one list of proxy modes: the wire form (ms) below, the scenario form of
// the net.proxy fault (durations as text) at the end, and the toxics (toxics/)
// keyed by the same kinds.
import { z } from "zod";
import { parseDuration } from "../../core/duration.ts";
import { inputError } from "../../core/errors.ts";
import { Duration } from "../../stacks/lib/schema.ts";

export type ProxyMode =
  | { kind: "pass" }
  | { kind: "blackhole" }
  | { kind: "reset" }
  | { kind: "latency"; delayMs: number; jitterMs?: number };

export const modeKinds = ["pass", "blackhole", "reset", "latency"] as const;

const ms = z.number().finite().min(0).max(600_000);

const schemas = {
  pass: z.strictObject({ kind: z.literal("pass") }),
  blackhole: z.strictObject({ kind: z.literal("blackhole") }),
  reset: z.strictObject({ kind: z.literal("reset") }),
  latency: z.strictObject({ kind: z.literal("latency"), delayMs: ms, jitterMs: ms.optional() }),
} as const;

export const proxyModeSchema: z.ZodType<ProxyMode> = z.discriminatedUnion("kind", [
  schemas.pass,
  schemas.blackhole,
  schemas.reset,
  schemas.latency,
]);

/**
 * Validates a mode from untrusted input (HTTP body, scenario file). The kind is
 * checked first so an unknown kind is answered with the allowed list rather than
 * a generic union error.
 */
export function parseProxyMode(input: unknown, where = "mode"): ProxyMode {
  const kind = (input as { kind?: unknown } | null)?.kind;
  if (typeof kind !== "string" || !(modeKinds as readonly string[]).includes(kind)) {
    throw inputError(`${where}.kind: expected one of ${modeKinds.join(", ")}; got ${JSON.stringify(kind ?? null)}`, { field: `${where}.kind` });
  }
  const parsed = schemas[kind as ProxyMode["kind"]].safeParse(input);
  if (!parsed.success) throw inputError(`${where}: ${formatIssues(parsed.error)}`);
  return parsed.data as ProxyMode;
}

/** "delayMs: Too small …; jitterMs: …" — each issue with the field it names. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/** "latency 200±50 ms", for logs and journal lines. */
export function describeMode(mode: ProxyMode): string {
  if (mode.kind !== "latency") return mode.kind;
  return `latency ${mode.delayMs}${mode.jitterMs ? `±${mode.jitterMs}` : ""} ms`;
}

/** The modes a fault may put a proxy in: every mode but "pass", which is how a proxy heals. */
export const faultModeKinds = ["latency", "blackhole", "reset"] as const satisfies readonly Exclude<ProxyMode["kind"], "pass">[];

/**
 * The net.proxy fault's params, one strict object per mode, told apart by `mode`:
 * - latency: `delay` (a duration, each direction) and optional `jitter` (± uniform);
 * - blackhole: accept and never answer; held connections are reset on heal;
 * - reset: refuse with a TCP RST, open connections too.
 */
export const ProxyFaultParams = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("latency"), delay: Duration, jitter: Duration.optional() }),
  z.strictObject({ mode: z.literal("blackhole") }),
  z.strictObject({ mode: z.literal("reset") }),
]);
export type ProxyFaultParamsT = z.infer<typeof ProxyFaultParams>;

/** The wire mode for a fault's params (durations to ms). */
export function faultMode(params: ProxyFaultParamsT): Exclude<ProxyMode, { kind: "pass" }> {
  if (params.mode === "latency") return { kind: "latency", delayMs: parseDuration(params.delay), jitterMs: params.jitter ? parseDuration(params.jitter) : 0 };
  return { kind: params.mode };
}
