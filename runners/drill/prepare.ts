// Everything about a drill that can be checked before touching anything: the
// scenario's shape, its names against the plan, every fault's parameters and
// target, every probe and ledger spec. A problem is an input DrillError naming the
// scenario file and the field.
import { parseDuration, type HazardT, type PlanT, type ServiceT } from "../../stacks/lib/index.ts";
import { problemsOf } from "../../stacks/lib/issues.ts";
import { Scenario, type FaultSpecT, type ScenarioT } from "../../scenarios/schema.ts";
import { inputError, kindOf, messageOf } from "../../core/errors.ts";
import type { FaultKind } from "../faults/fault.ts";
import { faultKind, parseFaultParams } from "../faults/registry.ts";
import { checkTarget } from "../faults/targets.ts";
import { parseLedgerSpec } from "../ledger/spec.ts";
import { parseProbeSpec } from "../probes/index.ts";
import { importScenario } from "../scenarios/discover.ts";
import { ledgerSpecFor, loadSpecFor, probeSpecFor } from "./workload-specs.ts";
import { parseLoadSpec } from "../load/index.ts";
import { dirname } from "node:path";
import type { PlannedStep } from "../gameday/step-runner.ts";
import type { ManualStepT } from "../../scenarios/schema.ts";

const TARGET_WORDS = { node: "a node", endpoint: "an endpoint", none: "nothing", experiment: "an experiment template" } as const;

export interface PreparedFault {
  index: number;
  spec: FaultSpecT;
  kind: FaultKind<unknown, Record<string, unknown>>;
  params: unknown;
  durationMs?: number;
}

export interface PreparedDrill {
  file: string;
  name: string;
  scenario: ScenarioT;
  plan: PlanT;
  planOrigin: string;
  service: ServiceT;
  hazard: HazardT;
  faults: PreparedFault[];
  probeSpecs: Record<string, unknown>[];
  ledgerSpecs: Record<string, unknown>[];
  loadSpec?: Record<string, unknown>;
  windowsMs: { steady: number; baseline: number; stableFor: number; observeTimeout: number; after: number; quietFor: number };
  /** Manual steps (game days), resolved against the service's runbook. */
  steps: PlannedStep[];
  objectivesMs: { rto?: number; rpo?: number; mtpd?: number; minAvailability?: number; exerciseEvery?: number };
}

export async function prepareDrill(file: string, plan: PlanT, planOrigin: string): Promise<PreparedDrill> {
  const { value, defaultName, file: path } = await importScenario(file);
  return prepareScenario(value, path, defaultName, plan, planOrigin);
}

