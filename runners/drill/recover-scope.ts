// What `drill recover` may touch: only systems that drills of THIS state
// directory recorded faults on. Each leftover fault names its drill's journal,
// whose first record says which stack and target the drill used (and, for a
// self-managed system, how its nodes are read); restore goes to those systems
// only — never to our embedded stack because it is the default, never to
// another team's system.
import { readFileSync } from "node:fs";
import type { PlanT, ServiceT } from "../../stacks/lib/index.ts";
import type { ActiveFault } from "../faults/fault-journal.ts";
import { localStack } from "./local-stack.ts";
import { selfManagedStack } from "./self-managed-stack.ts";
import type { StackAdapter } from "./stack-adapter.ts";

export interface UsedSystem {
  project: string;
  stack: string;
  target: string;
  service?: ServiceT;
}

function firstRecord(journal: string): { plan?: { project?: string; stack?: string; target?: string }; service?: ServiceT } | undefined {
  try {
    const text = readFileSync(journal, "utf8");
    return JSON.parse(text.slice(0, text.indexOf("\n") >= 0 ? text.indexOf("\n") : undefined)) as never;
  } catch {
    return undefined;
  }
}

/** The systems the leftover faults were injected into, once each (by project, stack and target). */
export function systemsOf(faults: ActiveFault[]): UsedSystem[] {
  const seen = new Map<string, UsedSystem>();
  for (const f of faults) {
    const rec = f.journal ? firstRecord(f.journal) : undefined;
    if (!rec?.plan?.stack || !rec.plan.target) continue;
    const used: UsedSystem = { project: rec.plan.project ?? "", stack: rec.plan.stack, target: rec.plan.target, ...(rec.service ? { service: rec.service } : {}) };
    seen.set(`${used.project}/${used.stack}/${used.target}/${used.service?.name ?? ""}`, used);
  }
  return [...seen.values()];
}

/** One adapter that restores each used system with the adapter its target has (aws: nothing of ours to restore). */
export function recoverAdapter(systems: UsedSystem[]): StackAdapter | undefined {
  const adapters = systems.flatMap((s): StackAdapter[] => {
    if (s.target === "local") return [localStack({ stack: s.stack })];
    if (s.target === "self-managed" && s.service) {
      const plan = { version: 1, project: s.project, stack: s.stack, target: "self-managed", services: [s.service] } as PlanT;
      return [selfManagedStack(plan)];
    }
    return [];
  });
  if (adapters.length === 0) return undefined;
  return {
    name: adapters.map((a) => a.name).join(" + "),
    async restore(onProgress) {
      const lines: string[] = [];
      for (const a of adapters) if (a.restore) lines.push(`${a.name}: ${await a.restore(onProgress)}`);
      return lines.join("; ");
    },
  };
}

/**
 * Does a leftover fault block drills on this plan's system? Only faults on the
 * same project, stack and target do (and any whose system cannot be read: the
 * safe side). A failed heal on another team's staging does not stop this run.
 */
export function blocksPlan(fault: ActiveFault, plan: Pick<PlanT, "project" | "stack" | "target">): boolean {
  const [used] = systemsOf([fault]);
  return !used || (used.project === plan.project && used.stack === plan.stack && used.target === plan.target);
}
