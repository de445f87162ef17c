// `drill run --due`: exactly the scenarios whose service × hazard the plan's
// schedule says are due, judged from the evidence, each with its reason.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { selectDue } from "../../../runners/cli/due.ts";
import { scheduleRows } from "../../../reports/readiness/schedule.ts";
import { readiness } from "../../../reports/readiness/readiness.ts";
import { readEvidence } from "../../../journal/evidence-set.ts";
import { fixture, tmp } from "./fixtures.ts";
import { LOCAL_PLAN } from "./plan.ts";

const scenario = (name: string, service: string, hazard: string) => ({ name, service: { name: service }, hazard: { id: hazard } });

/** A copy of a passed fixture drill, started `daysAgo` days before now. */
function recent(dir: string, name: string, daysAgo: number): void {
  const lines = readFileSync(fixture(name), "utf8").trimEnd().split("\n");
  const first = JSON.parse(lines[0]!) as { startedAt: string; clockOriginWallMs: number; drillId: string };
  const at = Date.now() - daysAgo * 86_400_000;
  Object.assign(first, { startedAt: new Date(at).toISOString(), clockOriginWallMs: at, drillId: `${first.drillId}-recent` });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.jsonl`), [JSON.stringify(first), ...lines.slice(1)].join("\n") + "\n");
}

describe("drill run --due", () => {
  it("runs what is never exercised or older than exerciseEvery, not what is fresh, and says why", async () => {
    const dir = tmp("due-");
    recent(dir, "passed-orders-db-node-loss", 3);
    const drills = [scenario("orders-db-node-loss", "orders-db", "node-loss"), scenario("orders-db-partition", "orders-db", "network-partition"), scenario("web-node-loss", "web", "node-loss")];
    const due = await selectDue(drills, LOCAL_PLAN, dir);
    expect(due.map((d) => d.name)).toEqual(["orders-db-partition", "web-node-loss"]);
    const rows = scheduleRows(LOCAL_PLAN, readiness(LOCAL_PLAN, await readEvidence([dir]), new Date()));
    expect(rows.find((r) => r.service === "web" && r.hazard === "node-loss")!.dueBecause).toBe("never exercised");
    recent(dir, "passed-orders-db-node-loss", 31);
    const later = scheduleRows(LOCAL_PLAN, readiness(LOCAL_PLAN, await readEvidence([join(dir)]), new Date()));
    expect(later.find((r) => r.service === "orders-db" && r.hazard === "node-loss")!.dueBecause).toMatch(/^last exercised \d{4}-\d{2}-\d{2}, older than 30\.0 d$/);
    expect((await selectDue(drills, LOCAL_PLAN, dir)).map((d) => d.name)).toEqual(["orders-db-node-loss", "orders-db-partition", "web-node-loss"]);
  });

  it("no evidence folder yet: everything is due", async () => {
    const drills = [scenario("web-node-loss", "web", "node-loss")];
    expect(await selectDue(drills, LOCAL_PLAN, join(tmp("due-"), "missing"))).toEqual(drills);
  });
});
