// FIS calls are throttled per account and region; a drill that polls every
// two seconds beside other tooling can meet a ThrottlingException. Those, and
// 5xx answers, are retried with exponential backoff and jitter — a few times,
// bounded, and never past an abort. Every other error is the caller's.
import { RunError } from "../../core/errors.ts";

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 250, maxMs: 4_000 };
let policy = DEFAULT_RETRY;

/** Tests shorten the backoff; returns a function that restores the previous policy. */
export function setRetryPolicy(next: RetryPolicy): () => void {
  const previous = policy;
  policy = next;
  return () => {
    policy = previous;
  };
}

const THROTTLING = new Set(["ThrottlingException", "TooManyRequestsException", "Throttling", "RequestLimitExceeded"]);

export function isRetryable(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; $fault?: string; $retryable?: unknown };
  const status = e?.$metadata?.httpStatusCode;
  return THROTTLING.has(e?.name ?? "") || status === 429 || e?.$fault === "server" || (status !== undefined && status >= 500) || e?.$retryable !== undefined;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((ok) => {
    if (signal?.aborted) return ok();
    const timer = setTimeout(ok, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), ok()), { once: true });
  });

/** Run `call`, retrying throttling and server errors; `what` names the call in the final error. */
export async function withRetry<T>(what: string, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const { attempts, baseMs, maxMs } = policy;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= attempts || signal?.aborted) {
        throw new RunError(`${what}: still throttled or failing after ${attempt} attempts: ${(error as Error).message}`, { cause: error });
      }
      // Full jitter: drills started together must not retry in lockstep.
      await sleep(Math.random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)), signal);
    }
  }
}
