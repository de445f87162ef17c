// `drill recover`: heal whatever an interrupted or killed run left behind.
// 1. every fault in the fault journal whose runner is gone is healed from its
//    recorded state (SIGCONT, rules removed, proxies back to pass …);
// 2. rules and cgroups of drills of THIS state directory whose runner was
//    killed are swept (tags "drill:<drillId>-…", cgroups drill-<drillId>-…);
//    another team's `drill:*` rules and `drill-*` cgroups are never touched;
// 3. the stack given is brought back to full redundancy (the CLI passes the
//    systems the recorded faults' drills used: recover-scope.ts).
// Faults of a runner that is still alive are left to it.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { monotonicClock } from "../../core/clock.ts";
import { activeFaults, clearFault, leftoverFaults } from "../faults/fault-journal.ts";
import { faultKind } from "../faults/registry.ts";
import { cgroup2Root, dissolveGroup } from "../faults/cgroup.ts";
import { removeRules, rulesOf } from "../faults/iptables.ts";
import type { StackAdapter } from "./stack-adapter.ts";
import { markInterrupted } from "./mark-interrupted.ts";
import { takeOrphanedDrills } from "./running-drills.ts";
import { howToClear } from "./clear-advice.ts";

export interface RecoverReport {
  healed: string[];
  failed: string[];
  /** Faults of runners still alive, not touched. */
  live: string[];
  swept: string[];
  /** Journals of killed drills, now ending with an "interrupted" summary. */
  marked: string[];
  restored?: string;
  /** When a heal failed: what to check by hand and which record to delete (clear-advice.ts). */
  advice?: string;
}

export async function recover(stateDir: string, stack: StackAdapter | undefined, onProgress: (m: string) => void = () => {}): Promise<RecoverReport> {
  const report: RecoverReport = { healed: [], failed: [], live: [], swept: [], marked: [] };
  const leftovers = leftoverFaults(stateDir);
  const liveIds = new Set(activeFaults(stateDir).filter((f) => !leftovers.includes(f)).map((f) => f.id));
  report.live = activeFaults(stateDir).filter((f) => liveIds.has(f.id)).map((f) => f.description);
  const ctxBase = { clock: monotonicClock(), signal: new AbortController().signal, stateDir, note: () => {}, nodes: stack?.nodes, proxies: stack?.proxies };
  const unhealed: typeof leftovers = [];
  for (const f of leftovers) {
    onProgress(`healing ${f.kind}: ${f.description}`);
    try {
      await faultKind(f.kind, `fault journal ${f.id}`).heal(f.state, { ...ctxBase, faultId: f.id });
      clearFault(stateDir, f.id);
      report.healed.push(f.description);
      if (f.journal && markInterrupted(f.journal, `the runner was killed; drill recover healed its faults at ${new Date().toISOString()}`)) report.marked.push(f.journal);
    } catch (error) {
      report.failed.push(`${f.description}: ${(error as Error).message}`);
      unhealed.push(f);
    }
  }
  if (unhealed.length > 0) report.advice = howToClear(unhealed, stateDir, { recoverFailed: true });
  // Killed drills of this state directory: their leftovers (if any) are ours to sweep; their journals to mark.
  const orphaned = takeOrphanedDrills(stateDir);
  await sweepOrphans(new Set([...leftovers.map((f) => f.drillId), ...orphaned.map((d) => d.drillId)]), liveIds, report);
  for (const d of orphaned) {
    if (markInterrupted(d.journal, `the runner was killed; found by drill recover at ${new Date().toISOString()}`)) report.marked.push(d.journal);
  }
  if (stack?.restore) {
    onProgress("restoring full redundancy");
    report.restored = await stack.restore(onProgress);
  }
  return report;
}

/** Rules and cgroups tagged with a fault id of one of `drills` (ids "<drillId>-f<n>"), unless their runner lives. */
async function sweepOrphans(drills: Set<string>, liveIds: Set<string>, report: RecoverReport): Promise<void> {
  const ours = (tag: string) => [...drills].some((d) => tag.startsWith(`${d}-f`)) && !liveIds.has(tag);
  if (drills.size === 0) return;
  let rules: string[] = [];
  try {
    rules = await rulesOf("*");
  } catch {
    return; // no iptables here: nothing of ours can be left in it
  }
  for (const rule of rules) {
    const tag = /--comment "?drill:([^"\s]+)"?/.exec(rule)?.[1];
    if (!tag || !ours(tag)) continue;
    await removeRules(tag);
    report.swept.push(`iptables rule ${rule}`);
  }
  const root = cgroup2Root();
  if (!root) return;
  for (const name of readdirSync(root).filter((n) => n.startsWith("drill-"))) {
    if (!ours(name.slice("drill-".length))) continue;
    dissolveGroup(root, join(root, name));
    report.swept.push(`cgroup ${name}`);
  }
}
