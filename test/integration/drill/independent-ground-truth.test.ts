// Ground truth the harness did not make itself (docs/design.md "What is measured"):
// 1. a `command` fault inserts an iptables REJECT for a plain local HTTP
//    server's port and removes it after a known time, the script timestamping
//    both edges — 20 drills at 100 Hz, half of them with the whole outage
//    inside a blocking inject; the independent outage must lie within the
//    drill's own stated bounds every time;
// 2. an order store refuses writes (and only writes) for exactly 1.5 s: the
//    write path's RTO is that window, the read path saw nothing, and the
//    service's RTO is the write path's.
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groundTruthDrill, groundTruthPlan } from "../../support/independent-drill.ts";
import { $ } from "zx";
import { independentOutage, rejectFaultParams, rejectRule } from "../../support/reject-window.ts";
import { forkWriteRefusingStore } from "../../support/write-refusing-store.ts";

const dir = mkdtempSync(join(tmpdir(), "independent-gt-"));
let server: Server;
let port: number;
let refusing: Awaited<ReturnType<typeof forkWriteRefusingStore>>;

beforeAll(async () => {
  server = createServer((_req, res) => res.end("ok"));
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  port = (server.address() as { port: number }).port;
  refusing = await forkWriteRefusingStore();
});

afterAll(async () => {
  // Never leave a rule behind, whatever failed above.
  await $({ nothrow: true, quiet: true })`sh -c ${`while iptables -D ${rejectRule(port)} 2>/dev/null; do :; done`}`;
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
  await refusing?.stop();
  if (!process.env.KEEP_GROUND_TRUTH) rmSync(dir, { recursive: true, force: true });
});

describe("RTO against an outage made outside the harness", () => {
  it("20 of 20 drills at 100 Hz: an iptables REJECT timed by its own script lies within the drill's stated bounds", async () => {
    const p = groundTruthPlan(`http://127.0.0.1:${port}`);
    const rows: string[] = [];
    let inside = 0;
    for (let i = 0; i < 20; i++) {
      const blocking = i % 2 === 1;
      const outageMs = [600, 1000, 1400][i % 3]!;
      const edges = join(dir, `edges-${i}`);
      const s = await groundTruthDrill(dir, p, {
        faults: [{ kind: "command", target: { none: true }, params: rejectFaultParams(port, outageMs, edges, blocking) }],
        workload: { probes: [{ kind: "http", endpoint: "http", rateHz: 100, timeout: "300ms" }] },
        waive: { rpo: "no ledger: a read-only ground truth" },
      }, `reject-${i}`);
      const truth = independentOutage(edges)!;
      const b = s.service.rtoBounds!;
      const ok = truth.maxMs >= b.minMs && truth.minMs <= b.maxMs;
      if (ok) inside++;
      rows.push(`${blocking ? "blocking" : "background"} ${outageMs} ms: measured ${s.service.rtoMs?.toFixed(1)} in [${b?.minMs.toFixed(1)}, ${b?.maxMs.toFixed(1)}], truth [${truth.minMs.toFixed(1)}, ${truth.maxMs.toFixed(1)}] ${ok ? "inside" : "OUTSIDE"}`);
      expect(s.outcome, `${s.reason}\n${rows.join("\n")}`).toBe("passed");
      expect(s.verdicts.find((v) => v.objective === "rpo")).toMatchObject({ status: "waived" });
    }
    process.stderr.write(`[ground truth] ${rows.join("\n[ground truth] ")}\n`);
    expect(inside, rows.join("\n")).toBe(20);
  });

  it("writes refused for exactly 1.5 s while reads answer: the write path's RTO is the window, and it is the service's", async () => {
    const p = groundTruthPlan(refusing.url);
    const s = await groundTruthDrill(dir, p, {
      faults: [{ kind: "command", target: { none: true }, params: { inject: ["curl", "-sf", "-X", "POST", `${refusing.controlUrl}/refuse?ms=1500`], heal: ["true"] } }],
      workload: {
        probes: [{ kind: "http", name: "orders-read", endpoint: "http", rateHz: 100, timeout: "300ms", params: { path: "/orders/read-probe" } }],
        ledgers: [{ kind: "http", name: "orders-write", endpoint: "http", rateHz: 100, timeout: "500ms" }],
      },
    }, "write-refusal");
    const window = (await refusing.windows()).at(-1)!;
    const truth = window.until - window.from;
    const read = s.service.paths!.find((x) => x.path === "read")!;
    const write = s.service.paths!.find((x) => x.path === "write")!;
    expect(read.noDisruption).toBe(true);
    expect(write.decidedBy).toBe("orders-write");
    expect(s.service.rtoMs).toBe(write.rtoMs);
    expect(write.bounds!.minMs).toBeLessThanOrEqual(truth);
    expect(write.bounds!.maxMs).toBeGreaterThanOrEqual(truth);
    expect(s.probes.find((x) => x.probe === "orders-write")!.errors).toMatchObject({ "bad-status": expect.any(Number) });
    expect(s.outcome, s.reason).toBe("passed");
  });
});
