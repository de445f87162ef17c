// `npm run bench [-- NAME…]`: every benchmark, one table, and the figures as JSON
// in bench/results/latest.json. Each row names its target and whether it is met.
// Benchmarks run one after another (they measure this 2-core machine; running
// them side by side would measure each other).
import { mkdirSync, writeFileSync } from "node:fs";
import type { BenchRow } from "./row.ts";

type Bench = () => Promise<BenchRow[]>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  accuracy: async () => (await import("./accuracy-bench.ts")).benchAccuracy,
  "ground-truth": async () => (await import("./ground-truth-bench.ts")).benchGroundTruth,
  ledger: async () => (await import("./ledger-bench.ts")).benchLedger,
  reports: async () => (await import("./report-bench.ts")).benchReports,
  load: async () => (await import("./load-bench.ts")).benchLoad,
  "long-drill": async () => (await import("./long-drill-bench.ts")).benchLongDrill,
  env: async () => (await import("./env-bench.ts")).benchEnv,
};

function format(rows: { bench: string; row: BenchRow }[]): string {
  const cells = rows.map(({ bench, row }) => [
    bench, row.name, `${Number.isInteger(row.value) ? row.value : row.value.toFixed(row.value < 10 ? 2 : 1)} ${row.unit}`, row.target,
    row.met === undefined ? "—" : row.met ? "met" : "MISSED", row.note ?? "",
  ]);
  const header = ["BENCH", "WHAT", "MEASURED", "TARGET", "MET", "NOTE"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "─".repeat(w))), ...cells.map(line)].join("\n");
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length) {
  process.stderr.write(`unknown bench ${unknown.join(", ")}; benches: ${Object.keys(BENCHES).join(", ")}\n`);
  process.exit(2);
}
const rows: { bench: string; row: BenchRow }[] = [];
const failures: string[] = [];
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  const started = Date.now();
  process.stderr.write(`… ${name}\n`);
  try {
    for (const row of await (await BENCHES[name]!())()) rows.push({ bench: name, row });
  } catch (error) {
    failures.push(`${name}: ${(error as Error).message}`);
  }
  process.stderr.write(`  ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
process.stdout.write(`${format(rows)}\n`);
for (const f of failures) process.stdout.write(`FAILED ${f}\n`);
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/latest.json", import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), rows, failures }, null, 2)}\n`);
process.exitCode = failures.length ? 1 : 0;
