// Issue 18's second lost-write finding, reproducible: the live Patroni leader
// hangs (SIGSTOP of Patroni and its postmaster tree) past the ttl in
// synchronous mode, under the SQL write load; the synchronous standby is
// promoted; then the old leader resumes (SIGCONT). Does it take the leader key
// back, and are writes the new primary acknowledged lost? Loss is
// nondeterministic, so nothing asserts a number of lost writes: each drill
// asserts that the tool's measurement matches the cluster's own truth — the
// ledger's lost seqs are exactly the acknowledged writes the primary does not
// hold afterwards, its read-back saw exactly the rows held, and Patroni's view
// (who holds the leader key at the end) agrees with PostgreSQL's (whether the
// timeline the promoted node opened is the one written on now).
// PATRONI_BIN=$(bash scripts/patroni-venv.sh) runs the same on PyPI's Patroni;
// LOST_WRITE_DRILLS sets how many drills (default 4).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A measurement of several minutes per Patroni version, run on demand (DRILL_LOST_WRITES=1, see
// docs/patroni.md), not by npm test: one of 17 drills here once measured no RTO because the
// probe's connections stayed on a standby for 60 s (open in issue 18), and CI must not depend on it.
const ON_DEMAND = process.env.DRILL_LOST_WRITES !== "1";
import { lostWriteDrill, figureLine } from "../support/lost-write-drill.ts";
import { startPatroniCluster, type PatroniCluster } from "../support/patroni-cluster.ts";

const DRILLS = Number(process.env.LOST_WRITE_DRILLS ?? 4);
const VERSION = process.env.PATRONI_BIN ? `PATRONI_BIN=${process.env.PATRONI_BIN}` : "Debian patroni";

describe.skipIf(ON_DEMAND)(`lost writes on a hang in synchronous mode (${VERSION})`, () => {
  let cluster: PatroniCluster;
  const figures: string[] = [];

  beforeAll(async () => {
    // synchronous_mode: true (one synchronous standby); ttl 10 s, loop_wait 2 s, retry_timeout 4 s.
    cluster = await startPatroniCluster({ basePort: 27400, restartAfterMs: 30_000, synchronous: true, ...(process.env.PATRONI_BIN ? { patroni: process.env.PATRONI_BIN } : {}) });
    await cluster.waitHealthy(120_000);
  });
  afterAll(async () => {
    await cluster?.destroy();
    process.stderr.write(`\n[lost writes: hang, synchronous mode, ${VERSION}]\n${figures.join("\n")}\n`);
  });

  for (let i = 1; i <= DRILLS; i++) {
    it(`drill ${i}: the ledger's lost writes are exactly the acknowledged writes missing in the database`, async () => {
      const d = await lostWriteDrill(cluster, "lost-writes-hang");
      figures.push(figureLine(`hang ${i}`, d));
      expect(d.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
      const injected = d.result.records.find((r) => r.type === "fault" && r.event === "injected")!;
      expect(injected.target?.node).toBe(d.before);
      expect(d.result.faultConfirmed).toBe(true);
      // Held past the ttl: Patroni moved the key, and the promoted node's PostgreSQL logged a new timeline.
      expect(d.promoted).toBeDefined();
      expect(d.promotion?.timeline).toBeDefined();
      // Patroni's view and PostgreSQL's agree: the old leader holds the key at the end exactly when the
      // timeline the promoted node opened was abandoned (the primary now writes on an older one).
      const tookBack = d.holders.at(-1) === d.before;
      expect(d.finalTimeline < d.promotion!.timeline!).toBe(tookBack);
      // Measurement correctness: counted lost = acknowledged and missing, seq for seq; read-back = rows held.
      expect(d.measuredLost).toEqual(d.missingInDb);
      expect(d.readBackPresent).toBe(d.dbRows);
    });
  }
});
