// The postmaster serving a data directory now: the PID in its postmaster.pid,
// accepted only while that process is the postgres program started with
// `-D <that directory>` (PIDs are reused, and a stale pidfile after a SIGKILL
// names whatever runs there now — pg_rewind, or an editor, mention the
// directory too, but are not postgres started on it).
import { readlinkSync } from "node:fs";
import { basename } from "node:path";
import { isGone, readProc } from "../procfs.ts";
import { pidIn } from "./stale.ts";

/** True when `cmdline` (NULs as spaces) starts a server on `dataDir`: the token after `-D` is exactly it. */
export function servesDataDir(cmdline: string, dataDir: string): boolean {
  const argv = cmdline.split(" ");
  return argv.some((arg, i) => arg === "-D" && argv[i + 1] === dataDir);
}

export function postmasterOf(dataDir: string): number | undefined {
  let pid: number | undefined;
  let exe: string;
  try {
    pid = pidIn(`${dataDir}/postmaster.pid`);
    if (pid === undefined) return undefined;
    exe = readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return undefined;
  }
  const info = readProc(pid);
  return !isGone(info) && basename(exe) === "postgres" && servesDataDir(info!.cmdline, dataDir) ? pid : undefined;
}
