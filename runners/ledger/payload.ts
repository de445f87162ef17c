// What a ledger writes, and how read-back knows a record is intact. Every
// payload is derived from (runId, seq) alone, so nothing needs to be kept per
// write to check it later, and a record that came back altered — truncated,
// swapped with another seq's, from another run — cannot pass for the original.
import { createHash, randomBytes } from "node:crypto";

/**
 * A run id unique per writer, sortable by start time, safe in SQL, Redis keys
 * and URL paths: "20251122t234900z-3fa9c1d2".
 */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "z").toLowerCase();
  return `${stamp}-${randomBytes(4).toString("hex")}`;
}

/** `<runId>:<seq>:<first 16 hex of sha256("<runId>:<seq>")>` */
export function payloadFor(runId: string, seq: number): string {
  const digest = createHash("sha256").update(`${runId}:${seq}`).digest("hex").slice(0, 16);
  return `${runId}:${seq}:${digest}`;
}

export function payloadMatches(runId: string, seq: number, payload: unknown): boolean {
  return typeof payload === "string" && payload === payloadFor(runId, seq);
}
