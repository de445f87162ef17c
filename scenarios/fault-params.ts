// What a scenario author may write as `params` for each fault kind, read off the
// kinds' own zod schemas (runners/faults/*) so the two cannot drift: a typo in a
// kind or a param is a TypeScript error in the editor, and the same schema still
// validates the file at run time. Type-only imports: erased when compiled, so a
// scenario loads nothing of the engine (docs/design.md "Layout").
import type { z } from "zod";
import type { CommandParams } from "../runners/faults/command.ts";
import type { FisParams } from "../runners/faults/fis-params.ts";
import type { NetPartitionParams } from "../runners/faults/net-partition.ts";
import type { ProcessKillParams } from "../runners/faults/process-kill.ts";
import type { ProcessPauseParams } from "../runners/faults/process-pause.ts";
import type { SshCommandParams } from "../runners/faults/ssh-command.ts";
import type { SshProcessKillParams } from "../runners/faults/ssh-process-kill.ts";
import type { SshProcessPauseParams } from "../runners/faults/ssh-process-pause.ts";
import type { ProxyFaultParams } from "../runners/proxy/mode.ts";

/**
 * Each registered fault kind's params as written in a scenario (zod input: fields
 * with a default may be left out). Durations are strings such as "500ms", "10s".
 * A type alias, not an interface: the package build writes it out structurally
 * into the published .d.ts (which must not mention zod); an interface prints by name.
 */
export type FaultParamsByKind = {
  /** signal (default "SIGKILL"), group: the node's whole process group (default true). */
  "process.kill": z.input<typeof ProcessKillParams>;
  /** group: stop the node's whole process group with SIGSTOP (default true). */
  "process.pause": z.input<typeof ProcessPauseParams>;
  /** Cut the node off by firewall (iptables + a cgroup for what it sends); no params. */
  "net.partition": z.input<typeof NetPartitionParams>;
  /** The client path through our proxy: mode "latency" with delay (a duration added each direction) and jitter, or "blackhole", or "reset". */
  "net.proxy": z.input<typeof ProxyFaultParams>;
  /** inject / heal / check: argv arrays; checkWithin (default "10s") and timeout (default "30s"): durations. */
  command: z.input<typeof CommandParams>;
  /** An AWS FIS experiment: a template by target or inline, region, durations for polling. */
  "fis.experiment": z.input<typeof FisParams>;
  /** On a node declared with `ssh`: signal (default "SIGKILL") to every process of the node on its host. */
  "ssh.process.kill": z.input<typeof SshProcessKillParams>;
  /** On a node declared with `ssh`: SIGSTOP the node's processes on its host; heal sends SIGCONT. No params. */
  "ssh.process.pause": z.input<typeof SshProcessPauseParams>;
  /** On a node declared with `ssh`: inject / heal / check argv arrays run on its host; checkWithin (default "10s"), timeout (default "30s"): durations. */
  "ssh.command": z.input<typeof SshCommandParams>;
};

export type FaultKindName = keyof FaultParamsByKind;
