// How the harness reaches a node of a system the user runs (target
// `self-managed`): which protocol tells its role live, and which OS processes
// serve it, so that kill / pause / partition hit the whole node and nothing else.
import { z } from "zod";

export const NODE_PROTOCOLS = ["postgres", "patroni", "redis", "sentinel", "http"] as const;

export const NodeProcess = z
  .strictObject({
    systemdUnit: z.string().min(1).optional().describe("A systemd unit whose cgroup holds every process of the node."),
    pidfile: z.string().min(1).optional().describe("A file whose first line is the PID of a process of the node (e.g. <datadir>/postmaster.pid)."),
    ports: z.array(z.number().int().min(1).max(65535)).optional().describe("TCP ports on this host; the process listening on each belongs to the node."),
  })
  .refine((p) => p.systemdUnit || p.pidfile || p.ports?.length, { message: "name at least one of systemdUnit, pidfile, ports" })
  .describe("Which OS processes serve the node: the union of all that are named, each with all its descendants.");

export const NodeSsh = z
  .strictObject({
    host: z.string().min(1).describe("The node's host as ssh reaches it (name or address)."),
    user: z.string().min(1).default("root").describe("Login user; it must be allowed to signal the node's processes."),
    port: z.number().int().min(1).max(65535).default(22),
    identityFile: z.string().min(1).describe("Private key file for this host (ssh runs in BatchMode: no passwords, no prompts)."),
    knownHostsFile: z.string().min(1).optional().describe("known_hosts with this host's key (default: ssh's own); the host key is always checked."),
  })
  .describe("The node runs on another host, reached over SSH: its processes are found and signalled there.");

export const NodeAccess = z
  .strictObject({
    protocol: z.enum(NODE_PROTOCOLS).describe("How the node's role is read live."),
    url: z.string().min(1).describe("Where to ask: postgres://user@host:port/db, http://host:port (Patroni REST, or a health URL), redis://host:port."),
    process: NodeProcess.optional(),
    ssh: NodeSsh.optional(),
  })
  .describe("A node of a system the user runs: how to read its role and which processes serve it.");

export type { NodeAccessT, NodeProcessT, NodeSshT } from "./types.ts";
