// `drill run --dry-run`: what a run would do, from scenarios validated exactly
// as a run validates them — the faults it would inject and where (targets
// resolved against the plan; a role as the plan declares it, since nothing is
// asked live), the probes and ledgers it would run, the windows and the journal
// it would write. Nothing is started, injected or written.
import { join } from "node:path";
import type { PreparedDrill } from "../drill/prepare.ts";
import { resolveTarget, type ResolvedTarget } from "../faults/targets.ts";
import { redactTarget } from "../probes/redact.ts";

export interface DryRunDrill {
  scenario: string;
  file: string;
  service: string;
  hazard: string;
  inject: { kind: string; target: ResolvedTarget; durationMs?: number; params: unknown }[];
  probe: { name: string; kind: string; target: string; rateHz?: number }[];
  ledger: { name: string; kind: string; target: string; rateHz?: number }[];
  load?: Record<string, unknown>;
  windowsMs: PreparedDrill["windowsMs"];
  /** Where the journal would be written (the drill id is chosen at run time). */
  journalDir: string;
  manualSteps: string[];
}

const shown = (spec: Record<string, unknown>) => ({
  name: String(spec.name ?? spec.kind),
  kind: String(spec.kind),
  target: typeof spec.target === "string" ? redactTarget(spec.target) : "sentinel" in spec ? "(via Sentinel)" : "—",
  ...(typeof spec.rateHz === "number" ? { rateHz: spec.rateHz } : {}),
});

export async function dryRun(drills: readonly PreparedDrill[], outDir: string): Promise<DryRunDrill[]> {
  return Promise.all(
    drills.map(async (d) => ({
      scenario: d.name,
      file: d.file,
      service: d.service.name,
      hazard: d.hazard.id,
      inject: await Promise.all(d.faults.map(async (f) => ({
        kind: f.spec.kind,
        target: await resolveTarget(d.plan, d.service.name, f.spec.target, undefined),
        ...(f.durationMs !== undefined ? { durationMs: f.durationMs } : {}),
        params: f.params,
      }))),
      probe: d.probeSpecs.map(shown),
      ledger: d.ledgerSpecs.map(shown),
      ...(d.loadSpec ? { load: d.loadSpec } : {}),
      windowsMs: d.windowsMs,
      journalDir: join(outDir, "journals", d.plan.stack, d.name),
      manualSteps: d.steps.map((s) => s.text),
    })),
  );
}

const where = (t: ResolvedTarget) =>
  t.kind === "node" ? `node ${t.node} of ${t.service}${t.role ? ` (the ${t.role} as declared)` : ""}${t.address ? ` at ${redactTarget(t.address)}` : ""}`
  : t.kind === "endpoint" ? `endpoint ${t.endpoint} of ${t.service} at ${redactTarget(t.address ?? "?")}`
  : t.kind === "experiment" ? `experiment template ${t.template}` : "nothing";

/** The dry run as text for people. */
export function dryRunText(plan: DryRunDrill[]): string {
  const lines: string[] = [];
  for (const d of plan) {
    lines.push(`${d.scenario}  (${d.service} / ${d.hazard})  ${d.file}`);
    for (const f of d.inject) lines.push(`  inject  ${f.kind} on ${where(f.target)}${f.durationMs !== undefined ? ` for ${f.durationMs} ms` : ""}${f.params && Object.keys(f.params).length ? ` ${JSON.stringify(f.params)}` : ""}`);
    for (const p of d.probe) lines.push(`  probe   ${p.name} (${p.kind}) → ${p.target}${p.rateHz ? ` at ${p.rateHz} Hz` : ""}`);
    for (const l of d.ledger) lines.push(`  ledger  ${l.name} (${l.kind}) → ${l.target}${l.rateHz ? ` at ${l.rateHz} Hz` : ""}`);
    if (d.load) lines.push(`  load    ${JSON.stringify(d.load)}`);
    for (const s of d.manualSteps) lines.push(`  step    ${s}`);
    const w = d.windowsMs;
    lines.push(`  windows steady ${w.steady} ms, baseline ${w.baseline} ms, stable for ${w.stableFor} ms, observe ≤ ${w.observeTimeout} ms, after ${w.after} ms`);
    lines.push(`  journal ${d.journalDir}/<drill id>.jsonl`);
    lines.push("");
  }
  lines.push(`dry run: ${plan.length} scenario(s) valid; nothing was started, injected or written`);
  return lines.join("\n");
}
