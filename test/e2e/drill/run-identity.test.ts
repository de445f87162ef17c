// The identity a run stamps on each journal: digests that readiness recomputes
// from the current plan the same way, a commit where the program is in a git
// tree (and none, never a guess, where it is not), one run id per run.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { drillIdentity, newRunId, sourceOf } from "../../../runners/drill/run-identity.ts";
import { prepareScenario } from "../../../runners/drill/prepare.ts";
import { loadPlanFile } from "../../../runners/plan/load.ts";
import { Identity } from "../../../journal/format.ts";
import { canonicalJson, digestOf, serviceDigests } from "../../../journal/identity.ts";

const plan = loadPlanFile(fileURLToPath(new URL("../../fixtures/plans/clean.json", import.meta.url))).plan;
const scenario = {
  service: "db", hazard: "node-loss",
  faults: [{ kind: "process.kill", target: { role: "primary" } }],
  workload: { probes: [{ kind: "postgres", endpoint: "primary" }], ledgers: [{ kind: "postgres" }] },
};
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("run identity", () => {
  it("digests of the plan, the service entry and the scenario file, in the journal's schema", () => {
    const dir = mkdtempSync(join(tmpdir(), "identity-"));
    dirs.push(dir);
    const file = join(dir, "db-node-loss.ts");
    writeFileSync(file, "export default {};\n");
    const drill = prepareScenario(scenario, file, "db-node-loss", plan, "fixture");
    const id = drillIdentity(drill, { runId: "run-1" });
    expect(Identity.parse(id)).toEqual(id);
    expect(id.planDigest).toBe(digestOf(plan));
    expect(id.serviceDigest).toBe(serviceDigests(plan.services[0] as unknown as Record<string, unknown>).serviceDigest);
    expect(id.scenarioDigest).toBe(createHash("sha256").update("export default {};\n").digest("hex"));
    const other = prepareScenario(scenario, file, "db-node-loss", { ...plan, services: plan.services.map((s, i) => (i === 0 ? { ...s, objectives: { ...s.objectives, rto: "1s" } } : s)) }, "fixture");
    const changed = drillIdentity(other, { runId: "run-1" });
    expect(changed.serviceDigest).not.toBe(id.serviceDigest);
    expect(changed.serviceParts.objectives).not.toBe(id.serviceParts.objectives);
    expect(changed.serviceParts.failoverTargets).toBe(id.serviceParts.failoverTargets);
  });

  it("canonical JSON: key order does not change a digest", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(digestOf({ x: 1, y: 2 })).toBe(digestOf({ y: 2, x: 1 }));
  });

  it("the program's commit and dirty flag in a git tree; nothing outside one", () => {
    const repo = mkdtempSync(join(tmpdir(), "identity-git-"));
    dirs.push(repo);
    expect(sourceOf(repo)).toBeUndefined();
    const git = (...a: string[]) => execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@t", ...a], { encoding: "utf8" });
    git("init", "-q");
    writeFileSync(join(repo, "index.ts"), "a\n");
    git("add", ".");
    git("commit", "-qm", "x");
    const head = git("rev-parse", "HEAD").trim();
    expect(sourceOf(repo)).toEqual({ commit: head, dirty: false });
    writeFileSync(join(repo, "index.ts"), "b\n");
    expect(sourceOf(repo)).toEqual({ commit: head, dirty: true });
  });

  it("run ids are unique", () => {
    const now = new Date("2025-03-14T09:00:00Z");
    expect(newRunId(now)).toMatch(/^20250314T090000Z-[0-9a-f]{8}$/);
    expect(newRunId(now)).not.toBe(newRunId(now));
  });
});

describe("the started record a drill writes", () => {
  it("is format 2 with its run's identity, and passes the one schema-true reader", async () => {
    const { startedRecord } = await import("../../../runners/drill/started-record.ts");
    const { parseRecord } = await import("../../../journal/parse.ts");
    const { JOURNAL_VERSION } = await import("../../../journal/format.ts");
    const drill = prepareScenario(scenario, "scenarios/dev/db-node-loss.ts", "db-node-loss", plan, "fixture");
    const o = { drill, drillId: "d-1", clock: { originWallMs: Date.parse("2025-03-14T09:00:00Z") }, tool: { name: "continuity-drill", version: "0.1.0" }, run: { runId: "run-7", source: { commit: "a".repeat(40), dirty: true } } };
    const record = startedRecord(o as never, { probes: [], ledgers: [] } as never);
    expect(record).toMatchObject({ version: JOURNAL_VERSION, identity: { runId: "run-7", planDigest: digestOf(plan), source: { commit: "a".repeat(40), dirty: true } } });
    expect(JOURNAL_VERSION).toBe(2);
    expect(parseRecord("j.jsonl", 1, JSON.stringify(record), false)).toEqual(record);
  });
});
