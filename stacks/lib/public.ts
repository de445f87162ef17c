// The package entry `continuity-drill/stacks`: what users import into their own
// Pulumi programs, and nothing whose declarations mention zod (a `pulumi new`
// project compiles our .d.ts without skipLibCheck, and zod's do not compile
// under moduleResolution node). The schemas stay internal (index.ts).
//   import { CriticalService, declarePlan } from "continuity-drill/stacks";
export { CriticalService, CRITICAL_SERVICE_TYPE, type CriticalServiceArgs } from "./critical-service.ts";
export { declarePlan, type PlanMeta } from "./plan.ts";
export type * from "./types.ts";
export { validatePlan, validateService, findCycles } from "./validate.ts";
export { PlanInputError, type FieldProblem } from "./issues.ts";
export { parseDuration, formatDuration, isDuration, humanMs, DURATION_HINT } from "../../core/duration.ts";
