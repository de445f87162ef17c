// The postmaster serving a data directory now: the PID in its postmaster.pid,
// accepted only while that process is a postgres whose command line names the
// directory (PIDs are reused; a stale pidfile names some other process).
import { existsSync, readFileSync } from "node:fs";
import { isGone, readProc } from "../procfs.ts";

export function postmasterOf(dataDir: string): number | undefined {
  const file = `${dataDir}/postmaster.pid`;
  if (!existsSync(file)) return undefined;
  let pid: number;
  try {
    pid = Number(readFileSync(file, "utf8").split("\n")[0]?.trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const info = readProc(pid);
  return !isGone(info) && info!.cmdline.includes("postgres") && info!.cmdline.includes(dataDir) ? pid : undefined;
}
