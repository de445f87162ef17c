// A system we did not build: a Patroni + etcd cluster the test starts itself,
// declared `self-managed` in a user-shaped Pulumi program, drilled through the
// real CLI with process.kill / process.pause / net.partition on its LIVE leader.
// Checked against the cluster's own truth: Patroni's leader key before and
// after, and PostgreSQL's log of the promotion (the measured RTO must agree
// with when the new primary said it accepts connections).
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selfManagedStack } from "../../runners/drill/self-managed-stack.ts";
import { awaitRedundancy } from "../../runners/systems/await-redundancy.ts";
import { loadPlan } from "../../runners/plan/load.ts";
import { REPO } from "../support/cli.ts";
import { drillAsync, watchLeader } from "../support/patroni-drill.ts";
import { startPatroniCluster, type PatroniCluster } from "../support/patroni-cluster.ts";
import { waitUntil } from "../support/wait-until.ts";

const PROGRAM = join(REPO, "test/fixtures/patroni-user-program");
const stateDir = mkdtempSync(join(tmpdir(), "cd-selfmanaged-state-"));
const outDir = mkdtempSync(join(tmpdir(), "cd-selfmanaged-out-"));

function drillRun(scenario: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return drillCli(["run", "--program", PROGRAM, "--stack", "staging", scenario, "--out", outDir, "--json", "--no-reports"]);
}

const drillCli = (args: string[]) => drillAsync(args, stateDir);

type Rec = { type: string; t?: number; phase?: string; status?: string; detail?: string; event?: string; target?: { node?: string }; clockOriginWallMs?: number };

/** Wall time (ms) of the first "ready to accept connections" (read-write) in a node's PostgreSQL log after `afterMs`. */
function promotedAt(logFile: string, afterMs: number): number | undefined {
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    // After a crash the postmaster starts read-write ("ready to accept connections"); a standby promoted in place
    // (a switchover, or a failover without a restart) says it leaves recovery ("archive recovery complete").
    const m = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) UTC \[\d+\] LOG:  (database system is ready to accept connections|archive recovery complete)/.exec(line);
    if (!m) continue;
    const at = Date.parse(`${m[1]!.replace(" ", "T")}Z`);
    if (at > afterMs) return at;
  }
  return undefined;
}

