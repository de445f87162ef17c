// Measured RTO against outages the harness did not make (issue "Measured RTO is
// what the service's clients lived through", item 7): an iptables REJECT on a
// plain local server's port, timed by its own script (half the runs with the
// whole outage inside a blocking inject), and a store in its own process that
// refuses writes — only writes — for an exact window. For each: the share of
// runs whose independent outage lies inside the drill's own stated bounds, and
// the error of the measured RTO against the independent figure.
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { $ } from "zx";
import { groundTruthDrill, groundTruthPlan } from "../test/support/independent-drill.ts";
import { independentOutage, rejectFaultParams, rejectRule } from "../test/support/reject-window.ts";
import { forkWriteRefusingStore } from "../test/support/write-refusing-store.ts";
import type { BenchRow } from "./row.ts";

const RUNS = Number(process.env.BENCH_GROUND_TRUTH_RUNS ?? 20);

interface Outcome { inside: boolean; errorMs: number }

export async function benchGroundTruth(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-gt-"));
  try {
    return [...rows("iptables REJECT, 100 Hz", await rejectRuns(dir)), ...rows("writes refused, ledger 100 Hz", await refusalRuns(dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rows(what: string, r: Outcome[]): BenchRow[] {
  const errors = r.map((x) => x.errorMs).sort((a, b) => a - b);
  const median = errors[Math.floor(errors.length / 2)] ?? NaN;
  const max = errors.at(-1) ?? NaN;
  const inside = r.filter((x) => x.inside).length;
  return [
    { name: `${what}: independent outage inside the stated bounds`, value: (100 * inside) / r.length, unit: "%", target: "100 %", met: inside === r.length, note: `${inside} of ${r.length} runs` },
    { name: `${what}: |measured RTO − independent outage|, median / max`, value: median, unit: "ms", target: "≤ 15 ms", met: max <= 15, note: `max ${max.toFixed(1)} ms; the independent figure is the middle of its own bracket` },
  ];
}

async function rejectRuns(dir: string): Promise<Outcome[]> {
  const server = createServer((_req, res) => res.end("ok"));
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  const plan = groundTruthPlan(`http://127.0.0.1:${port}`);
  const out: Outcome[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const edges = join(dir, `edges-${i}`);
      const s = await groundTruthDrill(dir, plan, {
        faults: [{ kind: "command", target: { none: true }, params: rejectFaultParams(port, [600, 1000, 1400][i % 3]!, edges, i % 2 === 1) }],
        workload: { probes: [{ kind: "http", endpoint: "http", rateHz: 100, timeout: "300ms" }] },
        waive: { rpo: "no ledger: a read-only ground truth" },
      }, `reject-${i}`);
      const truth = independentOutage(edges)!;
      const b = s.service.rtoBounds;
      out.push({ inside: !!b && truth.maxMs >= b.minMs && truth.minMs <= b.maxMs, errorMs: Math.abs((s.service.rtoMs ?? Infinity) - (truth.minMs + truth.maxMs) / 2) });
    }
  } finally {
    await $({ nothrow: true, quiet: true })`sh -c ${`while iptables -D ${rejectRule(port)} 2>/dev/null; do :; done`}`;
    server.closeAllConnections();
    server.close();
  }
  return out;
}

async function refusalRuns(dir: string): Promise<Outcome[]> {
  const store = await forkWriteRefusingStore();
  const plan = groundTruthPlan(store.url);
  const out: Outcome[] = [];
  try {
    for (let i = 0; i < Math.max(1, Math.round(RUNS / 4)); i++) {
      const ms = [800, 1500][i % 2]!;
      const s = await groundTruthDrill(dir, plan, {
        faults: [{ kind: "command", target: { none: true }, params: { inject: ["curl", "-sf", "-X", "POST", `${store.controlUrl}/refuse?ms=${ms}`], heal: ["true"] } }],
        workload: {
          probes: [{ kind: "http", name: "orders-read", endpoint: "http", rateHz: 100, timeout: "300ms", params: { path: "/orders/read-probe" } }],
          ledgers: [{ kind: "http", name: "orders-write", endpoint: "http", rateHz: 100, timeout: "500ms" }],
        },
      }, `refusal-${i}`);
      const w = (await store.windows()).at(-1)!;
      const truth = w.until - w.from;
      const b = s.service.paths?.find((p) => p.path === "write")?.bounds;
      out.push({ inside: !!b && b.minMs <= truth && truth <= b.maxMs, errorMs: Math.abs((s.service.rtoMs ?? Infinity) - truth) });
    }
  } finally {
    await store.stop();
  }
  return out;
}
