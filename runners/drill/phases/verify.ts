// Verify: read every ledger back from wherever the service now keeps its data,
// after the clients stopped, and count what was lost against the onset t0.
import { measureDataLoss, type DataLoss } from "../../measure/index.ts";
import type { DrillContext } from "./context.ts";

export interface LedgerLoss {
  ledger: string;
  loss?: DataLoss;
  written: number;
}

export async function verifyLedgers(c: DrillContext, t0: number): Promise<LedgerLoss[]> {
  const { workload, o } = c;
  if (workload.ledgers.length === 0) return [];
  c.phase("verify", "started");
  const out: LedgerLoss[] = [];
  for (const l of workload.ledgers) {
    const writes = workload.writes.get(l.info.name) ?? [];
    try {
      const rb = await l.readBack(o.clock);
      o.bus.emit({ type: "readback", ledger: l.info.name, t: rb.t, present: rb.present.length, corrupted: rb.corrupted, source: rb.source });
      out.push({ ledger: l.info.name, loss: measureDataLoss(writes, rb, t0), written: writes.length });
    } catch (error) {
      c.note("error", `ledger ${l.info.name}: read-back failed: ${(error as Error).message}`);
      out.push({ ledger: l.info.name, written: writes.length });
    }
  }
  c.phase("verify", "ended");
  return out;
}
