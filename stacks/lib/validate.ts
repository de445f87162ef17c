// Whole-plan validation: the schema, then what a schema cannot see — that every
// dependency names a declared service and that dependencies have no cycle (V3).
import { Plan, Service } from "./schema.ts";
import type { PlanT, ServiceT } from "./types.ts";
import { PlanInputError, problemsOf, type FieldProblem } from "./issues.ts";

/** Prefix `services[i]` paths with the service's name so a reader finds it at once. */
function nameServices(value: unknown, problems: FieldProblem[]): FieldProblem[] {
  const services = (value as { services?: unknown })?.services;
  if (!Array.isArray(services)) return problems;
  return problems.map((p) => {
    const m = /^services\[(\d+)\](.*)$/.exec(p.path);
    const svcName = m ? (services[Number(m[1])] as { name?: unknown })?.name : undefined;
    if (!m || typeof svcName !== "string") return p;
    return { path: `service "${svcName}" (services[${m[1]}])${m[2] ? ` ${m[2].replace(/^\./, "")}` : ""}`, message: p.message };
  });
}

export function validateService(value: unknown, source: string): ServiceT {
  const parsed = Service.safeParse(value);
  if (!parsed.success) throw new PlanInputError(source, problemsOf(parsed.error));
  return parsed.data;
}

export function validatePlan(value: unknown, source: string): PlanT {
  const parsed = Plan.safeParse(value);
  if (!parsed.success) throw new PlanInputError(source, nameServices(value, problemsOf(parsed.error)));
  const problems = [...duplicateNames(parsed.data), ...missingDependencies(parsed.data), ...dependencyCycles(parsed.data)];
  if (problems.length > 0) throw new PlanInputError(source, problems);
  return parsed.data;
}

function duplicateNames(plan: PlanT): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const s of plan.services) {
    if (seen.has(s.name)) out.push({ path: `service "${s.name}" name`, message: "declared more than once" });
    seen.add(s.name);
  }
  return out;
}

function missingDependencies(plan: PlanT): FieldProblem[] {
  const names = new Set(plan.services.map((s) => s.name));
  return plan.services.flatMap((s) =>
    s.dependsOn
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => !names.has(d.service))
      .map(({ d, i }) => ({
        path: `service "${s.name}" dependsOn[${i}].service`,
        message: `V3: depends on "${d.service}", which the plan does not declare (declared: ${[...names].join(", ")})`,
      })),
  );
}

/** Every dependency cycle, each reported once, as `a → b → a`. */
export function findCycles(plan: PlanT): string[][] {
  const edges = new Map(plan.services.map((s) => [s.name, s.dependsOn.map((d) => d.service)]));
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (n: string) => {
    if (state.get(n) === "done") return;
    if (state.get(n) === "open") {
      cycles.push([...stack.slice(stack.indexOf(n)), n]);
      return;
    }
    state.set(n, "open");
    stack.push(n);
    for (const m of edges.get(n) ?? []) if (edges.has(m)) visit(m);
    stack.pop();
    state.set(n, "done");
  };
  for (const n of edges.keys()) visit(n);
  return cycles;
}

function dependencyCycles(plan: PlanT): FieldProblem[] {
  return findCycles(plan).map((cycle) => ({
    path: `service "${cycle[0]}" dependsOn`,
    message: `V3: dependency cycle ${cycle.join(" → ")}`,
  }));
}
