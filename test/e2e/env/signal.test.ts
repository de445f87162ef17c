// Signals go only to the process a record describes: a real child stands in for
// a server; a record with the wrong marker or start time (a reused PID) is refused.
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { readProc, isGone } from "../../../runners/env/procfs.ts";
import type { ProcRecord } from "../../../runners/env/records.ts";
import { signalGroup, stopRecorded } from "../../../runners/env/signal.ts";
import { waitFor } from "../../../runners/env/wait.ts";

const children: number[] = [];
afterEach(() => {
  for (const pid of children.splice(0)) try { process.kill(-pid, "SIGKILL"); } catch { /* gone */ }
});

async function startSleeper(): Promise<ProcRecord> {
  const child = spawn("sleep", ["37.5"], { detached: true, stdio: "ignore" });
  await new Promise((ok) => child.once("spawn", ok));
  const pid = child.pid!;
  children.push(pid);
  await waitFor({ what: "sleeper", timeoutMs: 2_000, intervalMs: 10, observe: async () => ({ value: 0, missing: readProc(pid)?.cmdline.includes("sleep 37.5") ? [] : ["exec"] }) });
  return { node: "sleeper", service: "test", pid, pgid: pid, startTime: readProc(pid)!.startTime, marker: "sleep 37.5", log: "/dev/null" };
}

describe("signalling recorded processes", () => {
  it("refuses a record whose marker or start time does not match, and leaves the process alone", async () => {
    const r = await startSleeper();
    expect(signalGroup({ ...r, marker: "redis-server /elsewhere.conf" }, "SIGKILL")).toBe(false);
    expect(signalGroup({ ...r, startTime: r.startTime - 1 }, "SIGKILL")).toBe(false);
    expect(await stopRecorded({ ...r, startTime: r.startTime + 5 })).toBe("absent");
    expect(isGone(readProc(r.pid))).toBe(false);
  });

  it("stops a paused process: resumed first, then terminated", async () => {
    const r = await startSleeper();
    expect(signalGroup(r, "SIGSTOP")).toBe(true);
    await waitFor({ what: "stopped", timeoutMs: 2_000, intervalMs: 10, observe: async () => ({ value: 0, missing: readProc(r.pid)?.state === "T" ? [] : ["not yet"] }) });
    expect(await stopRecorded(r, 2_000)).toBe("stopped");
    expect(isGone(readProc(r.pid))).toBe(true);
  });
});

describe("waitFor", () => {
  it("throws an environment error naming what it waited for and what was still missing", async () => {
    const progress: string[] = [];
    await expect(waitFor({ what: "sessions-cache", timeoutMs: 100, intervalMs: 20, onProgress: (m) => progress.push(m), observe: async () => ({ value: 0, missing: ["redis-b replica (of :16379 (connect))"] }) }))
      .rejects.toMatchObject({ kind: expect.stringMatching(/^(environment|fault)$/), message: expect.stringMatching(/^sessions-cache did not become healthy within 0 s: redis-b replica/) });
    expect(progress).toEqual(["waiting for sessions-cache: redis-b replica (of :16379 (connect))"]);
  });
});
