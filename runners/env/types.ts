// The shapes `drill env` and the drill engine share: options in, members out.

export interface EnvOptions {
  /** Root of the harness's state (default: DRILL_STATE_DIR or <repo>/.drill). */
  stateDir?: string;
  /** Receives progress lines while something is being waited for; engine code never prints. */
  onProgress?: (message: string) => void;
  /** Bound on waiting for the environment to become healthy (default 120 s). */
  timeoutMs?: number;
  /** The stack whose local services to manage (default "local"). */
  stack?: string;
}

export type MemberRole = "primary" | "secondary" | "monitor" | "master" | "replica" | "sentinel" | "instance" | "proxy" | "unknown";

export interface Member {
  service: string;
  node: string;
  role: MemberRole | string;
  /** host:port */
  address: string;
  pid?: number;
  pgid?: number;
  process: "running" | "paused" | "dead" | "unknown";
  healthy: boolean;
  detail?: string;
}

export interface EnvStatus {
  stack: string;
  up: boolean;
  members: Member[];
}
