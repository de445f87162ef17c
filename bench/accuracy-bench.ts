// Bench: how accurately the HTTP probe measures an outage of known length, and
// what measuring costs. Outages of 250 / 1000 / 3000 ms are made by our TCP proxy
// (blackhole, then pass) in front of a plain HTTP server, both in a child
// process; the probe measures them at 100 and 1,000 Hz. The real heal is known
// to lie between sending "pass" to the proxy and its confirmation (the heal
// window); the error is how far the measured RTO lies outside that window
// (test/support/ground-truth.ts defines both), and the window's width is
// reported next to it as the ground truth's own uncertainty.
// Targets: error ≤ one probe interval + 5 ms; at 1,000 samples/s the harness
// (probe + streaming measurement) uses ≤ 25 % of one core and adds ≤ 50 MB RSS,
// with no growth over the run. The cost is measured first, on a fresh heap.
import { monotonicClock } from "../core/clock.ts";
import { ProbeMeasureStream } from "../runners/measure/probe-measure-stream.ts";
import { repeatStats } from "../runners/measure/repeat.ts";
import { createProbe } from "../runners/probes/create.ts";
import { groundTruthOutage, startGroundTruthTarget, type GroundTruthTarget } from "../test/support/ground-truth.ts";
import type { BenchRow } from "./row.ts";

const OUTAGES_MS = [250, 1000, 3000];
const RATES_HZ = [100, 1000];
const REPEATS = 3;
const CPU_RUN_MS = 20_000;

export async function benchAccuracy(): Promise<BenchRow[]> {
  const target = await startGroundTruthTarget();
  try {
    // Warm up: the first requests of a process load and compile undici's parser.
    await groundTruthOutage({ rateHz: 100, outageMs: 0, stableForMs: 100, baselineMs: 1000 }, target);
    const rows = await costRows(target);
    for (const rateHz of RATES_HZ) for (const outageMs of OUTAGES_MS) rows.push(...(await accuracyRows(target, rateHz, outageMs)));
    return rows;
  } finally {
    await target.close();
  }
}

async function accuracyRows(target: GroundTruthTarget, rateHz: number, outageMs: number): Promise<BenchRow[]> {
  const boundMs = 1000 / rateHz + 5;
  const errors: number[] = [];
  let maxLagMs = 0;
  let maxWindowMs = 0;
  let notRecovered = 0;
  for (let i = 0; i < REPEATS; i++) {
    // The timeout only bounds requests in flight (rate × timeout) during the outage.
    const options = { rateHz, outageMs, stableForMs: 500, timeoutMs: rateHz >= 1000 ? 500 : 1000, baselineMs: 1000, observeMs: 2000 };
    const run = await groundTruthOutage(options, target);
    if (run.errorMs === undefined) notRecovered++;
    errors.push(run.errorMs === undefined ? Infinity : Math.abs(run.errorMs));
    maxLagMs = Math.max(maxLagMs, run.maxLagMs);
    maxWindowMs = Math.max(maxWindowMs, run.actualMs - run.minMs);
  }
  const stats = repeatStats(errors)!;
  const note = `n=${REPEATS}; heal window up to ${maxWindowMs.toFixed(0)} ms; harness send lag up to ${maxLagMs.toFixed(0)} ms${notRecovered ? `; ${notRecovered} not recovered` : ""}`;
  const goal = `≤ ${boundMs} ms (one interval + 5 ms)`;
  const name = `RTO error, ${outageMs} ms outage at ${rateHz} Hz`;
  return [
    { name: `${name} (median)`, value: stats.median, unit: "ms", target: goal, met: stats.median <= boundMs, note },
    { name: `${name} (max)`, value: stats.max, unit: "ms", target: goal, met: stats.max <= boundMs, note },
  ];
}

/** CPU and memory of the measuring process at 1,000 samples/s against a healthy target. */
async function costRows(target: GroundTruthTarget): Promise<BenchRow[]> {
  const clock = monotonicClock();
  const rssBefore = process.memoryUsage().rss / 2 ** 20;
  const probe = createProbe({ kind: "http", name: "cost", target: `http://127.0.0.1:${target.port}/`, rateHz: 1000, timeoutMs: 1000 });
  const measure = new ProbeMeasureStream({ probe: "cost", rateHz: 1000, t0: Infinity, stableForMs: 500 });
  let disrupted = 0;
  probe.start(clock, (s) => {
    measure.push(s);
    if (!s.ok) disrupted++;
  });
  await sleep(2_000); // settle: connections open, parser compiled
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const rss: number[] = [];
  for (let waited = 0; waited < CPU_RUN_MS; waited += 1_000) {
    await sleep(1_000);
    rss.push(process.memoryUsage().rss / 2 ** 20);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPct = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
  await probe.stop();
  const samples = probe.stats().samples;
  measure.destroy();
  const added = Math.max(...rss) - rssBefore;
  const growth = rss.at(-1)! - rss[Math.min(4, rss.length - 1)]!;
  const note = `${samples} samples in ${(CPU_RUN_MS / 1000 + 2).toFixed(0)} s, ${disrupted} disrupted, send lag up to ${probe.stats().maxLagMs.toFixed(0)} ms`;
  return [
    { name: "harness CPU at 1,000 samples/s", value: cpuPct, unit: "% of a core", target: "≤ 25 %", met: cpuPct <= 25, note },
    { name: "harness RSS added at 1,000 samples/s", value: added, unit: "MB", target: "≤ 50 MB", met: added <= 50, note: `${note}; process RSS ${Math.max(...rss).toFixed(0)} MB` },
    { name: "harness RSS growth, 5 s → 20 s", value: growth, unit: "MB", target: "≤ 10 MB", met: growth <= 10, note: "bounded memory: samples are streamed, not kept" },
  ];
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
