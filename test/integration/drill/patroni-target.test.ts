// Patroni + etcd as the embedded orders-db target (stack local-patroni, issue
// 18): `drill run --all` drills node loss, hang, partition and a planned
// switchover on it, and each drill's figures are checked against what the
// cluster itself wrote down, not against the tool:
// - recovery: the instant the clients recovered (t0 + measured RTO) lies within
//   [−0.25 s, +5 s] of the promotion PostgreSQL logged on the promoted node
//   ("archive recovery complete" / "ready to accept connections"; the 0.25 s
//   is slack between the log's millisecond stamp and the sample's send time);
// - lost writes: the seqs the drill counted lost equal, seq for seq, the writes
//   its journal records as acknowledged that the primary does not hold when
//   the test reads the ledger table itself at the end (the acknowledgements are
//   the journal's own; the read-back is checked, not the write path);
// - restore: full redundancy came back (the drill's restore waited for it).
// No test asserts *whether* writes are lost: that is the finding, not a given.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { listOurProcesses } from "../../../runners/env/index.ts";
import { drill, REPO } from "../../support/cli.ts";
import { acknowledgedWrites, promotionIn, type JournalRecord } from "../../support/patroni-drill.ts";
import type { PatroniNode } from "../../support/patroni-cluster.ts";

const STACK = "local-patroni";
const dir = join(REPO, ".drill/env", STACK);
const nodes = [{ name: "node-a", port: 15441 }, { name: "node-b", port: 15442 }];
const pgLogOf = (name: string) => ({ pgLog: join(dir, "pg/patroni", `${name}-postgresql.log`) }) as PatroniNode;

afterAll(() => {
  const down = drill(["env", "down", "--stack", STACK], { timeoutMs: 120_000 });
  expect(down.code, down.stderr).toBe(0);
  expect(listOurProcesses({ stack: STACK }).map((p) => p.cmdline)).toEqual([]);
});

interface Result { scenario: string; journal: string; summary: { outcome: string; faultConfirmed: boolean; t0?: number; service: { rtoMs?: number; fullRedundancy?: boolean; timeToFullRedundancyMs?: number }; ledgers: { ledger: string; acknowledged: number; lostSeqs: number[]; lostAfterFaultSeqs: number[] }[] } }

async function primaryRows(runIds: string[]): Promise<Map<string, Set<number>>> {
  for (const n of nodes) {
    const sql = postgres({ host: "127.0.0.1", port: n.port, database: "orders", user: "postgres", max: 1, connect_timeout: 5, onnotice: () => {}, fetch_types: false });
    try {
      const [role] = await sql`select pg_is_in_recovery() as standby`;
      if (role!.standby) continue;
      const rows = await sql`select run_id, seq from drill_ledger where run_id in ${sql(runIds)}`;
      const byRun = new Map(runIds.map((id) => [id, new Set<number>()]));
      for (const r of rows) byRun.get(String(r.run_id))!.add(Number(r.seq));
      return byRun;
    } finally {
      await sql.end({ timeout: 2 });
    }
  }
  throw new Error("no primary among node-a, node-b");
}

describe("Patroni as the embedded orders-db target", () => {
  it("drill run --all --stack local-patroni: every drill's recovery follows PostgreSQL's own promotion, and its lost writes are the rows the primary lacks", async () => {
    const out = mkdtempSync(join(tmpdir(), "patroni-all-"));
    const r = drill(["run", "--all", "--stack", STACK, "--out", out, "--json"], { timeoutMs: 1_500_000 });
    expect([0, 1], r.stderr.slice(-3000)).toContain(r.code);
    const { results } = JSON.parse(r.stdout) as { results: Result[] };
    expect(results.map((x) => x.scenario).sort()).toEqual(["orders-db-hang", "orders-db-node-loss", "orders-db-partition", "orders-db-switchover"]);

    const journals = results.map((x) => ({ x, records: readFileSync(x.journal, "utf8").trim().split("\n").map((l) => JSON.parse(l) as JournalRecord & { ledgers?: { runId: string }[] }) }));
    const rows = await primaryRows(journals.map((j) => j.records[0]!.ledgers![0]!.runId));
    for (const { x, records } of journals) {
      const s = x.summary;
      const what = `${x.scenario}: ${JSON.stringify(s).slice(0, 600)}`;
      expect(["passed", "failed"], what).toContain(s.outcome);
      expect(s.faultConfirmed, what).toBe(true);
      expect(s.service.rtoMs, what).toBeGreaterThan(500);
      expect(s.service.fullRedundancy, what).toBe(true);

      const origin = records[0]!.clockOriginWallMs!;
      const injecting = records.find((rec) => rec.type === "fault" && rec.event === "injecting")!;
      // A Patroni node is two roots: Patroni and the postmaster it double-forked into its own session.
      if (["orders-db-node-loss", "orders-db-hang"].includes(x.scenario)) expect(injecting.detail, x.scenario).toMatch(/\(pids \d+, \d+ and their trees\)/);
      const promotions = nodes.map((n) => promotionIn(pgLogOf(n.name), origin + injecting.t!)).filter((p) => p !== undefined);
      const promotion = promotions.sort((a, b) => a.at - b.at)[0];
      expect(promotion, `${x.scenario}: no promotion in PostgreSQL's logs after the inject`).toBeDefined();
      const recoveredAt = origin + s.t0! + s.service.rtoMs!;
      // Writes succeed only once the promoted node accepts them; clients reconnect within a few seconds.
      expect(recoveredAt - promotion!.at, x.scenario).toBeGreaterThan(-250);
      expect(recoveredAt - promotion!.at, x.scenario).toBeLessThan(5_000);

      const ledger = s.ledgers[0]!;
      const inDb = rows.get(records[0]!.ledgers![0]!.runId)!;
      const missing = acknowledgedWrites(records, ledger.ledger).map((w) => w.seq).filter((seq) => !inDb.has(seq)).sort((a, b) => a - b);
      expect([...ledger.lostSeqs, ...ledger.lostAfterFaultSeqs].sort((a, b) => a - b), x.scenario).toEqual(missing);
      process.stderr.write(`[patroni target] ${x.scenario}: ${s.outcome}, RTO ${(s.service.rtoMs! / 1000).toFixed(2)} s, recovered ${((recoveredAt - promotion!.at) / 1000).toFixed(2)} s after PostgreSQL's promotion (TL ${promotion!.timeline ?? "?"}), lost ${missing.length} of ${ledger.acknowledged} acknowledged, full redundancy after ${((s.service.timeToFullRedundancyMs ?? NaN) / 1000).toFixed(1)} s\n`);
    }
  }, 1_600_000);
});
