// Stopping what we started, with the process table faked (no process is
// spawned): the record is re-verified before every signal, a paused group is
// resumed before TERM, TERM escalates to KILL after the bound on a fake clock,
// and a reused PID is never signalled.
import { describe, expect, it } from "vitest";
import type { ProcRecord } from "../../../runners/env/records.ts";
import { signalGroup, signalPid, stopRecorded, stopStray, type SignalOs } from "../../../runners/env/signal.ts";
import { FakeProcesses } from "../faults/fake-os.ts";

function world() {
  const procs = new FakeProcesses();
  let t = 0;
  const os: SignalOs = { processes: procs.control, now: () => t, sleep: async (ms) => void (t += ms) };
  const leader = procs.spawn({ pid: 700, cmdline: "redis-server /drill/redis-a.conf" });
  procs.spawn({ pid: 701, ppid: 700, pgid: 700, cmdline: "redis-rdb-bgsave" });
  const record: ProcRecord = { node: "redis-a", service: "cache", pid: 700, pgid: 700, startTime: leader.startTime, marker: "redis-a.conf", log: "/dev/null" };
  return { procs, os, record, now: () => t };
}

describe("signalling recorded processes (faked OS)", () => {
  it("a paused group is resumed, then terminated", async () => {
    const { procs, os, record } = world();
    signalGroup(record, "SIGSTOP", os);
    expect(procs.state(701)).toBe("T");
    expect(await stopRecorded(record, 10_000, os)).toBe("stopped");
    expect(procs.sent.map((s) => `${s.pid} ${s.signal}`)).toEqual(["700 SIGSTOP", "701 SIGSTOP", "700 SIGCONT", "701 SIGCONT", "700 SIGTERM", "701 SIGTERM"]);
    expect(procs.table.size).toBe(0);
  });

  it("TERM escalates to KILL after the bound", async () => {
    const { procs, os, record, now } = world();
    procs.ignores.add("SIGTERM");
    expect(await stopRecorded(record, 3_000, os)).toBe("killed");
    expect(now()).toBeGreaterThanOrEqual(3_000);
    expect(procs.sent.filter((s) => s.signal === "SIGKILL").map((s) => s.pid)).toEqual([700, 701]);
  });

  it("a record whose PID was reused, or whose marker differs, is absent and never signalled", async () => {
    const { procs, os, record } = world();
    expect(signalGroup({ ...record, marker: "sentinel-b.conf" }, "SIGKILL", os)).toBe(false);
    procs.reuse(700, "vim redis-a.conf");
    expect(await stopRecorded(record, 1_000, os)).toBe("absent");
    expect(procs.sent).toEqual([]);
  });

  it("a stray PID is re-checked before every signal", async () => {
    const { procs, os } = world();
    let ours = true;
    expect(signalPid(701, () => ours, "SIGSTOP", os)).toBe(true);
    ours = false;
    expect(signalPid(701, () => ours, "SIGCONT", os)).toBe(false);
    ours = true;
    await stopStray(701, () => ours, 1_000, os);
    expect(procs.table.has(701)).toBe(false);
    expect(signalPid(701, () => true, "SIGKILL", os)).toBe(false);
  });
});
