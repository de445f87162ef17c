// The plan's shapes as plain TypeScript, for the declarations users compile
// against. The zod schemas (schema.ts) stay internal: their .d.ts pull in zod's,
// which a `pulumi new` project (strict, moduleResolution node, no skipLibCheck)
// cannot compile. test/unit/stacks/public-types.check.ts proves at type-check time
// that every shape here is exactly what the schema parses to (…T) or accepts (…Input).

/** A duration string: "250ms", "30s", "5m", "1h30m", "90d" (units w d h m s ms, largest first, each once). */
export type DurationText = string;

/** Recovery objectives of a service. Every field is optional. */
export interface ObjectivesT {
  /** Recovery time objective: longest acceptable client-observed outage. */
  rto?: DurationText | undefined;
  /** Recovery point objective: longest window of acknowledged writes that may be lost ("0s": none). */
  rpo?: DurationText | undefined;
  /** Maximum tolerable period of disruption. */
  mtpd?: DurationText | undefined;
  /** Minimum share of requests, in percent (0–100), that must succeed while disrupted. */
  minAvailability?: number | undefined;
  /** How often the continuity arrangements must be exercised. */
  exerciseEvery?: DurationText | undefined;
}
export type ObjectivesInput = ObjectivesT;

/** Which OS processes serve a node: the union of all named, each with its descendants. Name at least one. */
export interface NodeProcessT {
  /** A systemd unit whose cgroup holds every process of the node. */
  systemdUnit?: string | undefined;
  /** A file whose first line is the PID of a process of the node (e.g. <datadir>/postmaster.pid). */
  pidfile?: string | undefined;
  /** TCP ports (1–65535) on this host; the process listening on each belongs to the node. */
  ports?: number[] | undefined;
}

/** The node runs on another host, reached over SSH (BatchMode: keys only, host key always checked): its processes are found and signalled there. */
export interface NodeSshT {
  /** The node's host as ssh reaches it (name or address). */
  host: string;
  /** Login user, allowed to signal the node's processes. Default "root". */
  user: string;
  /** 1–65535. Default 22. */
  port: number;
  /** Private key file for this host. */
  identityFile: string;
  /** known_hosts with this host's key (default: ssh's own). */
  knownHostsFile?: string | undefined;
}
/** What authors write for `ssh`: `user` and `port` may be left out. */
export interface NodeSshInput {
  host: string;
  user?: string | undefined;
  port?: number | undefined;
  identityFile: string;
  knownHostsFile?: string | undefined;
}

/** A node of a system the user runs (target `self-managed`): how its role is read live, which processes serve it. */
export interface NodeAccessT {
  protocol: "postgres" | "patroni" | "redis" | "sentinel" | "http";
  /** postgres://user@host:port/db, http://host:port (Patroni REST or a health URL), redis://host:port. */
  url: string;
  process?: NodeProcessT | undefined;
  ssh?: NodeSshT | undefined;
}
/** What authors write for a node: `ssh` with its defaults left out. */
export interface NodeAccessInput {
  protocol: NodeAccessT["protocol"];
  url: string;
  process?: NodeProcessT | undefined;
  ssh?: NodeSshInput | undefined;
}

/** Where a service fails over to. Names: lower-case letters, digits and dashes. */
export interface FailoverTargetT {
  name: string;
  kind: "replica" | "standby" | "instance" | "zone" | "region";
  mechanism: "automatic" | "manual";
  /** What performs the failover: pg_auto_failover, redis-sentinel, haproxy, aurora, … */
  via?: string | undefined;
  replication?: "synchronous" | "asynchronous" | "none" | undefined;
  /** A data-loss objective specific to this target, when it differs from the service's. */
  rpo?: DurationText | undefined;
  /** The node that serves when nothing has failed. */
  primary: string;
  /** Nodes that take over. */
  standbys: string[];
  /** Node or role name → address. Default {}. */
  endpoints: Record<string, string>;
  /** Target self-managed: node name → how to read its role and find its processes. */
  nodes?: Record<string, NodeAccessT> | undefined;
}
/** What authors write for a failover target: `endpoints` may be left out. */
export interface FailoverTargetInput {
  name: string;
  kind: FailoverTargetT["kind"];
  mechanism: FailoverTargetT["mechanism"];
  via?: string | undefined;
  replication?: FailoverTargetT["replication"];
  rpo?: DurationText | undefined;
  primary: string;
  standbys: string[];
  endpoints?: Record<string, string> | undefined;
  nodes?: Record<string, NodeAccessInput> | undefined;
}

/** Another service this one needs. */
export interface DependencyT {
  /** The other service's name. */
  service: string;
  kind: "hard" | "soft";
  /** How the service keeps serving while this dependency is down. */
  degradedMode?: string | undefined;
}
export type DependencyInput = DependencyT;

export type Likelihood = "rare" | "unlikely" | "possible" | "likely" | "almost-certain";
export type Impact = "negligible" | "minor" | "moderate" | "major" | "severe";

/** A hazard the plan covers; `id` (lower-case letters, digits, dashes) is what scenarios name. */
export interface HazardT {
  id: string;
  title: string;
  likelihood: Likelihood;
  impact: Impact;
}
export type HazardInput = HazardT;

export interface RunbookStepT {
  step: string;
  role?: string | undefined;
  automated: boolean;
  /** How long this step should take at most. */
  target?: DurationText | undefined;
}
export type RunbookStepInput = RunbookStepT;

/** One service's validated plan entry (defaults filled in). */
export interface ServiceT {
  name: string;
  /** 1–4; 1 is most critical. */
  tier: number;
  owner: string;
  /** Default "". */
  description: string;
  objectives: ObjectivesT;
  /** How clients reach the service: role → URL. Default {}. */
  endpoints: Record<string, string>;
  failoverTargets: FailoverTargetT[];
  dependsOn: DependencyT[];
  hazards: HazardT[];
  runbook: RunbookStepT[];
}

/** What authors write for a service: fields with defaults may be left out. */
export interface ServiceInput {
  name: string;
  tier: number;
  owner: string;
  description?: string | undefined;
  objectives: ObjectivesInput;
  endpoints?: Record<string, string> | undefined;
  failoverTargets?: FailoverTargetInput[] | undefined;
  dependsOn?: DependencyInput[] | undefined;
  hazards?: HazardInput[] | undefined;
  runbook?: RunbookStepInput[] | undefined;
}

/** The whole plan, the stack output `continuityPlan`. */
export interface PlanT {
  version: 1;
  project: string;
  stack: string;
  /** local: the embedded stack continuity-drill starts and heals; self-managed: a system you run yourself; aws: AWS, faults through FIS. */
  target: "local" | "self-managed" | "aws";
  region?: string | undefined;
  /** At least one. */
  services: ServiceT[];
}
