// The one interface the drill engine sees for every kind of ledger, and the
// small contract each store implements underneath it (prepare, one write, read
// everything back, close). Scheduling, timeouts, payload integrity and the
// read-back retry live here once, so every kind measures the same way.
import type { Clock } from "../../core/clock.ts";
import { messageOf, environmentError } from "../../core/errors.ts";
import { writeErrorClassifier } from "./classify.ts";
import { startOpenLoop, type OpenLoop, type OpenLoopStats } from "./open-loop.ts";
import { payloadFor, payloadMatches } from "./payload.ts";
import type { LedgerInfo, LedgerWrite, ReadBack } from "./record.ts";
import { SeqSet } from "./seq-set.ts";

export interface LedgerWriter {
  readonly info: LedgerInfo;
  /** Connects and creates what the store needs (table …). Optional: start() does it lazily. */
  prepare(): Promise<void>;
  /** Starts writing; each write's outcome reaches `onWrite` once, in completion order. */
  start(clock: Clock, onWrite: (w: LedgerWrite) => void): void;
  /** Stops writing and waits (bounded) for writes in flight. Idempotent. */
  stop(): Promise<void>;
  /** Reads this run's records from the current primary, retrying while the cluster settles. */
  readBack(clock: Clock): Promise<ReadBack>;
  stats(): OpenLoopStats;
  /** Stops if still running, then releases every connection. */
  close(): Promise<void>;
}

/** What one kind of store does; everything else is shared. */
export interface LedgerStore {
  prepare(): Promise<void>;
  write(seq: number, payload: string, signal: AbortSignal): Promise<void>;
  /** This run's records, as [seq, payload]; throws while no primary can be read. */
  readAll(sent: SeqSet): Promise<{ rows: Iterable<[number, string]>; source: string }>;
  close(): Promise<void>;
}

export interface WriterSettings {
  info: LedgerInfo & { runId: string };
  maxInFlight: number;
  /** How long read-back keeps retrying for a readable primary (ms). */
  settleMs: number;
}

export function makeLedgerWriter(settings: WriterSettings, store: LedgerStore): LedgerWriter {
  const { info } = settings;
  let ready: Promise<void> | undefined;
  let loop: OpenLoop | undefined;
  const prepare = (): Promise<void> => {
    // Memoised, but forgotten on failure so a store that was down at the first
    // write is prepared again by a later one.
    ready ??= store.prepare().catch((error: unknown) => {
      ready = undefined;
      throw environmentError(`ledger ${info.name}: cannot prepare ${info.target}: ${messageOf(error)}`, {}, error);
    });
    return ready;
  };
  return {
    info,
    prepare,
    start(clock, onWrite) {
      if (loop) throw environmentError(`ledger ${info.name}: already started`);
      const send = async (seq: number, signal: AbortSignal) => {
        await prepare();
        await store.write(seq, payloadFor(info.runId, seq), signal);
      };
      loop = startOpenLoop(clock, { ...info, maxInFlight: settings.maxInFlight, send, classify: writeErrorClassifier(info.kind) }, onWrite);
    },
    stop: async () => loop?.stop(),
    stats: () => loop?.stats() ?? { sent: 0, acked: 0, failed: 0, shed: 0, inFlight: 0, maxLagMs: 0 },
    readBack: (clock) => readBackWithRetry(clock, settings, store, loop),
    async close() {
      await loop?.stop(); // a writer closed mid-run must not keep writing into a closed client
      await store.close();
    },
  };
}

async function readBackWithRetry(
  clock: Clock,
  settings: WriterSettings,
  store: LedgerStore,
  loop: OpenLoop | undefined,
): Promise<ReadBack> {
  const { info, settleMs } = settings;
  const sent = loop?.sent ?? new SeqSet();
  // The retry budget is real time, not drill time: a manual clock must not make it endless.
  const deadline = performance.now() + settleMs;
  for (let attempt = 1, waitMs = 250; ; attempt++, waitMs = Math.min(waitMs * 2, 2_000)) {
    const t = clock.now();
    try {
      const { rows, source } = await store.readAll(sent);
      return { t, source, ...classify(info.runId, rows) };
    } catch (error) {
      if (performance.now() + waitMs > deadline) {
        throw environmentError(`ledger ${info.name}: read-back from ${info.target} failed after ${attempt} attempts over ${settleMs} ms: ${messageOf(error)}`, {}, error);
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/** Present seqs, and those among them whose payload is not the one written. */
export function classify(runId: string, rows: Iterable<[number, string]>): Pick<ReadBack, "present" | "corrupted"> {
  const present: number[] = [];
  const corrupted: number[] = [];
  for (const [seq, payload] of rows) {
    if (!Number.isSafeInteger(seq) || seq < 0) continue; // not a seq this writer could have written
    present.push(seq);
    if (!payloadMatches(runId, seq, payload)) corrupted.push(seq);
  }
  const ascending = (a: number, b: number) => a - b;
  return { present: present.sort(ascending), corrupted: corrupted.sort(ascending) };
}
