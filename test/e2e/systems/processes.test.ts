// A user's node is found by what the plan names — a listening port, a pidfile —
// and includes a process double-forked into its own session (like Patroni's
// postmaster). Faults on the pinned roots reach every process of both trees,
// and a PID that was reused by another program is never signalled.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readProc } from "../../../runners/env/procfs.ts";
import { monotonicClock } from "../../../core/clock.ts";
import type { FaultContext } from "../../../runners/faults/fault.ts";
import { nodePids, pinNode, signalPinned, stillSame } from "../../../runners/faults/process-identity.ts";
import { findNodeRoots } from "../../../runners/systems/processes.ts";
import { freePort } from "../../support/free-port.ts";
import { waitUntil } from "../../support/wait-until.ts";

const started: ChildProcess[] = [];
const detachedPids: number[] = [];
afterEach(() => {
  for (const pid of detachedPids.splice(0)) try { process.kill(pid, "SIGKILL"); } catch { /* gone */ }
  for (const c of started.splice(0)) c.kill("SIGKILL");
});

// A "service" listening on `port` with one worker child, like a postmaster and a backend.
const SERVER = `const net=require("net");require("child_process").spawn(process.execPath,["-e","setInterval(()=>{},1000)"],{stdio:"ignore"});net.createServer().listen(+process.argv[1],"127.0.0.1");setInterval(()=>{},1000)`;

function startServer(port: number, detached: boolean): ChildProcess {
  const child = spawn(process.execPath, ["-e", SERVER, String(port)], { stdio: "ignore", detached });
  started.push(child);
  return child;
}

const ctx = (nodes: FaultContext["nodes"]): FaultContext => ({ faultId: "t-f0", clock: monotonicClock(), signal: new AbortController().signal, stateDir: tmpdir(), note: () => undefined, nodes });

describe("self-managed node processes", () => {
  it("finds the listener of each declared port and the process of a pidfile; pauses both whole trees", async () => {
    const [p1, p2] = [await freePort(), await freePort()];
    const agent = startServer(p1, false);
    const postmaster = startServer(p2, true); // its own session, like a double-forked postmaster
    detachedPids.push(postmaster.pid!);
    const dir = mkdtempSync(join(tmpdir(), "pidfile-"));
    try {
      writeFileSync(join(dir, "postmaster.pid"), `${postmaster.pid}\n/data\n`);
      await waitUntil(async () => findNodeRoots({ ports: [p1, p2] }).length === 2, 5_000, "listeners");
      expect(findNodeRoots({ ports: [p1, p2] }).map((p) => p.pid).sort()).toEqual([agent.pid, postmaster.pid].sort());
      expect(findNodeRoots({ pidfile: join(dir, "postmaster.pid") }).map((p) => p.pid)).toEqual([postmaster.pid]);

      const roots = findNodeRoots({ ports: [p1, p2] }).map((p) => p.pid);
      const pinned = await pinNode("n1", true, ctx({ process: async () => ({ pid: roots[0]!, cmdline: "", roots }) }));
      await waitUntil(async () => nodePids(pinned).length === 4, 5_000, "workers");
      signalPinned(pinned, "SIGSTOP");
      await waitUntil(async () => nodePids(pinned).every((pid) => readProc(pid)?.state === "T"), 2_000, "all stopped");
      // Never the group: this test runner shares the agent's process group and still runs.
      expect(readProc(process.pid)?.state).not.toBe("T");
      signalPinned(pinned, "SIGCONT");
      await waitUntil(async () => nodePids(pinned).every((pid) => readProc(pid)?.state !== "T"), 2_000, "all resumed");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does not signal a recorded PID that now belongs to another process", async () => {
    const port = await freePort();
    const server = startServer(port, false);
    await waitUntil(async () => findNodeRoots({ ports: [port] }).length === 1, 5_000, "listener");
    const pinned = await pinNode("n1", true, ctx({ process: async () => ({ pid: server.pid!, cmdline: "", roots: [server.pid!] }) }));
    // Same PID, another program started later: the start time differs.
    const reused = { ...pinned, roots: pinned.roots!.map((r) => ({ ...r, startTime: r.startTime - 1 })) };
    expect(stillSame(reused)).toBe(false);
    expect(signalPinned(reused, "SIGSTOP")).toBe(false);
    expect(readProc(server.pid!)?.state).not.toBe("T");
    expect(readFileSync(`/proc/${server.pid}/cmdline`, "utf8")).toContain("createServer");
  });
});
