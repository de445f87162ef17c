// The local stack with orders-db under Patroni (Pulumi.local-patroni.yaml),
// evaluated under Pulumi mocks: the PatroniHa replaces the PostgresHa, its
// timing is second-scale, the plan names Patroni as what fails over, and every
// port differs from the `local` stack's so both can run side by side.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { evaluateProgram, type Evaluation } from "../../../runners/plan/mock-evaluate.ts";
import { findProgram } from "../../../runners/plan/pulumi-project.ts";
import { REPO_ROOT } from "../../../runners/plan/load.ts";
import { declaredPorts, fromGraph } from "../../../runners/env/declaration.ts";
import { validatePlan, parseDuration, type PlanT } from "../../../stacks/lib/index.ts";
import { TUNED_PATRONI_TIMING } from "../../../stacks/local/patroni-ha.ts";

let evaluation: Evaluation;
let plan: PlanT;

beforeAll(async () => {
  evaluation = await evaluateProgram(findProgram(REPO_ROOT, "local-patroni"));
  plan = validatePlan(evaluation.outputs.continuityPlan, "continuityPlan");
});

/** Every number under a key ending in "port"/"Port" in a stack config file. */
function configPorts(file: string): number[] {
  const found: number[] = [];
  const walk = (v: unknown, key = ""): void => {
    if (typeof v === "number" && /port$/i.test(key)) found.push(v);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, Array.isArray(v) ? key : k);
  };
  walk(parse(readFileSync(join(REPO_ROOT, file), "utf8")));
  return found;
}

describe("stacks/local with manager: patroni", () => {
  it("declares Patroni + etcd instead of pg_auto_failover, with the documented timing", () => {
    const d = fromGraph("local-patroni", evaluation.graph);
    expect(d.pg).toBeUndefined();
    expect(d.patroni).toMatchObject({ host: "127.0.0.1", database: "orders", etcdPort: 15448, timing: TUNED_PATRONI_TIMING, executable: "/usr/bin/patroni" });
    // A dead leader is replaced about ttl after its last renewal: well inside orders-db's RTO.
    expect(d.patroni!.timing.ttlSeconds * 1000 + d.patroni!.timing.loopWaitSeconds * 1000).toBeLessThan(parseDuration("30s") / 2);
    expect(new Set(declaredPorts(d).map((p) => p.port)).size).toBe(declaredPorts(d).length);
  });

  it("shares no port with the local stack, so both can be up at once", () => {
    const patroni = configPorts("Pulumi.local-patroni.yaml");
    const local = new Set(configPorts("Pulumi.local.yaml"));
    expect(patroni.length).toBeGreaterThan(15);
    expect(patroni.filter((p) => local.has(p))).toEqual([]);
  });

  it("plans orders-db as failed over by Patroni, with hang among its hazards and Patroni's runbook", () => {
    const db = plan.services.find((s) => s.name === "orders-db")!;
    expect(db.failoverTargets[0]!.via).toBe("patroni");
    expect(db.failoverTargets[0]!.replication).toBe("synchronous");
    expect(db.hazards.map((h) => h.id)).toEqual(["node-loss", "process-hang", "network-partition"]);
    expect(db.runbook.map((s) => s.step).join("\n")).toMatch(/Patroni/);
    expect(db.runbook.map((s) => s.step).join("\n")).not.toMatch(/pg_autoctl/);
  });
});
