// "Ours" is anything running out of the env's state directory: its cmdline or
// its working directory points there (PostgreSQL's children rename themselves
// and re-parent when their postmaster is killed, but keep the data dir as cwd).
// Used for the leftover sweep of `env down` and by tests to prove nothing remains.
// Only the programs we start count: a user's shell sitting in .drill/ is not ours.
import { readlinkSync } from "node:fs";
import { basename } from "node:path";
import { allPids, isGone, readCwd, readProc } from "./procfs.ts";
import { envPaths } from "./paths.ts";
import type { EnvOptions } from "./types.ts";

export interface OurProcess { pid: number; cmdline: string; cwd?: string; state: string }

export function ourMatcher(opts: EnvOptions = {}): (cmdline: string, cwd?: string) => boolean {
  const paths = envPaths(opts);
  const roots = [paths.dir];
  const under = (p: string | undefined) => p !== undefined && roots.some((r) => p === r || p.startsWith(`${r}/`));
  // A whole path in the command line (an argument, or after "="): .drill/env/local is a prefix of
  // .drill/env/local-patroni, whose processes belong to another stack.
  const inCmdline = roots.map((r) => new RegExp(`(^|[\\s=])${r.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(/|\\s|$)`));
  return (cmdline, cwd) => inCmdline.some((re) => re.test(cmdline)) || under(cwd);
}

const PROGRAMS = new Set(["postgres", "pg_autoctl", "redis-server", "redis-sentinel", "redis-check-rdb", "haproxy", "node", "etcd"]);

function isOurProgram(pid: number, cmdline = readProc(pid)?.cmdline ?? ""): boolean {
  try {
    const exe = readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, "");
    // Patroni is a Python program: only a Python running patroni counts, not any Python in our dir.
    if (/^python3(\.\d+)?$/.test(basename(exe))) return /\bpatroni\b/.test(cmdline);
    return exe === process.execPath || PROGRAMS.has(basename(exe));
  } catch {
    return false;
  }
}

/** Is this PID, right now, one of ours? Checked again before every signal. */
export function isOurs(pid: number, opts: EnvOptions = {}): boolean {
  const info = readProc(pid);
  return !isGone(info) && isOurProgram(pid, info!.cmdline) && ourMatcher(opts)(info!.cmdline, readCwd(pid));
}

export function listOurProcesses(opts: EnvOptions = {}): OurProcess[] {
  const ours = ourMatcher(opts);
  const out: OurProcess[] = [];
  for (const pid of allPids()) {
    if (pid === process.pid) continue;
    const info = readProc(pid);
    if (isGone(info) || !isOurProgram(pid, info!.cmdline)) continue;
    const cwd = readCwd(pid);
    if (ours(info!.cmdline, cwd)) out.push({ pid, cmdline: info!.cmdline, ...(cwd ? { cwd } : {}), state: info!.state });
  }
  return out;
}
