// Waiting for something observable, bounded: poll, report what is still missing
// when it changes, and on timeout throw with the last observation.
import { setTimeout as sleep } from "node:timers/promises";
import { environmentError } from "../../core/errors.ts";

export interface Check<T> {
  /** Observe once; `missing` is empty when the goal is reached. */
  observe: () => Promise<{ value: T; missing: string[] }>;
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  onProgress?: (message: string) => void;
  /** Called on each round that is still missing something (e.g. to nudge a slow step). */
  onPending?: (value: T) => Promise<void>;
}

export async function waitFor<T>(check: Check<T>): Promise<T> {
  const started = Date.now();
  let last: string[] = ["nothing observed yet"];
  let said = "";
  while (true) {
    const { value, missing } = await check.observe();
    if (missing.length === 0) return value;
    last = missing;
    const line = missing.join("; ");
    if (line !== said) {
      check.onProgress?.(`waiting for ${check.what}: ${line}`);
      said = line;
    }
    if (Date.now() - started > check.timeoutMs) {
      throw environmentError(`${check.what} did not become healthy within ${Math.round(check.timeoutMs / 1000)} s: ${last.join("; ")}`);
    }
    await check.onPending?.(value);
    await sleep(check.intervalMs ?? 250);
  }
}
