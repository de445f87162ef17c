// Ground truth for the HTTP ledger: a stand-in order API that drops, hangs,
// corrupts and refuses known writes; read-back must report exactly those.
import { afterEach, describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { createLedger } from "../../../runners/ledger/create-ledger.ts";
import type { LedgerWrite } from "../../../runners/ledger/record.ts";
import { reconcile } from "../../../runners/ledger/reconcile.ts";
import { lands, startOrderStore, type Fate, type OrderStore } from "../../support/order-store.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let store: OrderStore | undefined;
afterEach(async () => store?.stop());

function fateOf(seq: number): Fate {
  if (seq % 10 === 3) return "drop";
  if (seq % 10 === 6) return "hang";
  if (seq % 10 === 8) return "corrupt";
  if (seq % 10 === 9) return "fail";
  return "store";
}

describe("http ledger", () => {
  it("finds exactly the dropped, landed-unacknowledged and corrupted writes", async () => {
    store = await startOrderStore(fateOf);
    // A generous timeout so that, on a loaded machine, hardly anything but "hang" times out.
    const writer = createLedger({ kind: "http", name: "orders", target: store.url, rateHz: 100, timeoutMs: 1_000 });
    const writes: LedgerWrite[] = [];
    const clock = monotonicClock();
    writer.start(clock, (w) => writes.push(w));
    await sleep(600);
    await writer.stop();
    const readBack = await writer.readBack(clock);
    await writer.close();

    // Ground truth: each write's fate at the store, whether it reached the store, and whether it was acknowledged.
    const seqs = (keep: (w: LedgerWrite) => boolean) => writes.filter(keep).map((w) => w.seq).sort((a, b) => a - b);
    const reached = (w: LedgerWrite) => store!.received.has(w.seq);
    const result = reconcile(writes, readBack);
    expect(writes.length).toBeGreaterThanOrEqual(50);
    expect(result.lost).toEqual(seqs((w) => w.ackAt !== undefined && fateOf(w.seq) === "drop"));
    expect(result.unacknowledgedPresent).toEqual(seqs((w) => w.ackAt === undefined && reached(w) && lands(fateOf(w.seq))));
    expect(result.unacknowledgedPresent).toEqual(expect.arrayContaining(seqs((w) => fateOf(w.seq) === "hang")));
    expect(result.corrupted).toEqual(seqs((w) => reached(w) && fateOf(w.seq) === "corrupt"));
    expect(result.lost.length).toBeGreaterThan(0);
    expect(result.corrupted.length).toBeGreaterThan(0);
    expect(readBack.source).toBe(`http ${store.url}`);
  });

  it("keeps runs apart: a second writer sees none of the first one's orders", async () => {
    store = await startOrderStore();
    const clock = monotonicClock();
    for (const round of [1, 2]) {
      const writer = createLedger({ kind: "http", name: `run${round}`, target: store.url, rateHz: 50 });
      const writes: LedgerWrite[] = [];
      writer.start(clock, (w) => writes.push(w));
      await sleep(200);
      await writer.stop();
      const readBack = await writer.readBack(clock);
      await writer.close();
      expect(readBack.present).toEqual(writes.map((w) => w.seq).sort((a, b) => a - b));
    }
    expect(store.orders.size).toBeGreaterThanOrEqual(18);
  });

  it("fails read-back with context when the app stays unreachable", async () => {
    store = await startOrderStore();
    const writer = createLedger({ kind: "http", name: "orders", target: store.url, rateHz: 50, settleMs: 500 });
    const clock = monotonicClock();
    writer.start(clock, () => {});
    await sleep(100);
    await writer.stop();
    await store.stop();
    store = undefined;
    await expect(writer.readBack(clock)).rejects.toThrow(/ledger orders: read-back from http:\/\/127\.0\.0\.1:\d+ failed after \d+ attempts/);
    await writer.close();
  });
});
