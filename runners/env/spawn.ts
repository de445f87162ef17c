// Starting a long-running server detached from us: its own session and process
// group (so the CLI can exit and a fault can target the whole group), output
// appended to a log file under the env's state, its identity recorded at once.
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { environmentError } from "../../core/errors.ts";
import { readProc } from "./procfs.ts";
import type { ProcRecord } from "./records.ts";
import type { OsUser } from "./os-user.ts";

export interface SpawnSpec {
  node: string;
  service: string;
  command: string;
  args: string[];
  cwd: string;
  log: string;
  marker: string;
  env?: Record<string, string>;
  user?: OsUser;
}

export async function spawnDetached(spec: SpawnSpec): Promise<ProcRecord> {
  const fd = openSync(spec.log, "a");
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      detached: true,
      stdio: ["ignore", fd, fd],
      ...(spec.user ? { uid: spec.user.uid, gid: spec.user.gid } : {}),
    });
    await new Promise<void>((ok, fail) => {
      child.once("spawn", ok);
      child.once("error", fail);
    }).catch((error: unknown) => {
      throw environmentError(`${spec.service}: could not start ${spec.node} (${spec.command}): ${(error as Error).message}`, {}, error);
    });
    child.unref();
    const pid = child.pid!;
    return { node: spec.node, service: spec.service, pid, pgid: pid, startTime: await startTimeOf(pid, spec), marker: spec.marker, log: spec.log };
  } finally {
    closeSync(fd);
  }
}

/** The start time, read once exec has replaced the forked Node image (its cmdline then shows the marker). */
async function startTimeOf(pid: number, spec: SpawnSpec): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const info = readProc(pid);
    if (!info) break;
    if (info.cmdline.includes(spec.marker)) return info.startTime;
    await sleep(10);
  }
  throw environmentError(`${spec.service}: ${spec.node} exited at once; see ${spec.log}`);
}
