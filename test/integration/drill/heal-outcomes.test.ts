// What the heal does is what the drill says: a heal that fails is never a pass
// (the drill ends `error`, the fault stays recorded for `drill recover`), and a
// disruption that the heal itself causes — a failback — is measured as its own
// figure while the clients keep watching. Outages are iptables REJECT rules on
// a plain local server's port, made and timed by the fault's own commands.
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $ } from "zx";
import { activeFaults, clearFault } from "../../../runners/faults/fault-journal.ts";
import { groundTruthDrill, groundTruthPlan } from "../../support/independent-drill.ts";
import { rejectRule } from "../../support/reject-window.ts";

const dir = mkdtempSync(join(tmpdir(), "heal-outcomes-"));
let server: Server;
let port: number;
const removeAll = () => $({ nothrow: true, quiet: true })`sh -c ${`while iptables -D ${rejectRule(port)} 2>/dev/null; do :; done`}`;

beforeAll(async () => {
  server = createServer((_req, res) => res.end("ok"));
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await removeAll();
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
  rmSync(dir, { recursive: true, force: true });
});

const probes = () => [{ kind: "http", endpoint: "http", rateHz: 100, timeout: "300ms" }];

describe("heal outcomes", () => {
  it("a heal that fails makes the drill an error that says so, and leaves the fault for drill recover", async () => {
    const rule = rejectRule(port);
    const s = await groundTruthDrill(dir, groundTruthPlan(`http://127.0.0.1:${port}`), {
      faults: [{ kind: "command", target: { none: true }, duration: "500ms", params: { inject: ["sh", "-c", `iptables -I ${rule}`], heal: ["sh", "-c", `iptables -D ${rule}; exit 7`] } }],
      workload: { probes: probes() },
      waive: { rpo: "no ledger" },
    }, "heal-fails");
    expect(s.outcome).toBe("error");
    expect(s.reason).toMatch(/heal FAILED .*exit 7.*drill recover/);
    const left = activeFaults(join(dir, "state"));
    expect(left.map((f) => f.kind)).toEqual(["command"]);
    for (const f of left) clearFault(join(dir, "state"), f.id);
  });

  it("a failback after heal is measured apart from the RTO, with the clients still watching", async () => {
    const rule = rejectRule(port);
    const s = await groundTruthDrill(dir, groundTruthPlan(`http://127.0.0.1:${port}`), {
      faults: [{
        kind: "command", target: { none: true }, duration: "800ms",
        params: {
          inject: ["sh", "-c", `iptables -I ${rule}`],
          // The heal "rejoins" 1 s later and cuts the service off again for 600 ms: a failback.
          heal: ["sh", "-c", `iptables -D ${rule}; (sleep 1; iptables -I ${rule}; sleep 0.6; iptables -D ${rule}) >/dev/null 2>&1 &`],
        },
      }],
      workload: { probes: probes() },
      waive: { rpo: "no ledger" },
      windows: { steady: "300ms", baseline: "300ms", stableFor: "300ms", after: "2500ms", quietFor: "3s" },
    }, "failback");
    expect(s.service.rtoMs).toBeGreaterThan(700);
    expect(s.service.rtoMs).toBeLessThan(1_100);
    const heal = s.service.heal!;
    expect(heal.recovered).toBe(true);
    expect(heal.failedSamples).toBeGreaterThan(40);
    expect(heal.durationMs).toBeGreaterThan(500);
    expect(heal.durationMs).toBeLessThan(800);
    expect(s.verdicts.find((v) => v.objective === "heal-disruption")).toMatchObject({ status: "met", target: 5_000, note: expect.stringContaining("judged against the RTO") });
  });
});
