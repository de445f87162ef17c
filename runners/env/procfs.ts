// Reading /proc: what a PID runs now, whether it is stopped, its process group
// and its start time. PIDs are reused, so nothing is signalled on a PID alone:
// the recorded start time and a marker in its cmdline must both still match.
import { readFileSync, readdirSync, readlinkSync } from "node:fs";

export interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
  /** One-letter state: R, S, D, T (stopped), t (traced), Z (zombie) … */
  state: string;
  /** Start time in clock ticks since boot: with the PID, a process's identity. */
  startTime: number;
  cmdline: string;
}

/** /proc/PID/cmdline with NULs as spaces ("" for kernel threads and zombies). */
export function readCmdline(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0+$/, "").replace(/\0/g, " ");
  } catch {
    return undefined;
  }
}

/** Parse /proc/PID/stat; the command name may hold spaces and parentheses, so split after the last ")". */
export function parseStat(text: string): Omit<ProcInfo, "pid" | "cmdline"> | undefined {
  const close = text.lastIndexOf(")");
  if (close < 0) return undefined;
  const f = text.slice(close + 2).split(" ");
  // Fields after the name start at field 3 (state): ppid=4, pgrp=5, starttime=22.
  const state = f[0];
  const ppid = Number(f[1]);
  const pgid = Number(f[2]);
  const startTime = Number(f[19]);
  if (!state || !Number.isFinite(ppid) || !Number.isFinite(pgid) || !Number.isFinite(startTime)) return undefined;
  return { state, ppid, pgid, startTime };
}

export function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = parseStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
    if (!stat) return undefined;
    return { pid, ...stat, cmdline: readCmdline(pid) ?? "" };
  } catch {
    return undefined;
  }
}

export function readCwd(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

export function allPids(): number[] {
  return readdirSync("/proc").filter((n) => /^\d+$/.test(n)).map(Number);
}

export const isStopped = (p: ProcInfo) => p.state === "T" || p.state === "t";
export const isGone = (p: ProcInfo | undefined) => p === undefined || p.state === "Z" || p.state === "X";
