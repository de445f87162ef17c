// What scenario scripts import:
//   import { defineScenario } from "continuity-drill/scenarios";
//   export default defineScenario({ service: "orders-db", hazard: "node-loss", ... });
// Validation happens when the runner loads the scenario, against the plan, so
// every problem is reported with the file's name before anything is touched.
import type { TypedScenarioInput } from "./schema.ts";

export type { ScenarioInput, ScenarioT, FaultSpecT, ProbeSpecT, LedgerSpecT, TypedFaultSpec, TypedScenarioInput } from "./schema.ts";
export type { FaultKindName, FaultParamsByKind } from "./fault-params.ts";

/**
 * Identity at run time; gives scenario authors types and completion. Each fault's
 * `params` is typed by its `kind` (TypedFaultSpec): an unknown kind or param is a
 * compile error. Not generic on purpose: TypeScript checks excess (misspelt) keys
 * only against a declared parameter type, never against an inferred one.
 */
export function defineScenario(scenario: TypedScenarioInput): TypedScenarioInput {
  return scenario;
}
