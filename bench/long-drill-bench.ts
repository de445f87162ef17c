// Memory over a long drill: the real engine, three HTTP probes at 100 Hz against
// a local server whose path is blackholed for the whole drill (the worst case:
// every request times out), journal streamed to disk. RSS and heap are sampled
// every 10 s; growth after the first minute is the figure. Length: 10 minutes,
// or BENCH_LONG_DRILL_S seconds.
import { createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validatePlan } from "../stacks/lib/index.ts";
import { prepareScenario } from "../runners/drill/prepare.ts";
import { runSession } from "../runners/drill/session.ts";
import { startProxyDaemon } from "../test/support/proxy-daemon.ts";
import type { BenchRow } from "./row.ts";

export async function benchLongDrill(): Promise<BenchRow[]> {
  const seconds = Number(process.env.BENCH_LONG_DRILL_S ?? 600);
  const server = createServer((_q, r) => r.end("ok"));
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const daemon = await startProxyDaemon({ "api-1": (server.address() as { port: number }).port });
  const dir = mkdtempSync(join(tmpdir(), "long-drill-"));
  const port = daemon.ports["api-1"]!;
  const plan = validatePlan({
    version: 1, project: "bench", stack: "bench", target: "local",
    services: [{ name: "api", tier: 1, owner: "bench", objectives: { rto: "1h" }, endpoints: { http: `http://127.0.0.1:${port}` },
      failoverTargets: [{ name: "p", kind: "instance", mechanism: "automatic", primary: "api-1", standbys: [], endpoints: { "api-1": `127.0.0.1:${port}` } }],
      hazards: [{ id: "network-partition", title: "cut", likelihood: "possible", impact: "major" }] }],
  }, "bench");
  const drill = prepareScenario({
    service: "api", hazard: "network-partition",
    faults: [{ kind: "net.proxy", target: { node: "api-1" }, duration: `${seconds}s`, params: { mode: "blackhole" } }],
    workload: { probes: ["a", "b", "c"].map((n) => ({ kind: "http", name: `probe-${n}`, endpoint: "http", rateHz: 100, timeout: "200ms" })) },
    windows: { steady: "500ms", baseline: "1s", stableFor: "500ms", after: "0s", observeTimeout: `${seconds + 60}s` },
  }, "long-drill.ts", "long-drill", plan, "bench");
  const memory: { t: number; rss: number; heap: number }[] = [];
  const started = Date.now();
  // With --expose-gc (npm run bench passes it), collect first: growth, not garbage, is the figure.
  const gc = (globalThis as { gc?: () => void }).gc;
  const timer = setInterval(() => {
    gc?.();
    memory.push({ t: Date.now() - started, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed });
  }, 10_000);
  const cpu0 = process.cpuUsage();
  try {
    await runSession({
      drills: [drill], plan, stack: { name: "bench", proxies: { proxyFor: async () => ({ controlUrl: daemon.control, name: "api-1" }) } },
      stateDir: join(dir, "state"), outDir: join(dir, "out"), repeat: 1, signal: new AbortController().signal, tool: { name: "bench", version: "0" },
    });
  } finally {
    clearInterval(timer);
    await daemon.stop();
    server.close();
  }
  const cpu = process.cpuUsage(cpu0);
  const settled = memory.filter((m) => m.t >= Math.min(60_000, (seconds * 1000) / 4));
  const mb = (b: number) => b / 1024 / 1024;
  const growth = settled.length >= 2 ? mb(settled[settled.length - 1]!.rss - settled[0]!.rss) : NaN;
  const heapGrowth = settled.length >= 2 ? mb(settled[settled.length - 1]!.heap - settled[0]!.heap) : NaN;
  const note = `${seconds} s drill, 3 probes × 100 Hz all timing out; ${memory.length} memory samples`;
  return [
    { name: "RSS growth over a long drill", value: growth, unit: "MB", target: "≤ 50 MB", met: growth <= 50, note },
    { name: "heap growth over a long drill", value: heapGrowth, unit: "MB", target: "≤ 20 MB", met: heapGrowth <= 20, note },
    { name: "peak RSS during the long drill", value: mb(Math.max(...memory.map((m) => m.rss))), unit: "MB", target: "≤ 300 MB", met: Math.max(...memory.map((m) => m.rss)) <= 300 * 1024 * 1024 },
    { name: "harness CPU during the long drill", value: (100 * (cpu.user + cpu.system)) / 1000 / (Date.now() - started), unit: "% of a core", target: "≤ 25 %", met: (100 * (cpu.user + cpu.system)) / 1000 / (Date.now() - started) <= 25, note: "300 samples/s" },
  ];
}
