// A fast path for the two record types that make up nearly all of a long journal
// (samples and writes: a million and more per hour). Each check accepts only what
// the zod schema in format.ts certainly accepts; anything else — including every
// other record type and every malformed record — goes through the schema, which
// also words the error. A property test over mutated records holds the two to
// this promise in both directions (test/unit/reports/stream.test.ts); a field
// added to either record in format.ts must be added here too, or it fails.
import type { SampleRecordT, WriteRecordT } from "./format.ts";

const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const int = (v: unknown): v is number => Number.isSafeInteger(v);
const optString = (v: unknown) => v === undefined || typeof v === "string";
const optNum = (v: unknown) => v === undefined || num(v);

export function fastSample(v: Record<string, unknown>): SampleRecordT | undefined {
  return v.type === "sample" && typeof v.probe === "string" && int(v.seq) && num(v.t) && optNum(v.intendedT) && typeof v.ok === "boolean" && num(v.latencyMs) && optString(v.error) && optString(v.detail)
    ? (v as unknown as SampleRecordT)
    : undefined;
}

export function fastWrite(v: Record<string, unknown>): WriteRecordT | undefined {
  return v.type === "write" && typeof v.ledger === "string" && int(v.seq) && num(v.t) && optNum(v.ackAt) && optString(v.error) && optString(v.errorClass) && optNum(v.failedAt)
    ? (v as unknown as WriteRecordT)
    : undefined;
}
