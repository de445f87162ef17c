// Which drills are repeats of one another: same project, same stack, same
// scenario (two projects may share stack and scenario names; each is judged
// against its own objective). Within a group, drills are ordered by when they
// started, oldest first. Journals that did not count are attached to the group
// their first record names.
import type { IgnoredJournal } from "../../journal/evidence-set.ts";
import type { Journal } from "../../journal/read.ts";

export interface DrillGroup {
  project: string;
  stack: string;
  scenario: string;
  journals: Journal[];
  /** Journals of this scenario that did not count (duplicates, future-dated, unreadable). */
  ignored: IgnoredJournal[];
}

export const UNKNOWN = "(unknown)";

export function groupJournals(journals: readonly Journal[], ignored: readonly IgnoredJournal[] = []): DrillGroup[] {
  const groups = new Map<string, DrillGroup>();
  const groupOf = (project: string, stack: string, scenario: string) => {
    const key = `${project}\u0000${stack}\u0000${scenario}`;
    const group = groups.get(key) ?? { project, stack, scenario, journals: [], ignored: [] };
    groups.set(key, group);
    return group;
  };
  for (const j of journals) groupOf(j.started.plan.project, j.started.plan.stack, j.started.scenario.name).journals.push(j);
  for (const i of ignored) groupOf(i.project ?? UNKNOWN, i.stack ?? UNKNOWN, i.scenario ?? UNKNOWN).ignored.push(i);
  for (const g of groups.values()) g.journals.sort((a, b) => Date.parse(a.started.startedAt) - Date.parse(b.started.startedAt));
  return [...groups.values()].sort((a, b) => a.project.localeCompare(b.project) || a.stack.localeCompare(b.stack) || a.scenario.localeCompare(b.scenario));
}
