// A fast path for the two record types that make up nearly all of a long journal
// (samples and writes: a million and more per hour). Each check accepts only what
// the zod schema in format.ts certainly accepts; anything else — including every
// other record type and every malformed record — goes through the schema, which
// also words the error. A unit test holds the two to this promise.
import type { SampleRecordT, WriteRecordT } from "./format.ts";

const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const int = (v: unknown): v is number => Number.isSafeInteger(v);
const optString = (v: unknown) => v === undefined || typeof v === "string";

export function fastSample(v: Record<string, unknown>): SampleRecordT | undefined {
  return v.type === "sample" && typeof v.probe === "string" && int(v.seq) && num(v.t) && (v.intendedT === undefined || num(v.intendedT)) && typeof v.ok === "boolean" && num(v.latencyMs) && optString(v.error) && optString(v.detail)
    ? (v as unknown as SampleRecordT)
    : undefined;
}

export function fastWrite(v: Record<string, unknown>): WriteRecordT | undefined {
  return v.type === "write" && typeof v.ledger === "string" && int(v.seq) && num(v.t) && (v.ackAt === undefined || num(v.ackAt)) && optString(v.error)
    ? (v as unknown as WriteRecordT)
    : undefined;
}
