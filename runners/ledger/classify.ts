// A ledger write that fails is a disrupted sample of the write path, classified
// the way the probe of the same kind classifies its errors, so a read-only
// standby answering a write is "wrong-role" for ledgers and probes alike.
import { classifyNetworkError, shortMessage } from "../probes/classify.ts";
import { classifyPostgresError } from "../probes/postgres.ts";
import { classifyRedisError } from "../probes/redis.ts";
import type { ErrorClass } from "../probes/sample.ts";
import type { LedgerInfo } from "./record.ts";

export function writeErrorClassifier(kind: LedgerInfo["kind"]): (error: unknown) => ErrorClass {
  switch (kind) {
    case "postgres":
      return (e) => classifyPostgresError(e).error;
    case "redis":
      return (e) => classifyRedisError(e).error;
    case "http":
      // The app answered, but not 201: a 5xx is "bad-status" like a probe's.
      return (e) => (/answered \d{3}/.test(shortMessage(e)) ? "bad-status" : classifyNetworkError(e).error);
  }
}
