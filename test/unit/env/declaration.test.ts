// drill env reads the local components back with their own inputs schemas
// (stacks/local/*.ts), adding only "loopback": the stack as evaluated under
// Pulumi mocks passes with every default the components fill in, and an input
// the env cannot start is refused naming the stack, the resource and the field.
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateProgram } from "../../../runners/plan/mock-evaluate.ts";
import { findProgram } from "../../../runners/plan/pulumi-project.ts";
import type { ResourceGraph } from "../../../runners/plan/resource-graph.ts";
import { declaredPorts, fromGraph } from "../../../runners/env/declaration.ts";
import { REPO_ROOT } from "../../../runners/env/paths.ts";
import { POSTGRES_HA_TYPE, TUNED_MONITOR_TIMERS } from "../../../stacks/local/postgres-ha.ts";

let graph: ResourceGraph;
beforeAll(async () => {
  graph = (await evaluateProgram(findProgram(REPO_ROOT, "local"))).graph;
});

/** The graph with the PostgresHa's inputs changed by `edit`. */
function withPg(edit: (inputs: Record<string, unknown>) => void): ResourceGraph {
  const copy = structuredClone(graph);
  edit(copy.resources.find((r) => r.type === POSTGRES_HA_TYPE)!.inputs);
  return copy;
}

describe("the local components as drill env reads them", () => {
  it("takes each component's recorded inputs, defaults filled in by the component", () => {
    const d = fromGraph("local", graph);
    expect(d.pg).toMatchObject({ host: "127.0.0.1", database: "orders", monitorPort: 15430, timers: TUNED_MONITOR_TIMERS });
    expect(d.pg!.nodes.map((n) => n.name)).toEqual(["node-a", "node-b"]);
    expect(d.redis).toMatchObject({ masterName: "sessions", quorum: 2, downAfterMs: 1_000, failoverTimeoutMs: 5_000 });
    expect(d.web).toMatchObject({ healthCheck: { intervalMs: 500, fall: 2, rise: 2 }, retries: 3 });
    expect(d.proxies?.routes.length).toBeGreaterThan(0);
    expect(new Set(declaredPorts(d).map((p) => p.port)).size).toBe(declaredPorts(d).length);
  });

  it("refuses what it cannot start, naming stack, resource and field", () => {
    expect(() => fromGraph("local", withPg((i) => (i.host = "0.0.0.0")))).toThrow(/^stack local: orders-db-cluster \(continuity-drill:local:PostgresHa\) input host: /);
    expect(() => fromGraph("local", withPg((i) => (i.monitorPort = 70_000)))).toThrow(/input monitorPort: /);
    expect(() => fromGraph("local", withPg((i) => ((i.nodes as { name: string }[])[1]!.name = "PG_B")))).toThrow(/input nodes\.1\.name: /);
    expect(() => fromGraph("local", withPg((i) => delete i.timers))).toThrow(/input timers: /);
  });
});
