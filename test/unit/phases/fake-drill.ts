// A drill's context with everything faked in memory, for the phases' unit
// tests: a manual clock that `sleep` advances, a workload whose health the test
// scripts over time, a fault runner that records what was asked, a stack with
// scriptable redundancy, and the phase records and notes as lists.
import { manualClock } from "../../../core/clock.ts";
import type { ActiveInjection } from "../../../runners/drill/fault-runner.ts";
import type { DrillContext } from "../../../runners/drill/phases/context.ts";
import type { Redundancy } from "../../../runners/drill/stack-adapter.ts";
import type { LedgerWrite, ReadBack } from "../../../runners/ledger/record.ts";

export interface FakeLedger {
  info: { name: string };
  readBack(): Promise<ReadBack>;
}

export interface FakeDrill {
  c: DrillContext;
  clock: ReturnType<typeof manualClock>;
  abort: AbortController;
  hardAbort: AbortController;
  phases: string[];
  notes: string[];
  events: Record<string, unknown>[];
  /** Fault calls in order: "inject f0", "check f0", "heal f0", "healAll". */
  faultCalls: string[];
  workload: {
    /** Healthy from this clock time on (Infinity: never steady). */
    steadyFrom: number;
    /** All samplers recovered from this clock time on. */
    recoveredFrom: number;
    disruptionSeen: boolean;
    healSettledFrom: number;
    calls: string[];
    ledgers: FakeLedger[];
    writes: Map<string, LedgerWrite[]>;
  };
  /** What the stack's live redundancy check answers, by call (the last repeats). */
  redundancy: Redundancy[] | undefined;
  restoreCalls: number;
  healAll: { healed: boolean; detail?: string };
}

export function fakeDrill(o: {
  faults?: { kind: string; durationMs?: number }[];
  windows?: Partial<{ steady: number; baseline: number; stableFor: number; observeTimeout: number; after: number; quietFor: number }>;
  redundancy?: Redundancy[];
  restore?: boolean;
  restoreRedundancy?: boolean;
  allowDegraded?: boolean;
  preflightGraceMs?: number;
} = {}): FakeDrill {
  const clock = manualClock(0, Date.UTC(2026, 0, 1));
  const abort = new AbortController();
  const hardAbort = new AbortController();
  const f: FakeDrill = {
    clock, abort, hardAbort, phases: [], notes: [], events: [], faultCalls: [],
    workload: { steadyFrom: 0, recoveredFrom: 0, disruptionSeen: true, healSettledFrom: 0, calls: [], ledgers: [], writes: new Map() },
    redundancy: o.redundancy, restoreCalls: 0, healAll: { healed: true },
  } as unknown as FakeDrill;
  const windowsMs = { steady: 1_000, baseline: 2_000, stableFor: 1_000, observeTimeout: 30_000, after: 2_000, quietFor: 5_000, ...o.windows };
  const faults = (o.faults ?? []).map((x, index) => ({ index, kind: { kind: x.kind }, durationMs: x.durationMs, spec: {}, params: {} }));
  const w = f.workload;
  let redundancyCalls = 0;
  const stack = {
    name: "fake",
    ...(o.redundancy ? { redundancy: async () => f.redundancy![Math.min(redundancyCalls++, f.redundancy!.length - 1)]! } : {}),
    ...(o.restore ? { restore: async () => (f.restoreCalls++, clock.advance(3_000), "env heal: 2 nodes restarted") } : {}),
  };
  const c = {
    o: {
      drill: { windowsMs, faults, steps: [], scenario: { restoreRedundancy: o.restoreRedundancy ?? true } },
      clock, signal: abort.signal, hardSignal: hardAbort.signal, stack,
      bus: { emit: (e: Record<string, unknown>) => void f.events.push(e) },
      preflightGraceMs: o.preflightGraceMs ?? 5_000, allowDegraded: o.allowDegraded, drillId: "d1", stateDir: "/nonexistent",
    },
    workload: {
      steadyFor: () => clock.now() >= w.steadyFrom,
      markBaseline: () => void w.calls.push(`baseline@${clock.now()}`),
      startLedgers: async () => void w.calls.push("startLedgers"),
      startMeasuring: (from: number, stableFor: number) => void w.calls.push(`measure from ${from} stableFor ${stableFor}`),
      armHeal: (at: number) => void w.calls.push(`armHeal@${at}`),
      healSettled: () => clock.now() >= w.healSettledFrom,
      get disruptionSeen() { return w.disruptionSeen; },
      allRecovered: () => clock.now() >= w.recoveredFrom,
      get ledgers() { return w.ledgers; },
      get writes() { return w.writes; },
    },
    faults: {
      inject: async (fault: { index: number; kind: { kind: string }; durationMs?: number }) => {
        f.faultCalls.push(`inject f${fault.index}`);
        const startedAt = clock.now();
        clock.advance(10); // inject takes 10 ms
        return { fault, id: `d1-f${fault.index}`, state: {}, startedAt, injectedAt: clock.now(), healed: false } as unknown as ActiveInjection;
      },
      check: async (a: ActiveInjection) => void f.faultCalls.push(`check f${a.fault.index}`),
      heal: async (a: ActiveInjection) => {
        f.faultCalls.push(`heal f${a.fault.index}`);
        a.healed = true;
      },
      healAll: async () => (f.faultCalls.push("healAll"), f.healAll),
    },
    phase: (p: string, status: string, detail?: string) => void f.phases.push(`${p} ${status}${detail ? `: ${detail}` : ""}`),
    note: (level: string, m: string) => void f.notes.push(`${level}: ${m}`),
    sleep: async (ms: number) => clock.advance(ms),
  };
  f.c = c as unknown as DrillContext;
  return f;
}
