// Stopping the env: every recorded process group, front to back (HAProxy first,
// the pg monitor last), each verified against /proc before any signal; then a
// sweep for anything still running out of our state dir (e.g. a postgres child
// orphaned by a SIGKILLed postmaster); then the state dir goes.
import { rmSync } from "node:fs";
import { RunError } from "../errors.ts";
import { isOurs, listOurProcesses } from "./our-processes.ts";
import { envPaths } from "./paths.ts";
import type { ProcRecord } from "./records.ts";
import { stopRecorded, stopStray } from "./signal.ts";
import { readState } from "./state.ts";
import type { EnvOptions } from "./types.ts";

const ORDER: ((r: ProcRecord) => boolean)[] = [
  (r) => r.node === "haproxy",
  (r) => r.service === "web",
  (r) => r.node.startsWith("sentinel"),
  (r) => r.service === "sessions-cache",
  (r) => r.service === "orders-db" && r.node !== "monitor",
  () => true,
];

export async function stopAll(opts: EnvOptions): Promise<void> {
  const paths = envPaths(opts);
  const state = readState(paths.stateFile);
  const left = new Set(Object.values(state?.processes ?? {}));
  for (const inWave of ORDER) {
    const wave = [...left].filter(inWave);
    wave.forEach((r) => left.delete(r));
    if (wave.length > 0) opts.onProgress?.(`stopping ${wave.map((r) => r.node).join(", ")}`);
    await Promise.all(wave.map((r) => stopRecorded(r)));
  }
  const strays = listOurProcesses(opts);
  if (strays.length > 0) opts.onProgress?.(`stopping ${strays.length} leftover process(es) of ours`);
  await Promise.all(strays.map((p) => stopStray(p.pid, () => isOurs(p.pid, opts))));
  const still = listOurProcesses(opts);
  if (still.length > 0) {
    throw new RunError(`env down: ${still.length} process(es) of ours would not stop: ${still.map((p) => `${p.pid} ${p.cmdline}`).join("; ")}`);
  }
}

export async function envDownAt(opts: EnvOptions): Promise<void> {
  await stopAll(opts);
  const paths = envPaths(opts);
  for (const p of [paths.dir, paths.haproxySocket]) rmSync(p, { recursive: true, force: true });
}
