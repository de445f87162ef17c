// A fault: one injectable failure with inject, check and heal. Like a toxiproxy
// toxic, each kind is one small file with its own parameters as plain data;
// the envelope (kind, target, duration) is shared and lives in the scenario.
//
// `plan` turns parameters and a resolved target into a serialisable `state`:
// everything heal needs, written to the on-disk fault journal BEFORE inject
// runs. Heal must work from that state alone, in another process (`drill
// recover` after the runner was killed), and must be idempotent: healing a fault
// that was never applied, or was healed already, is harmless.
import type { z } from "zod";
import type { Clock } from "../../core/clock.ts";
import type { FaultOs } from "./os.ts";
import type { ResolvedTarget } from "./targets.ts";
import type { NodeProcessT, NodeSshT } from "../../stacks/lib/index.ts";

/**
 * The OS processes behind a plan-declared node. The local stack names one
 * process and its group; a self-managed node names `roots` (e.g. Patroni and
 * its double-forked postmaster): the node is each root with its descendants,
 * and no process group is signalled (a user's group may hold anything).
 */
export interface NodeProcesses {
  process(node: string): Promise<{ pid: number; pgid?: number; cmdline: string; roots?: number[] } | undefined>;
  /** A node on another host: how ssh reaches it and which processes serve it there (the ssh.* faults). */
  remote?(node: string): Promise<{ ssh: NodeSshT; process: NodeProcessT } | undefined>;
}

/** The proxy of ours that sits in the client path to a node or endpoint, if any. */
export interface ProxyRoutes {
  proxyFor(target: ResolvedTarget): Promise<{ controlUrl: string; name: string } | undefined>;
}

export interface FaultContext {
  /** Unique id of this fault instance (drill id + index); tags rules and records. */
  faultId: string;
  clock: Clock;
  /** Aborted on Ctrl-C / SIGTERM: long operations must give up promptly. */
  signal: AbortSignal;
  /** Root of the harness's state (.drill). */
  stateDir: string;
  /** Records a note in the drill journal. */
  note(level: "info" | "warn", message: string): void;
  nodes?: NodeProcesses;
  proxies?: ProxyRoutes;
  /** A step of the fault that a remote service reports (a FIS action starting or ending), for the journal. */
  action?: (e: { t: number; detail: string; target?: Record<string, unknown> }) => void;
  /** The plan's region, for faults that call a cloud API. */
  region?: string;
  /** The OS the fault acts on (processes, iptables, cgroups …); default: the real one (os-real.ts). Unit tests pass fakes. */
  os?: Partial<FaultOs>;
}

export interface CheckResult {
  /** The fault demonstrably took effect (the process is gone, the port silent …). */
  confirmed: boolean;
  detail: string;
}

export type FaultState = Record<string, unknown>;

export interface FaultKind<P = unknown, S extends FaultState = FaultState> {
  kind: string;
  description: string;
  /** Schema of the kind's own parameters (strict: unknown keys rejected). */
  params: z.ZodType<P>;
  /** Which targets make sense: a node of the plan, an endpoint, none … */
  targets: readonly ResolvedTarget["kind"][];
  /** Decide what inject will do; no side effects. The result goes to the fault journal first. */
  prepare(params: P, target: ResolvedTarget, ctx: FaultContext): Promise<S>;
  inject(state: S, ctx: FaultContext): Promise<void>;
  check(state: S, ctx: FaultContext): Promise<CheckResult>;
  heal(state: S, ctx: FaultContext): Promise<void>;
  /** A short human description of the concrete fault, for progress and reports. */
  describe(state: S): string;
  /** Set on an old spelling kept working: what to write instead (also noted in the drill's journal when used). */
  deprecated?: string;
}