describe("self-managed Patroni cluster, started by the test", () => {
  let cluster: PatroniCluster;
  const figures: string[] = [];

  beforeAll(async () => {
    // A killed node comes back after 30 s, as a rebooted host would: longer than the leader key's ttl
    // (10 s here; Patroni 4 raises any ttl below 20 s to 20 s), so a real failover, then a rejoin.
    // PATRONI_BIN compares another Patroni (e.g. a PyPI venv's) with Debian's 3.0.2.
    cluster = await startPatroniCluster({ basePort: 27400, restartAfterMs: 30_000, ...(process.env.PATRONI_BIN ? { patroni: process.env.PATRONI_BIN } : {}) });
    await cluster.waitHealthy(120_000);
    // The user's patronictl config (leader-switchover runs `patronictl switchover` through the drill's command fault).
    process.env.PATRONICTL_CONFIG_FILE = join(cluster.nodes[0]!.dir, "patroni.yml");
  });
  afterAll(async () => {
    await cluster?.destroy();
    process.stderr.write(`\n[self-managed patroni]\n${figures.join("\n")}\n`);
  });

  it("reads roles and redundancy live, and sees a degraded cluster as degraded", async () => {
    const { plan } = await loadPlan({ program: PROGRAM, stack: "staging" });
    const stack = selfManagedStack(plan);
    const leader = await cluster.leader();
    const roles = await stack.roles!.roles("billing-db");
    expect(roles.find((r) => r.role === "primary")?.node).toBe(leader);
    // Patroni's /cluster may call a fresh replica "running" before its WAL receiver streams: the adapter waits for streaming.
    expect((await awaitRedundancy(stack.redundancy!, 30_000)).full).toBe(true);
    const replica = cluster.nodes.find((n) => n.name !== leader)!;
    await cluster.stopNode(replica.name);
    const degraded = await stack.redundancy!();
    expect(degraded.full).toBe(false);
    expect(degraded.detail).toContain(replica.name);
    cluster.startNode(replica.name);
    const back = await awaitRedundancy(stack.redundancy!, 90_000);
    expect(back.full).toBe(true);
    figures.push(`restart of replica ${replica.name}: full redundancy after ${(back.afterMs / 1000).toFixed(2)} s`);
  });

  it("drill recover after a killed runner: resumes the paused leader and waits for THIS system's redundancy, nothing of ours", async () => {
    await cluster.waitHealthy(120_000);
    const child = spawn(process.execPath, [join(REPO, "bin/drill.js"), "run", "--program", PROGRAM, "--stack", "staging", "leader-pause", "--out", outDir, "--json", "--no-reports"], {
      cwd: REPO, env: { ...process.env, NO_COLOR: "1", DRILL_STATE_DIR: stateDir }, stdio: "ignore",
    });
    const exited = new Promise((ok) => child.once("exit", ok));
    // Killed while the fault holds: the fault journal keeps it.
    await waitUntil(async () => readdirSync(join(stateDir, "faults")).some((f) => f.endsWith(".json")), 60_000, "fault recorded");
    await new Promise((ok) => setTimeout(ok, 1_000));
    child.kill("SIGKILL");
    await exited;
    const r = await drillCli(["recover", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { healed: string[]; swept: string[]; restored?: string };
    expect(report.healed).toHaveLength(1);
    expect(report.healed[0]).toMatch(/^SIGSTOP pg\d/);
    expect(report.restored).toMatch(/^self-managed: full redundancy after [\d.]+ s/);
    figures.push(`recover after a killed leader-pause runner: ${report.restored!.split(":").slice(0, 2).join(":")}`);
  });

  for (const scenario of ["leader-kill", "leader-pause", "leader-partition", "leader-switchover"]) {
    it(`${scenario}: hits the live leader, Patroni fails over, restore waits for full redundancy`, async () => {
      await cluster.waitHealthy(120_000);
      const before = await cluster.leader();
      // Patroni's own truth while the drill runs: every holder of the leader key, in order.
      const leader = watchLeader(cluster);
      const r = await drillRun(scenario).finally(() => leader.stop());
      const holders = leader.holders;
      expect(r.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
      const result = JSON.parse(r.stdout).results[0] as { journal: string; summary: { outcome: string; faultConfirmed: boolean; service: { rtoMs?: number }; ledgers: { lost: number; lostAfterFault: number; acknowledged: number }[] } };
      const records = readFileSync(result.journal, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Rec);
      const injected = records.find((x) => x.type === "fault" && x.event === "injected")!;
      expect(injected.target?.node).toBe(before);
      expect(result.summary.faultConfirmed).toBe(true);
      const restore = records.find((x) => x.type === "phase" && x.phase === "restore" && x.status !== "started")!;
      expect(restore.status).toBe("ended");
      expect(restore.detail).toMatch(/^full redundancy after [\d.]+ s/);
      // The node promoted by the failover (a resumed old leader may take the key back later).
      const after = holders.find((h) => h !== before);
      const origin = records[0]!.clockOriginWallMs!;
      // From the inject phase's start: a blocking inject (patronictl switchover) returns only after the promotion.
      const injectStart = records.find((x) => x.type === "phase" && x.phase === "inject" && x.status === "started");
      const injectWall = origin + (injectStart?.t ?? injected.t!);
      const blocking = injected.t! - (injectStart?.t ?? injected.t!) > 1_000;
      const promoted = after ? promotedAt(cluster.nodes.find((n) => n.name === after)!.pgLog, injectWall) : undefined;
      const rto = result.summary.service.rtoMs;
      const lost = result.summary.ledgers.map((l) => `${l.lost} lost before / ${l.lostAfterFault} lost after the fault of ${l.acknowledged} acknowledged`).join(", ");
      if (after && !promoted) figures.push(`${scenario}: no promotion line in ${after}'s log; its last lines:\n${readFileSync(cluster.nodes.find((n) => n.name === after)!.pgLog, "utf8").trim().split("\n").slice(-12).join("\n")}`);
      figures.push(`${scenario}: leader key ${holders.join(" → ")}; measured RTO ${rto === undefined ? "none" : `${(rto / 1000).toFixed(2)} s`}; PostgreSQL on ${after} ready ${promoted ? `${((promoted - injectWall) / 1000).toFixed(2)} s` : "(no promotion logged)"} after inject; ${restore.detail!.split(":")[0]}; ledger ${lost}; outcome ${result.summary.outcome}`);
      expect(rto).toBeDefined();
      // Every scenario holds the leader longer than ttl: Patroni must have moved the key.
      expect(after).toBeDefined();
      {
        // Clients cannot recover before the new primary accepts connections, and should within a few seconds of it.
        expect(promoted).toBeDefined();
        // (t0 of a blocking inject lies somewhere inside its window: the lower bound holds only for instant faults.)
        if (!blocking) expect(rto!).toBeGreaterThanOrEqual(promoted! - injectWall - 1_000);
        expect(rto!).toBeLessThanOrEqual(promoted! - injectWall + 5_000);
      }
      expect((await selfManagedStack((await loadPlan({ program: PROGRAM, stack: "staging" })).plan).redundancy!()).full).toBe(true);
    });
  }
});
