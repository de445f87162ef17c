// What a scenario author may write as `params` for each fault kind, read off the
// kinds' own zod schemas (runners/faults/*) so the two cannot drift: a typo in a
// kind or a param is a TypeScript error in the editor, and the same schema still
// validates the file at run time. Type-only imports: erased when compiled, so a
// scenario loads nothing of the engine (docs/design.md "Layout").
import type { z } from "zod";
import type { Params as CommandParams } from "../runners/faults/command.ts";
import type { FisParams } from "../runners/faults/fis-params.ts";
import type { Params as NetLatencyParams } from "../runners/faults/net-latency.ts";
import type { Params as NetPartitionParams } from "../runners/faults/net-partition.ts";
import type { Params as ProcessKillParams } from "../runners/faults/process-kill.ts";
import type { Params as ProcessPauseParams } from "../runners/faults/process-pause.ts";

/**
 * Each registered fault kind's params as written in a scenario (zod input: fields
 * with a default may be left out). Durations are strings such as "500ms", "10s".
 */
export interface FaultParamsByKind {
  /** signal (default "SIGKILL"), group: the node's whole process group (default true). */
  "process.kill": z.input<typeof ProcessKillParams>;
  /** group: stop the node's whole process group with SIGSTOP (default true). */
  "process.pause": z.input<typeof ProcessPauseParams>;
  /** via "firewall" (default) or "proxy"; mode with the proxy: "blackhole" (default) or "reset". */
  "net.partition": z.input<typeof NetPartitionParams>;
  /** delay: a duration added to each direction; jitter: a duration, default none. */
  "net.latency": z.input<typeof NetLatencyParams>;
  /** inject / heal / check: argv arrays; checkWithin (default "10s") and timeout (default "30s"): durations. */
  command: z.input<typeof CommandParams>;
  /** An AWS FIS experiment: a template by target or inline, region, durations for polling. */
  "fis.experiment": z.input<typeof FisParams>;
}

export type FaultKindName = keyof FaultParamsByKind;
