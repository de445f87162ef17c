// What the engine needs from a target stack, behind one small interface: who
// holds which role now, the OS process of a node, the proxy in a client path,
// and how to bring the system back to full redundancy. The local stack answers
// from `drill env`; the aws stack from its APIs.
import type { NodeProcesses, ProxyRoutes } from "../faults/fault.ts";
import type { RoleSource } from "../faults/targets.ts";

export interface StackAdapter {
  name: string;
  roles?: RoleSource;
  nodes?: NodeProcesses;
  proxies?: ProxyRoutes;
  /** Make sure the system runs before a drill (e.g. `env up`); returns a line for the journal. */
  ensureReady?(onProgress: (m: string) => void): Promise<string>;
  /** Bring the system back to full redundancy after a drill (e.g. `env heal`). */
  restore?(onProgress: (m: string) => void): Promise<string>;
  /**
   * Read live, by protocol: is every declared node up in its expected role and
   * replicating? Preflight refuses to inject into a degraded system (unless the
   * run allows it, recorded); after restore the drill polls it, bounded, and
   * reports the time to full redundancy.
   */
  redundancy?(): Promise<Redundancy>;
}

/** The answer of a live redundancy check. */
export interface Redundancy {
  /** True only when every declared node is up in its role and replicating. */
  full: boolean;
  /** One line a reviewer can read: what is missing, or what was found healthy. */
  detail: string;
}

/** A target with nothing to ask: roles come from the plan as declared. */
export const planOnlyStack: StackAdapter = { name: "plan only" };