export function prepareScenario(value: unknown, file: string, defaultName: string, plan: PlanT, planOrigin: string): PreparedDrill {
  const parsed = Scenario.safeParse(value);
  if (!parsed.success) {
    const problems = problemsOf(parsed.error).map((p) => `${p.path}: ${p.message}`);
    // Fault kinds are checked against the registry, not the schema: name a wrong one here too.
    const rawFaults = (value as { faults?: unknown } | null)?.faults;
    (Array.isArray(rawFaults) ? rawFaults : []).forEach((f: { kind?: unknown }, i) =>
      collectAll(problems, [() => typeof f?.kind === "string" && faultKind(f.kind, `faults[${i}]`)]),
    );
    throw inputError(`${file}: invalid scenario:\n${problems.sort().map((p) => `  ${p}`).join("\n")}`, { file });
  }
  const scenario = parsed.data;
  const at = (field: string) => `${file}: ${field}`;
  const service = plan.services.find((s) => s.name === scenario.service);
  if (!service) throw inputError(`${at("service")}: "${scenario.service}" is not in the plan (services: ${plan.services.map((s) => s.name).join(", ")})`);
  const hazard = service.hazards.find((h) => h.id === scenario.hazard);
  if (!hazard) throw inputError(`${at("hazard")}: "${scenario.hazard}" is not a hazard of "${service.name}" (declared: ${service.hazards.map((h) => h.id).join(", ") || "none"})`);

  // Every problem of the scenario is listed at once, not the first one only.
  const problems: string[] = [];
  const faults = collectAll(problems, scenario.faults.map((spec, index) => () => {
    const where = at(`faults[${index}]`);
    const kind = faultKind(spec.kind, where);
    checkTarget(plan, service.name, spec.target, where);
    const targetKind = "node" in spec.target || "role" in spec.target ? "node" : "endpoint" in spec.target ? "endpoint" : "none" in spec.target ? "none" : "experiment";
    if (!kind.targets.includes(targetKind)) throw inputError(`${where}.target: ${spec.kind} cannot target ${TARGET_WORDS[targetKind]} (it targets: ${kind.targets.join(", ")})`, { field: `${where}.target` });
    return { index, spec, kind, params: parseFaultParams(spec.kind, spec.params, where), durationMs: spec.duration ? parseDuration(spec.duration) : undefined };
  }));
  const probeSpecs = collectAll(problems, scenario.workload.probes.map((p, i) => () => {
    const spec = probeSpecFor(plan, service.name, p, at(`workload.probes[${i}]`));
    parseProbeSpec(spec, at(`workload.probes[${i}]`));
    return spec;
  }));
  const ledgerSpecs = collectAll(problems, scenario.workload.ledgers.map((l, i) => () => {
    const spec = ledgerSpecFor(plan, service.name, l, at(`workload.ledgers[${i}]`));
    parseLedgerSpec(spec, at(`workload.ledgers[${i}]`));
    return spec;
  }));
  const load = scenario.workload.load;
  // Scenario files live in scenarios/<stack>/; k6 scripts in scenarios/k6/.
  const [loadSpec] = collectAll(problems, [() => {
    const spec = load ? loadSpecFor(plan, service.name, load, dirname(dirname(file)), at("workload.load")) : undefined;
    if (spec) parseLoadSpec(spec, at("workload.load"));
    return spec;
  }]);
  const names = probeSpecs.map((p) => p.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) problems.push(`${at("workload.probes")}: two probes are named "${dup}"; give them distinct names`);
  if (problems.length > 0) throw inputError(problems.length === 1 ? problems[0]! : `${file}: invalid scenario:\n${problems.map((p) => `  ${p.startsWith(`${file}: `) ? p.slice(file.length + 2) : p}`).join("\n")}`);

  const o = service.objectives;
  const objectivesMs = {
    rto: o.rto !== undefined ? parseDuration(o.rto) : undefined,
    rpo: o.rpo !== undefined ? parseDuration(o.rpo) : undefined,
    mtpd: o.mtpd !== undefined ? parseDuration(o.mtpd) : undefined,
    minAvailability: o.minAvailability,
    exerciseEvery: o.exerciseEvery !== undefined ? parseDuration(o.exerciseEvery) : undefined,
  };
  const w = scenario.windows;
  const observeTimeout = w.observeTimeout ? parseDuration(w.observeTimeout) : Math.max(3 * (objectivesMs.rto ?? 10_000), 30_000);
  const stableFor = parseDuration(w.stableFor);
  const quietFor = w.quietFor ? parseDuration(w.quietFor) : Math.max(stableFor, Math.min(objectivesMs.rto ?? 30_000, 30_000));
  const windowsMs = { steady: parseDuration(w.steady), baseline: parseDuration(w.baseline), stableFor, observeTimeout, after: parseDuration(w.after), quietFor };
  const steps = scenario.steps.map((st, i) => plannedStep(st, i, service, at(`steps[${i}]`)));
  const dupStep = steps.map((st) => st.id).find((id, i, all) => all.indexOf(id) !== i);
  if (dupStep) throw inputError(`${at("steps")}: two steps have the id "${dupStep}"`);
  return { file, name: scenario.name ?? defaultName, scenario, plan, planOrigin, service, hazard, faults, probeSpecs, ledgerSpecs, ...(loadSpec ? { loadSpec } : {}), windowsMs, objectivesMs, steps };
}

/** Each check's result; an input DrillError is collected into `problems` instead of ending the checks. */
function collectAll<T>(problems: string[], checks: (() => T)[]): T[] {
  const out: T[] = [];
  for (const check of checks) {
    try {
      out.push(check());
    } catch (error) {
      if (kindOf(error) !== "input") throw error;
      problems.push(messageOf(error));
    }
  }
  return out;
}

/** A manual step's text, role and time target come from the runbook step it names, unless given. */
function plannedStep(st: ManualStepT, i: number, service: ServiceT, where: string): PlannedStep {
  const book = st.runbook === undefined ? undefined : service.runbook[st.runbook];
  if (st.runbook !== undefined && !book) {
    throw inputError(`${where}.runbook: step ${st.runbook} is not in the runbook of "${service.name}" (it has ${service.runbook.length} steps, numbered from 0)`, { field: `${where}.runbook` });
  }
  const text = st.text ?? book?.step;
  if (!text) throw inputError(`${where}: a manual step needs "runbook" (an index into the service's runbook) or "text"`);
  const role = st.role ?? book?.role;
  return {
    id: st.id ?? `step-${i + 1}`, text, ...(role ? { role } : {}), at: st.at, timeLimitMs: parseDuration(st.timeLimit),
    ...(book?.target ? { targetMs: parseDuration(book.target) } : {}), ...(st.rehearse ? { rehearse: st.rehearse } : {}),
  };
}
