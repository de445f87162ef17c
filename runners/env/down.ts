// Stopping the env: every recorded process group, front to back (HAProxy first,
// the pg monitor last), each verified against /proc before any signal; then a
// wait until every member of those groups is gone too (bounded, then KILL), and a
// sweep for anything still running out of our state dir (e.g. a postgres child
// orphaned by a SIGKILLed postmaster); it returns only when nothing of ours runs,
// so a script may reuse the ports at once. Then the state dir goes.
import { rmSync } from "node:fs";
import { environmentError } from "../../core/errors.ts";
import { isOurs, listOurProcesses } from "./our-processes.ts";
import { envPaths } from "./paths.ts";
import { recordedProcess, type ProcRecord } from "./records.ts";
import { signalPid, stopRecorded, stopStray } from "./signal.ts";
import { allPids, isGone, readProc } from "./procfs.ts";
import { setTimeout as sleep } from "node:timers/promises";
import { readState } from "./state.ts";
import type { EnvOptions } from "./types.ts";

const ORDER: ((r: ProcRecord) => boolean)[] = [
  (r) => r.node === "haproxy",
  (r) => r.service === "web",
  (r) => r.node.startsWith("sentinel"),
  (r) => r.service === "sessions-cache",
  (r) => r.service === "orders-db" && r.node !== "monitor" && r.node !== "etcd",
  () => true,
];

export async function stopAll(opts: EnvOptions): Promise<void> {
  const paths = envPaths(opts);
  const state = readState(paths.stateFile);
  const left = new Set(Object.values(state?.processes ?? {}));
  // Groups of records verified now: after the leaders stop, their members must go too (a pg_autoctl
  // child renames itself and leaves our state dir, so the sweep below would not know it as ours).
  const groups = new Set([...left].filter((r) => recordedProcess(r)).map((r) => r.pgid));
  for (const inWave of ORDER) {
    const wave = [...left].filter(inWave);
    wave.forEach((r) => left.delete(r));
    if (wave.length > 0) opts.onProgress?.(`stopping ${wave.map((r) => r.node).join(", ")}`);
    await Promise.all(wave.map((r) => stopRecorded(r)));
  }
  await drainGroups(groups, opts);
  const strays = listOurProcesses(opts);
  if (strays.length > 0) opts.onProgress?.(`stopping ${strays.length} leftover process(es) of ours`);
  await Promise.all(strays.map((p) => stopStray(p.pid, () => isOurs(p.pid, opts))));
  const still = [...listOurProcesses(opts), ...allPids().map(readProc).filter((p) => !isGone(p) && groups.has(p!.pgid)).map((p) => p!)];
  if (still.length > 0) {
    throw environmentError(`env down: ${still.length} process(es) of ours would not stop: ${still.map((p) => `${p.pid} ${p.cmdline}`).join("; ")}`);
  }
}

/** Wait (bounded) until no process is left in the given groups; what remains gets SIGKILL. */
async function drainGroups(groups: Set<number>, opts: EnvOptions, boundMs = 10_000): Promise<void> {
  const members = () => allPids().map(readProc).filter((p) => !isGone(p) && p!.pid !== process.pid && groups.has(p!.pgid)).map((p) => p!.pid);
  const deadline = Date.now() + boundMs;
  while (members().length > 0 && Date.now() < deadline) await sleep(50);
  const rest = members();
  if (rest.length === 0) return;
  opts.onProgress?.(`killing ${rest.length} process(es) left in our process groups`);
  for (const pid of rest) {
    // Still a member of one of our groups right now (checked again: PIDs are reused).
    if (groups.has(readProc(pid)?.pgid ?? -1)) signalPid(pid, () => groups.has(readProc(pid)?.pgid ?? -1), "SIGKILL");
  }
  const deadline2 = Date.now() + 2_000;
  while (members().length > 0 && Date.now() < deadline2) await sleep(50);
}

export async function envDownAt(opts: EnvOptions): Promise<void> {
  await stopAll(opts);
  const paths = envPaths(opts);
  for (const p of [paths.dir, paths.haproxySocket]) rmSync(p, { recursive: true, force: true });
}
