// The exercise record every drill's first record carries: participants (the
// OS user when none are named), the scope from the scenario and the plan, the
// waived objectives kept apart with their reasons.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { Exercise } from "../../../journal/format.ts";
import { prepareScenario } from "../../../runners/drill/prepare.ts";
import { exerciseRecord, parseParticipants } from "../../../runners/drill/started-record.ts";
import { loadPlanFile } from "../../../runners/plan/load.ts";

const plan = loadPlanFile(fileURLToPath(new URL("../../fixtures/plans/clean.json", import.meta.url))).plan;
const scenario = {
  service: "db", hazard: "node-loss",
  faults: [{ kind: "process.kill", target: { role: "primary" } }],
  workload: { probes: [{ kind: "postgres", endpoint: "primary" }], ledgers: [{ kind: "postgres" }] },
};
const dir = mkdtempSync(join(tmpdir(), "exercise-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "db-node-loss.ts");
writeFileSync(file, "export default {};\n");

describe("exercise record", () => {
  it("defaults to the OS user as operator and scopes the plan's objectives and runbook", () => {
    const drill = prepareScenario(scenario, file, "db-node-loss", plan, "fixture");
    const x = Exercise.parse(exerciseRecord(drill));
    expect(x.participants).toEqual([{ name: userInfo().username, role: "operator" }]);
    expect(x.scope.service).toBe("db");
    expect(x.scope.hazard).toBe("node-loss");
    expect(x.scope.objectives).toContain("rto");
    expect(x.scope.purpose).toMatch(/db recovers from/);
    expect(x.scope.procedure).toHaveLength(drill.service.runbook.length);
  });

  it("named participants with roles; waived objectives out of scope with the reason", () => {
    const drill = prepareScenario({ ...scenario, description: "Kill the primary at peak", waive: { rpo: "no ledger on this path" } }, file, "db-node-loss", plan, "fixture");
    const x = exerciseRecord(drill, parseParticipants("alice:dba, bob ,carol:sre"));
    expect(x.participants).toEqual([{ name: "alice", role: "dba" }, { name: "bob" }, { name: "carol", role: "sre" }]);
    expect(x.scope.purpose).toBe("Kill the primary at peak");
    expect(x.scope.objectives).not.toContain("rpo");
    expect(x.scope.waived).toEqual({ rpo: "no ledger on this path" });
  });
});
