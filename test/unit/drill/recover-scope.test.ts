// `drill recover` touches only what this state directory recorded: a cgroup of
// a killed drill of ours is swept, another team's `drill-*` cgroup is left
// alone; restore goes to the stack and target the recorded drill used.
import { existsSync, mkdirSync, mkdtempSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recover } from "../../../runners/drill/recover.ts";
import { blocksPlan, recoverAdapter, systemsOf } from "../../../runners/drill/recover-scope.ts";
import { cgroup2Root } from "../../../runners/faults/cgroup.ts";
import type { ActiveFault } from "../../../runners/faults/fault-journal.ts";

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), "recover-scope-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DEAD = { pid: 2_147_483_000, startTime: 1 };
const root = cgroup2Root();

describe("drill recover: scope", () => {
  it.skipIf(!root || process.getuid?.() !== 0)("sweeps a killed drill's cgroup of this state dir, never another team's", async () => {
    const mine = `20261130T000000Z-h18mine${process.pid}`;
    const theirs = `20261130T000000Z-h18theirs${process.pid}`;
    mkdirSync(join(dir, "drills"), { recursive: true });
    writeFileSync(join(dir, "drills", `${mine}.json`), JSON.stringify({ drillId: mine, journal: join(dir, "gone.jsonl"), runner: DEAD }));
    const myGroup = join(root!, `drill-${mine}-f0`);
    const theirGroup = join(root!, `drill-${theirs}-f0`);
    mkdirSync(myGroup);
    mkdirSync(theirGroup);
    try {
      const report = await recover(dir, undefined);
      expect(existsSync(myGroup)).toBe(false);
      expect(report.swept).toContain(`cgroup drill-${mine}-f0`);
      expect(existsSync(theirGroup)).toBe(true);
      expect(report.swept.join("\n")).not.toContain(theirs);
    } finally {
      for (const g of [myGroup, theirGroup]) if (existsSync(g)) rmdirSync(g);
    }
  });

  it("restores the system the recorded drill used, by its target", () => {
    const journal = (target: string, stack: string) => {
      const file = join(dir, `${target}-${stack}.jsonl`);
      const service = { name: "db", tier: 1, owner: "o", description: "", objectives: {}, endpoints: {}, dependsOn: [], hazards: [], runbook: [],
        failoverTargets: [{ name: "ha", kind: "replica", mechanism: "automatic", primary: "a", standbys: ["b"], endpoints: {}, nodes: { a: { protocol: "postgres", url: "postgres://127.0.0.1:1/x" } } }] };
      writeFileSync(file, `${JSON.stringify({ type: "drill-started", plan: { project: "p", stack, target }, service })}\n{"type":"phase"}\n`);
      return file;
    };
    const fault = (j: string, id: string): ActiveFault => ({ id, drillId: id, kind: "process.kill", state: {}, description: id, recordedAt: "", runner: DEAD, journal: j });
    const used = systemsOf([fault(journal("self-managed", "staging"), "d1-f0"), fault(journal("local", "local"), "d2-f0"), fault(journal("aws", "prod"), "d3-f0")]);
    expect(used.map((u) => `${u.target}/${u.stack}`)).toEqual(["self-managed/staging", "local/local", "aws/prod"]);
    expect(recoverAdapter(used)?.name).toBe("self-managed + local");
    expect(recoverAdapter(systemsOf([fault(journal("aws", "prod"), "d3-f0")]))).toBeUndefined();
    // A leftover blocks drills on its own system only; one whose journal is gone blocks everything (safe side).
    const left = fault(journal("self-managed", "staging"), "d1-f0");
    expect(blocksPlan(left, { project: "p", stack: "staging", target: "self-managed" })).toBe(true);
    expect(blocksPlan(left, { project: "p", stack: "local", target: "local" })).toBe(false);
    expect(blocksPlan({ ...left, journal: join(dir, "missing.jsonl") }, { project: "p", stack: "local", target: "local" })).toBe(true);
  });
});
