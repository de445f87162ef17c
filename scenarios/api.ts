// What scenario scripts import:
//   import { defineScenario } from "continuity-drill/scenarios";
//   export default defineScenario({ service: "orders-db", hazard: "node-loss", ... });
// Validation happens when the runner loads the scenario, against the plan, so
// every problem is reported with the file's name before anything is touched.
import type { ScenarioInput } from "./schema.ts";

export type { ScenarioInput, ScenarioT, FaultSpecT, ProbeSpecT, LedgerSpecT } from "./schema.ts";

/** Identity at run time; gives scenario authors types and completion. */
export function defineScenario<const T extends ScenarioInput>(scenario: T): T {
  return scenario;
}
