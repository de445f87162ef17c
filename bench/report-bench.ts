// Bench: reports for a long drill. A synthetic one-hour drill (3 probes at 100 Hz
// and a ledger at 100 writes/s: about 1.44 million records) is read into a model
// and rendered. Targets: rendering every format ≤ 2 s and the HTML ≤ 2 MB.
// Reading the journal is reported apart: it is bound by JSON parsing and record
// validation, which the journal format owns.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FORMATS, renderFormat } from "../reports/index.ts";
import { loadDrill } from "../reports/model/load.ts";
import { writeSyntheticJournal } from "../test/support/synthetic-journal.ts";
import type { BenchRow } from "./row.ts";

const HOUR = 3_600_000;

export async function benchReports(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "report-bench-"));
  try {
    const file = join(dir, "one-hour.jsonl");
    await writeSyntheticJournal(file, {
      baselineMs: HOUR / 2,
      afterMs: HOUR / 2 - 20_000,
      probes: [{ name: "primary", rateHz: 100 }, { name: "standby", rateHz: 100 }, { name: "via-proxy", rateHz: 100 }],
      ledger: { name: "orders", rateHz: 100 },
      lostBeforeT0: { count: 5, windowMs: 300 },
    });
    const bytes = statSync(file).size;

    let t = performance.now();
    const drill = await loadDrill(file);
    const readMs = performance.now() - t;
    const records = drill.records;

    t = performance.now();
    const out = Object.fromEntries(FORMATS.map((f) => [f, renderFormat(f, [drill])]));
    const renderMs = performance.now() - t;
    const htmlBytes = Buffer.byteLength(out.html!);

    const note = `${records.toLocaleString("en")} records, journal ${(bytes / 1e6).toFixed(0)} MB`;
    return [
      { name: "report: render a 1-hour drill (html, md, json, junit)", value: Math.round(renderMs), unit: "ms", target: "≤ 2000 ms", met: renderMs <= 2_000, note },
      { name: "report: HTML size of a 1-hour drill", value: Math.round(htmlBytes / 1024), unit: "KiB", target: "≤ 2048 KiB", met: htmlBytes <= 2 * 1024 * 1024, note: "self-contained, charts down-sampled without hiding outages" },
      { name: "report: read a 1-hour journal into the model (streamed, validated)", value: Math.round(readMs), unit: "ms", target: "none (JSON parsing + zod validation of every record)", note: `${Math.round(records / (readMs / 1000)).toLocaleString("en")} records/s` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchReports()) process.stdout.write(`${JSON.stringify(row)}\n`);
}
