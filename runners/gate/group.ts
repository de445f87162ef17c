// Which drills are repeats of one another: same stack, same scenario. Within
// a group, drills are ordered by when they started, oldest first.
import type { Journal } from "../../reports/journal/read.ts";

export interface DrillGroup {
  stack: string;
  scenario: string;
  journals: Journal[];
}

export function groupJournals(journals: readonly Journal[]): DrillGroup[] {
  const groups = new Map<string, DrillGroup>();
  for (const j of journals) {
    const { stack } = j.started.plan;
    const scenario = j.started.scenario.name;
    const key = `${stack}\u0000${scenario}`;
    const group = groups.get(key) ?? { stack, scenario, journals: [] };
    group.journals.push(j);
    groups.set(key, group);
  }
  for (const g of groups.values()) g.journals.sort((a, b) => Date.parse(a.started.startedAt) - Date.parse(b.started.startedAt));
  return [...groups.values()].sort((a, b) => a.stack.localeCompare(b.stack) || a.scenario.localeCompare(b.scenario));
}
