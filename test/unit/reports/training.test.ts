// The training view of readiness: who exercised each service's runbook by hand,
// and when; rehearsals (--auto-ack) train nobody; a runbook never or not recently
// exercised by people is an R7 finding.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readiness, readinessFindings } from "../../../reports/index.ts";
import { readJournal, type Journal } from "../../../journal/read.ts";
import { renderReadinessHtml } from "../../../reports/readiness/html.ts";
import { renderReadinessMarkdown } from "../../../reports/readiness/markdown.ts";
import { LOCAL_PLAN as BASE } from "./plan.ts";

// orders-db's runbook has a manual step, as in stacks/local; the others have none.
const LOCAL_PLAN = { ...BASE, services: BASE.services.map((s) => (s.name === "orders-db" ? { ...s, runbook: [{ step: "switch over by hand", role: "dba", automated: false }] } : s)) };

// Altered in memory, so not that file's bytes: without its SHA-256 (else every copy is a duplicate of it).
const { sha256: _fileHash, ...real } = readJournal(fileURLToPath(new URL("../../fixtures/recorded-journals/orders-db-node-loss.jsonl", import.meta.url)));
const gameDay = (startedAt: string, rehearsal: boolean, participants: { name: string; role?: string }[]): Journal => ({
  ...real,
  started: { ...real.started, drillId: `gd-${startedAt}`, startedAt, gameday: { participants, rehearsal } },
  summary: { ...real.summary!, steps: [{ step: "switchover", outcome: "acknowledged", by: participants[0]?.name ?? "rehearsal", durationMs: 9_000 }, { step: "confirm", outcome: "skipped" }] },
});

describe("readiness training view", () => {
  const now = new Date("2026-11-23T12:00:00Z");

  it("names who last exercised a runbook by hand; rehearsals do not count", () => {
    const journals = [gameDay("2026-11-01T10:00:00Z", false, [{ name: "alice", role: "dba" }, { name: "bob", role: "sre" }]), gameDay("2026-11-20T10:00:00Z", true, [{ name: "ci" }])];
    const r = readiness(LOCAL_PLAN, journals, now);
    const db = r.training.find((t) => t.service === "orders-db")!;
    expect(db.freshness).toBe("fresh");
    expect(db.lastTrained).toMatchObject({ startedAt: "2026-11-01T10:00:00Z", done: [{ step: "switchover", by: "alice" }] });
    expect(db.gameDays).toHaveLength(2);
    expect(renderReadinessHtml(r, "t")).toContain("alice (dba), bob (sre)");
    expect(renderReadinessMarkdown(r, "t")).toMatch(/orders-db\*\* \| \d+ \| 2026-11-01/);
  });

  it("a runbook with manual steps never exercised by people, or too long ago, is an R7 finding", () => {
    const stale = readiness(LOCAL_PLAN, [gameDay("2026-01-01T10:00:00Z", false, [{ name: "alice" }])], now);
    expect(stale.training.find((t) => t.service === "orders-db")!.freshness).toBe("stale");
    const findings = readinessFindings(LOCAL_PLAN, [], now).filter((f) => f.rule === "R7");
    expect(findings.map((f) => f.service)).toEqual(["orders-db"]);
    expect(readiness(LOCAL_PLAN, [], now).training.find((t) => t.service === "web")!.freshness).toBe("nothing to train");
    expect(findings[0]).toMatchObject({ severity: "warning", field: "runbook" });
    expect(stale.gaps.some((g) => g.rule === "R7" && g.service === "orders-db" && /last exercised by people on 2026-01-01/.test(g.message))).toBe(true);
  });
});
