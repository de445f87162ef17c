// Scenario validation before anything is touched: each fixture carries one defect
// and must be rejected with exit code 2, naming the file and the field.
import { describe, expect, it } from "vitest";
import { prepareScenario } from "../../../runners/drill/prepare.ts";
import { loadPlanFile } from "../../../runners/plan/load.ts";
import { fileURLToPath } from "node:url";

const plan = loadPlanFile(fileURLToPath(new URL("../../fixtures/plans/clean.json", import.meta.url))).plan;
const valid = {
  service: "db",
  hazard: "node-loss",
  faults: [{ kind: "process.kill", target: { role: "primary" } }],
  workload: { probes: [{ kind: "postgres", endpoint: "primary" }], ledgers: [{ kind: "postgres" }] },
};
const FILE = "scenarios/dev/db-node-loss.ts";
const rejection = (scenario: unknown) => {
  try {
    prepareScenario(scenario, FILE, "db-node-loss", plan, "fixture");
  } catch (error) {
    return error as Error & { kind?: string };
  }
  throw new Error("accepted");
};

const defects: [string, unknown, RegExp][] = [
  ["unknown-top-level-key", { ...valid, fualts: [] }, /unknown field "fualts"/],
  ["service-not-in-plan", { ...valid, service: "cache" }, /service: "cache" is not in the plan \(services: db, api\)/],
  ["hazard-not-declared", { ...valid, hazard: "meteor" }, /hazard: "meteor" is not a hazard of "db" \(declared: node-loss\)/],
  ["unknown-fault-kind", { ...valid, faults: [{ kind: "process.explode" }] }, /faults\[0\]\.kind: unknown fault kind "process.explode" \(kinds: command, .*net\.partition, net\.proxy, process\.kill, process\.pause, ssh\.command, ssh\.process\.kill, ssh\.process\.pause\)/],
  ["node-not-declared", { ...valid, faults: [{ kind: "process.kill", target: { node: "z" } }] }, /faults\[0\]\.target\.node: "z" is not a node of service "db" \(declared: a, b\)/],
  ["bad-fault-param", { ...valid, faults: [{ kind: "process.kill", params: { signal: "SIGFOO" } }] }, /faults\[0\]\.params\.signal/],
  ["unknown-fault-param", { ...valid, faults: [{ kind: "net.latency", params: { delay: "5ms", dealy: "1s" } }] }, /faults\[0\]\.params: unknown field "dealy"/],
  ["latency-needs-duration-string", { ...valid, faults: [{ kind: "net.latency", params: { delay: 500 } }] }, /faults\[0\]\.params\.delay/],
  ["fault-kind-cannot-target-nothing", { ...valid, faults: [{ kind: "process.kill", target: { none: true } }] }, /faults\[0\]\.target: process\.kill cannot target nothing \(it targets: node\)/],
  ["no-probe", { ...valid, workload: { probes: [] } }, /workload\.probes: a scenario watches the service with at least one probe/],
  ["endpoint-not-declared", { ...valid, workload: { probes: [{ kind: "http", endpoint: "web" }] } }, /workload\.probes\[0\]\.endpoint: "web" is not an endpoint of service "db" \(declared: primary\)/],
  ["probe-kind-without-endpoint", { ...valid, workload: { probes: [{ kind: "redis" }] } }, /service "db" declares no endpoint a redis client can use/],
  ["probe-rate-too-high", { ...valid, workload: { probes: [{ kind: "postgres", rateHz: 5000 }] } }, /workload\.probes\.0\.rateHz|rateHz/],
  ["bad-window-duration", { ...valid, windows: { stableFor: "3 seconds" } }, /windows\.stableFor: expected a duration/],
  ["duplicate-probe-names", { ...valid, workload: { probes: [{ kind: "postgres", name: "p" }, { kind: "postgres", name: "p" }] } }, /two probes are named "p"/],
];

describe("scenario validation", () => {
  it.each(defects)("%s", (_name, scenario, message) => {
    const error = rejection(scenario);
    expect(error.kind).toBe("input");
    expect(error.message).toContain(FILE);
    expect(error.message).toMatch(message);
  });

  it("accepts a valid scenario and resolves its windows and objectives", () => {
    const d = prepareScenario(valid, FILE, "db-node-loss", plan, "fixture");
    expect(d.name).toBe("db-node-loss");
    expect(d.objectivesMs).toMatchObject({ rto: 30_000, rpo: 0 });
    expect(d.windowsMs.observeTimeout).toBe(90_000);
    expect(d.probeSpecs[0]).toMatchObject({ kind: "postgres", target: "postgres://app:s3cret@127.0.0.1:5/db", name: "db-postgres" });
    expect(d.ledgerSpecs[0]).toMatchObject({ kind: "postgres", name: "db-ledger" });
  });

  it("every local scenario validates against the local plan", async () => {
    const { listScenarioFiles } = await import("../../../runners/scenarios/discover.ts");
    const { prepareDrill } = await import("../../../runners/drill/prepare.ts");
    const { evaluateProgram } = await import("../../../runners/plan/mock-evaluate.ts");
    const { findProgram } = await import("../../../runners/plan/pulumi-project.ts");
    const { validatePlan } = await import("../../../stacks/lib/index.ts");
    const root = fileURLToPath(new URL("../../..", import.meta.url));
    const local = validatePlan((await evaluateProgram(findProgram(root, "local"))).outputs.continuityPlan, "local");
    const files = listScenarioFiles(`${root}/scenarios/local`);
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const d = await prepareDrill(f, local, "local");
      expect(d.faults.length + d.steps.length, f).toBeGreaterThan(0);
    }
  });
});
