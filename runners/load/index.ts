// Public surface of load generation: the engine imports from here.
export { createLoad, type CreateLoadOptions } from "./create.ts";
export type { LoadGenerator, LoadResult, LoadStats, LoadWhich } from "./load.ts";
export { parseLoadSpec, LoadSpecSchema, type LoadSpec, type LoadSpecInput } from "./spec.ts";
export { webMixTargets } from "./web-mix.ts";
export { SqlWriteLoad } from "./sql-write-load.ts";
export { parseSqlWriteSpec, SqlWriteSpecSchema, type SqlWriteSpec } from "./sql-write-spec.ts";
export { SqlWriteTally, type SqlWriteCounts } from "./sql-tally.ts";
