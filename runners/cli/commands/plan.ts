// `drill plan`: what the continuity plan says — services, objectives, failover
// targets, dependencies and hazards — and the dependency tree.
import { defineCommand } from "citty";
import type { PlanT, ServiceT } from "../../../stacks/lib/index.ts";
import { inputError } from "../../../core/errors.ts";
import { debugArg, jsonArg, planSourceArgs, planSourceOf } from "../args.ts";
import { eprintln, paint, printJson, println, table } from "../output.ts";

const planDocumentArgs = {
  format: { type: "string", description: "Print the plan as a document instead: html or md (business impact, risks, objectives, strategies, runbooks, schedule, training)", valueHint: "html|md" },
  evidence: { type: "string", description: "With --format: journals for the schedule's last/next exercise and training", valueHint: "dir" },
} as const;

export const planCommand = defineCommand({
  meta: { name: "plan", description: "Show the continuity plan: services, objectives, failover targets, dependencies, hazards" },
  args: { ...planSourceArgs, ...jsonArg, ...debugArg, ...planDocumentArgs },
  async run({ args }) {
    const { loadPlan } = await import("../../plan/load.ts");
    const { maskSecrets } = await import("../../plan/mask-secrets.ts");
    const loaded = await loadPlan(planSourceOf(args));
    // Secret config values never reach the screen, in text or JSON.
    const plan = maskSecrets(loaded.plan, loaded.secrets ?? []);
    // What the mocks could not see goes to stderr, so --json stays a plan.
    for (const note of loaded.notes) eprintln(paint.yellow(`note: ${note}`));
    if (args.json) return printJson(plan);
    if (args.format !== undefined) return void process.stdout.write(await planDocument(loaded, plan, args.format, args.evidence));
    println(paint.bold(`Plan ${plan.project}/${plan.stack} (target ${plan.target}) — ${plan.services.length} services`));
    println(paint.dim(`from ${loaded.origin}`));
    println();
    println(servicesTable(plan));
    println();
    for (const s of plan.services) println(serviceDetail(s));
    println(paint.bold("Dependencies"));
    println(dependencyTree(plan));
  },
});

function servicesTable(plan: PlanT): string {
  const o = (v: string | number | undefined, suffix = "") => (v === undefined ? paint.yellow("—") : `${v}${suffix}`);
  return table(
    ["SERVICE", "TIER", "RTO", "RPO", "MTPD", "MIN AVAIL", "EXERCISE", "OWNER"],
    plan.services.map((s) => [
      paint.cyan(s.name), String(s.tier), o(s.objectives.rto), o(s.objectives.rpo), o(s.objectives.mtpd),
      o(s.objectives.minAvailability, "%"), o(s.objectives.exerciseEvery), s.owner,
    ]),
  );
}

function serviceDetail(s: ServiceT): string {
  const lines = [`${paint.cyan(s.name)}${s.description ? paint.dim(` — ${s.description}`) : ""}`];
  for (const t of s.failoverTargets) {
    const how = [t.mechanism, t.via && `via ${t.via}`, t.replication && (t.replication === "none" ? "no replication" : `${t.replication} replication`)].filter(Boolean).join(", ");
    lines.push(`  failover  ${t.name} (${t.kind}; ${how}): ${t.primary} → ${t.standbys.join(", ") || paint.yellow("no standby")}`);
  }
  for (const d of s.dependsOn) lines.push(`  depends   ${d.service} (${d.kind}${d.degradedMode ? `; degraded mode: ${d.degradedMode}` : ""})`);
  for (const h of s.hazards) lines.push(`  hazard    ${h.id}: ${h.title} [${h.likelihood}, ${h.impact}]`);
  return `${lines.join("\n")}\n`;
}

/** Services nobody depends on are roots; each lists what it needs, recursively. */
export function dependencyTree(plan: PlanT): string {
  const byName = new Map(plan.services.map((s) => [s.name, s]));
  const needed = new Set(plan.services.flatMap((s) => s.dependsOn.map((d) => d.service)));
  const roots = plan.services.filter((s) => !needed.has(s.name));
  const lines: string[] = [];
  const walk = (s: ServiceT, prefix: string, seen: Set<string>) => {
    s.dependsOn.forEach((d, i) => {
      const last = i === s.dependsOn.length - 1;
      lines.push(`${prefix}${last ? "└── " : "├── "}${d.service} ${paint.dim(`(${d.kind})`)}`);
      const child = byName.get(d.service);
      if (child && !seen.has(child.name)) walk(child, prefix + (last ? "    " : "│   "), new Set([...seen, child.name]));
    });
  };
  for (const r of roots.length ? roots : plan.services) {
    lines.push(paint.cyan(r.name));
    walk(r, "", new Set([r.name]));
  }
  return lines.join("\n");
}

/**
 * The plan document (reports/html/plan-document.ts), with readiness from --evidence when given.
 * `shown` is the plan with secrets masked; the digest and readiness come from the plan as
 * drills see it (`loaded.plan`), so the digest matches the journals' and freshness is not
 * misjudged as "the plan changed" by a masked value.
 */
async function planDocument(loaded: { plan: PlanT; origin: string }, shown: PlanT, format: string, evidence: string | undefined): Promise<string> {
  if (format !== "html" && format !== "md") throw inputError(`--format: "${format}" is not html or md`, { field: "--format" });
  const reports = await import("../../../reports/index.ts");
  const { digestOf } = await import("../../../journal/identity.ts");
  const set = evidence === undefined ? undefined : await reports.readEvidence([evidence]);
  const o = {
    origin: loaded.origin, generator: (await import("../../../reports/version.ts")).rendererLabel(), planDigest: digestOf(loaded.plan),
    ...(set ? { readiness: reports.readiness(loaded.plan, set, new Date(), await reports.readFollowups(set.journals)) } : {}),
  };
  return format === "html" ? reports.renderPlanHtml(shown, o) : reports.renderPlanMarkdown(shown, o);
}
