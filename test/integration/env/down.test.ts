// `env down` stops every process of ours (checked by PID) and removes its state;
// a second `env up` starts from nothing. The env is brought back up at the end
// so this file can run in any order among the others.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envDir, envDown, envStatus, envUp, listOurProcesses, nodeProcess } from "../../../runners/env/index.ts";
import { allPids, readProc } from "../../../runners/env/procfs.ts";
import { log } from "./helpers.ts";

describe("env down", () => {
  it("leaves no process of ours and no state, and env up comes back from nothing", async () => {
    const procs = await Promise.all(["node-a", "node-b", "redis-a", "web-1", "haproxy", "monitor"].map((n) => nodeProcess(n)));
    const pids = procs.map((p) => p!.pid);
    // Every member of their process groups (pg_autoctl's children rename themselves and leave our state dir).
    const groups = new Set(procs.map((p) => p!.pgid).filter((g) => g !== undefined));
    const members = allPids().map(readProc).filter((p) => p && groups.has(p.pgid)).map((p) => p!.pid);
    expect(members.length).toBeGreaterThan(pids.length);
    expect(listOurProcesses().length).toBeGreaterThanOrEqual(11);

    await envDown();
    expect(listOurProcesses()).toEqual([]);
    // Gone the moment env down returns, not a second later: a script may reuse the ports at once.
    for (const pid of [...pids, ...members]) expect(existsSync(`/proc/${pid}`) && !isZombie(pid), `pid ${pid} still there`).toBe(false);
    expect(existsSync(envDir())).toBe(false);
    expect((await envStatus()).up).toBe(false);
    await envDown(); // idempotent

    const t0 = Date.now();
    const s = await envUp();
    log(`env up from nothing: ${Date.now() - t0} ms`);
    expect(s.up).toBe(true);
  });
});

function isZombie(pid: number): boolean {
  try {
    return /\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}
