// The self-managed adapter's edges, without a cluster: a node that declares no
// processes is refused with the plan field to fill in; nodes that do not answer
// hold no role and make redundancy not full; a plan without node access says so.
import { describe, expect, it } from "vitest";
import { selfManagedStack } from "../../../runners/drill/self-managed-stack.ts";
import { Plan, type PlanT } from "../../../stacks/lib/index.ts";
import { freePort } from "../../support/free-port.ts";

async function planWith(nodes: Record<string, unknown> | undefined): Promise<PlanT> {
  return Plan.parse({
    version: 1, project: "acme", stack: "staging", target: "self-managed",
    services: [{ name: "db", tier: 1, owner: "o", objectives: {}, failoverTargets: [{ name: "ha", kind: "replica", mechanism: "automatic", primary: "a", standbys: ["b"], ...(nodes ? { nodes } : {}) }] }],
  });
}

describe("self-managed stack adapter", () => {
  it("refuses to fault a node that declares no processes, naming the plan field", async () => {
    const port = await freePort();
    const stack = selfManagedStack(await planWith({ a: { protocol: "postgres", url: `postgres://u@127.0.0.1:${port}/x` } }));
    await expect(stack.nodes!.process("a")).rejects.toThrow(/db\.failoverTargets\.ha\.nodes\.a\.process/);
  });

  it("reads nodes that do not answer as down: no roles, not full, each named", async () => {
    const [pa, pb] = [await freePort(), await freePort()];
    const stack = selfManagedStack(await planWith({ a: { protocol: "postgres", url: `postgres://u@127.0.0.1:${pa}/x` }, b: { protocol: "redis", url: `redis://127.0.0.1:${pb}` } }), { readTimeoutMs: 500 });
    expect(await stack.roles!.roles("db")).toEqual([]);
    const r = await stack.redundancy!();
    expect(r.full).toBe(false);
    expect(r.detail).toMatch(/a down .*b down/);
  });

  it("restore gives up at its bound and says what is missing", async () => {
    const port = await freePort();
    const stack = selfManagedStack(await planWith({ a: { protocol: "http", url: `http://127.0.0.1:${port}/health` } }), { restoreBoundMs: 800, readTimeoutMs: 200 });
    const t = performance.now();
    await expect(stack.restore!(() => undefined)).rejects.toThrow(/not back to full redundancy within 0.8 s: db\/ha: a down/);
    expect(performance.now() - t).toBeLessThan(3_000);
  });

  it("a plan without node access cannot be read, and says where to declare it", async () => {
    const r = await selfManagedStack(await planWith(undefined)).redundancy!();
    expect(r).toEqual({ full: false, detail: expect.stringContaining("failoverTargets[].nodes") });
  });

  it("rejects a node that names no way to find its processes", async () => {
    await expect(planWith({ a: { protocol: "patroni", url: "http://127.0.0.1:1", process: {} } })).rejects.toThrow(/systemdUnit, pidfile, ports/);
  });
});
