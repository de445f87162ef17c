// A small drill against a real store through the fault proxy, shared by the
// Redis and PostgreSQL ledger tests: writes in pass mode while a known set of
// acknowledged records is deleted or altered behind the writer's back, then a
// latency phase slow enough that writes time out after they have landed, then
// pass again. The caller's hooks do the sabotage; this returns what read-back
// says next to the ground truth.
import { monotonicClock } from "../../../core/clock.ts";
import type { LedgerWriter } from "../../../runners/ledger/create-ledger.ts";
import type { LedgerWrite } from "../../../runners/ledger/record.ts";
import { reconcile, type Reconciliation } from "../../../runners/ledger/reconcile.ts";
import type { TcpProxy } from "../../../runners/proxy/tcp-proxy.ts";

export interface Sabotage {
  /** Acknowledged seqs to delete behind the writer's back. */
  drop: Set<number>;
  /** Acknowledged seqs whose payload is overwritten. */
  corrupt: Set<number>;
  remove(seq: number): Promise<void>;
  alter(seq: number): Promise<void>;
}

export interface DrillOutcome {
  writes: LedgerWrite[];
  result: Reconciliation;
  sabotaged: { dropped: number[]; corrupted: number[] };
  /** Seqs sent while the proxy added latency. */
  slowPhase: Set<number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sorted = (seqs: Iterable<number>) => [...seqs].sort((a, b) => a - b);

export async function runStoreDrill(writer: LedgerWriter, proxy: TcpProxy, sabotage: Sabotage): Promise<DrillOutcome> {
  const clock = monotonicClock();
  const writes: LedgerWrite[] = [];
  const pending: Promise<void>[] = [];
  const dropped: number[] = [];
  const corrupted: number[] = [];
  await writer.prepare();
  writer.start(clock, (w) => {
    writes.push(w);
    if (w.ackAt === undefined) return;
    if (sabotage.drop.has(w.seq)) pending.push(sabotage.remove(w.seq).then(() => void dropped.push(w.seq)));
    if (sabotage.corrupt.has(w.seq)) pending.push(sabotage.alter(w.seq).then(() => void corrupted.push(w.seq)));
  });
  await sleep(700);
  proxy.setMode({ kind: "latency", delayMs: 200 }); // > timeout / 2: answers come too late, writes land
  const slowFrom = clock.now();
  await sleep(600);
  proxy.setMode({ kind: "pass" });
  const slowTo = clock.now();
  await sleep(700);
  await writer.stop();
  await Promise.all(pending);
  const readBack = await writer.readBack(clock);
  return {
    writes,
    result: reconcile(writes, readBack),
    sabotaged: { dropped: sorted(dropped), corrupted: sorted(corrupted) },
    slowPhase: new Set(writes.filter((w) => w.t >= slowFrom && w.t < slowTo).map((w) => w.seq)),
  };
}
