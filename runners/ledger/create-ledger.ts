// Builds a LedgerWriter from plain data (a scenario's ledger entry). Nothing is
// connected yet: prepare() or the first write does that.
import { httpLedgerStore } from "./http-ledger.ts";
import { newRunId } from "./payload.ts";
import { postgresLedgerStore } from "./postgres-ledger.ts";
import { redactTarget } from "../probes/redact.ts";
import { redisLedgerStore, type RedisTarget } from "./redis-ledger.ts";
import { parseLedgerSpec, type LedgerSpec } from "./spec.ts";
import { makeLedgerWriter, type LedgerStore, type LedgerWriter } from "./writer.ts";

export type { LedgerWriter } from "./writer.ts";
export type { LedgerSpec, LedgerSpecInput } from "./spec.ts";

/** Validates `input` (an input DrillError naming the field) and builds the writer. */
export function createLedger(input: unknown): LedgerWriter {
  const spec = parseLedgerSpec(input);
  const runId = spec.runId ?? newRunId();
  // Enough slots for every write of one timeout window to be outstanding, plus slack.
  const maxInFlight = spec.maxInFlight ?? Math.ceil((spec.rateHz * spec.timeoutMs) / 1000) + 8;
  const info = {
    name: spec.name,
    kind: spec.kind,
    target: describeTarget(spec),
    rateHz: spec.rateHz,
    timeoutMs: spec.timeoutMs,
    runId,
  };
  return makeLedgerWriter({ info, maxInFlight, settleMs: spec.settleMs }, storeFor(spec, runId, maxInFlight));
}

function storeFor(spec: LedgerSpec, runId: string, maxInFlight: number): LedgerStore {
  const { timeoutMs } = spec;
  switch (spec.kind) {
    case "postgres":
      return postgresLedgerStore({ url: spec.target, runId, table: spec.table, timeoutMs, maxConnections: Math.min(maxInFlight, 10) });
    case "redis":
      return redisLedgerStore({ target: redisTarget(spec), runId, timeoutMs });
    case "http":
      return httpLedgerStore({ base: spec.target, runId, timeoutMs, maxConnections: maxInFlight });
  }
}

function redisTarget(spec: Extract<LedgerSpec, { kind: "redis" }>): RedisTarget {
  if (spec.target !== undefined) return { url: spec.target };
  return spec.sentinel!;
}

/** The target as journals show it: passwords redacted, Sentinel as sentinel://h:p,h:p/name. */
export function describeTarget(spec: LedgerSpec): string {
  if (spec.kind !== "redis" || spec.target !== undefined) return redactTarget(spec.target!);
  const { sentinels, name } = spec.sentinel!;
  return `sentinel://${sentinels.map((s) => `${s.host}:${s.port}`).join(",")}/${name}`;
}
