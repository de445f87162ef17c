// Everything of the plan library, schemas included, for the harness itself.
// Users import the package entry, public.ts (continuity-drill/stacks):
//   import { CriticalService, declarePlan } from "continuity-drill/stacks";
export { CriticalService, CRITICAL_SERVICE_TYPE, type CriticalServiceArgs } from "./critical-service.ts";
export { declarePlan, type PlanMeta } from "./plan.ts";
export * from "./schema.ts";
export * from "./node-access.ts";
export { validatePlan, validateService, findCycles } from "./validate.ts";
export { PlanInputError, type FieldProblem } from "./issues.ts";
export { parseDuration, formatDuration, isDuration, humanMs, DURATION_HINT } from "../../core/duration.ts";
