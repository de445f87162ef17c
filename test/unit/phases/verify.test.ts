// The verify phase with faked ledgers: each is read back after the clients
// stopped and its writes counted against t0; a read-back that fails is noted
// and leaves that ledger without a loss figure, never a made-up one.
import { describe, expect, it } from "vitest";
import { verifyLedgers } from "../../../runners/drill/phases/verify.ts";
import { fakeDrill } from "./fake-drill.ts";

describe("verify phase", () => {
  it("reads every ledger back and measures what was lost against t0", async () => {
    const f = fakeDrill();
    f.workload.ledgers = [{ info: { name: "orders" }, readBack: async () => ({ t: 20_000, present: [1, 2, 4], corrupted: [], source: "postgres://pg-b" }) }];
    f.workload.writes.set("orders", [
      { seq: 1, t: 100, ackAt: 110 },
      { seq: 2, t: 200, ackAt: 210 },
      { seq: 3, t: 900, ackAt: 950 }, // acknowledged before t0 = 1000, then lost: RPO 50 ms
      { seq: 4, t: 1_100, ackAt: 1_200 },
    ] as never);
    const [r] = await verifyLedgers(f.c, 1_000);
    expect(r).toMatchObject({ ledger: "orders", written: 4, loss: { lostBeforeFault: [3], lostAfterFault: [], dataLossWindowMs: 50, acknowledged: 4 } });
    expect(f.events).toEqual([{ type: "readback", ledger: "orders", t: 20_000, present: 3, corrupted: [], source: "postgres://pg-b" }]);
    expect(f.phases).toEqual(["verify started", "verify ended"]);
  });

  it("a failed read-back is noted and gives no loss figure", async () => {
    const f = fakeDrill();
    f.workload.ledgers = [{ info: { name: "sessions" }, readBack: async () => Promise.reject(new Error("NOAUTH")) }];
    expect(await verifyLedgers(f.c, 0)).toEqual([{ ledger: "sessions", written: 0 }]);
    expect(f.notes).toEqual(["error: ledger sessions: read-back failed: NOAUTH"]);
  });

  it("without ledgers there is no verify phase", async () => {
    const f = fakeDrill();
    expect(await verifyLedgers(f.c, 0)).toEqual([]);
    expect(f.phases).toEqual([]);
  });
});
