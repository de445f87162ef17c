// Issue 18's first lost-write finding, reproducible: node loss of the live
// Patroni leader with asynchronous replication (synchronous_mode: false),
// under the SQL write load. Loss is nondeterministic (it depends on what the
// old primary acknowledged and had not yet shipped), so nothing here asserts
// a number of lost writes: each drill asserts that what the tool MEASURED is
// what the database shows — the ledger's lost seqs are exactly the
// acknowledged writes the primary does not hold after recovery, its read-back
// saw exactly the rows the primary holds, and its RTO agrees with
// PostgreSQL's own log of the promotion.
// PATRONI_BIN=$(bash scripts/patroni-venv.sh) runs the same on PyPI's Patroni;
// LOST_WRITE_DRILLS sets how many drills (default 3).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A measurement of several minutes per Patroni version, run on demand (DRILL_LOST_WRITES=1, see
// docs/patroni.md), not by npm test: one of 17 drills here once measured no RTO because the
// probe's connections stayed on a standby for 60 s (open in issue 18), and CI must not depend on it.
const ON_DEMAND = process.env.DRILL_LOST_WRITES !== "1";
import { lostWriteDrill, figureLine } from "../support/lost-write-drill.ts";
import { startPatroniCluster, type PatroniCluster } from "../support/patroni-cluster.ts";

const DRILLS = Number(process.env.LOST_WRITE_DRILLS ?? 3);
const VERSION = process.env.PATRONI_BIN ? `PATRONI_BIN=${process.env.PATRONI_BIN}` : "Debian patroni";

describe.skipIf(ON_DEMAND)(`lost writes on node loss, asynchronous replication (${VERSION})`, () => {
  let cluster: PatroniCluster;
  const figures: string[] = [];

  beforeAll(async () => {
    // Ports match the fixture program's pgBasePort. A killed node's "supervisor" restarts it after 30 s:
    // longer than the ttl (10 s; Patroni 4 raises it to 20 s), so a real failover, then a rejoin.
    cluster = await startPatroniCluster({ basePort: 27400, restartAfterMs: 30_000, synchronous: false, ...(process.env.PATRONI_BIN ? { patroni: process.env.PATRONI_BIN } : {}) });
    await cluster.waitHealthy(120_000);
  });
  afterAll(async () => {
    await cluster?.destroy();
    process.stderr.write(`\n[lost writes: node loss, ${VERSION}]\n${figures.join("\n")}\n`);
  });

  for (let i = 1; i <= DRILLS; i++) {
    it(`drill ${i}: the ledger's lost writes are exactly the acknowledged writes missing in the database`, async () => {
      const d = await lostWriteDrill(cluster, "lost-writes-node-loss");
      figures.push(figureLine(`node loss ${i}`, d));
      expect(d.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
      const injected = d.result.records.find((r) => r.type === "fault" && r.event === "injected")!;
      expect(injected.target?.node).toBe(d.before);
      expect(d.result.faultConfirmed).toBe(true);
      // PostgreSQL's own log: a replica was promoted onto a new timeline, and it is still the one written on.
      expect(d.promoted).toBeDefined();
      expect(d.promotion?.timeline).toBeDefined();
      expect(d.finalTimeline).toBeGreaterThanOrEqual(d.promotion!.timeline!);
      // Measurement correctness: counted lost = acknowledged and missing, seq for seq; read-back = rows held.
      expect(d.measuredLost).toEqual(d.missingInDb);
      expect(d.readBackPresent).toBe(d.dbRows);
      // The RTO agrees with the promotion PostgreSQL logged (clients reconnect within a few seconds of it).
      const injectWall = d.result.originWallMs + d.result.records.find((r) => r.type === "fault" && r.event === "injected")!.t!;
      expect(d.result.rtoMs).toBeDefined();
      expect(d.result.rtoMs!).toBeGreaterThanOrEqual(d.promotion!.at - injectWall - 1_000);
      expect(d.result.rtoMs!).toBeLessThanOrEqual(d.promotion!.at - injectWall + 5_000);
    });
  }
});
