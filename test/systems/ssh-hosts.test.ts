// A user's nodes on hosts reached over SSH: two network-namespace hosts, each
// with a real sshd and a real redis-server (host2 replicates from host1),
// declared self-managed with ssh access. Roles and redundancy are read by
// protocol; ssh.process.pause / ssh.process.kill / ssh.command run over ssh
// and heal; drill recover resumes a paused node after its runner died. Each
// effect is checked against this machine's own /proc (the namespaces share
// its PID space) and the service's own answers, not the fault's word.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import type { PlanT } from "../../stacks/lib/index.ts";
import { NodeAccess } from "../../stacks/lib/index.ts";
import { selfManagedStack } from "../../runners/drill/self-managed-stack.ts";
import { recover } from "../../runners/drill/recover.ts";
import { recordFault } from "../../runners/faults/fault-journal.ts";
import type { FaultContext, FaultKind } from "../../runners/faults/fault.ts";
import { faultKind } from "../../runners/faults/registry.ts";
import { awaitRedundancy } from "../../runners/systems/await-redundancy.ts";
import { remoteSnapshot, rootsOf, signalRemote } from "../../runners/systems/ssh-procs.ts";
import { sshOk } from "../../runners/systems/ssh.ts";
import { monotonicClock } from "../../core/clock.ts";
import { startSshHosts, type SshHosts } from "../support/ssh-hosts.ts";
import { waitUntil } from "../support/wait-until.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";

const asRoot = process.getuid?.() === 0;
let lab: SshHosts;
let plan: PlanT;
const figures: string[] = [];
const stateDir = mkdtempSync(join(tmpdir(), "cd-ssh-state-"));

const procState = (pid: number) => /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
async function ping(url: string, timeoutMs = 800): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, commandTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  r.on("error", () => undefined);
  try { await r.connect(); return (await r.ping()) === "PONG"; } catch { return false; } finally { r.disconnect(); }
}

function ctxFor(stack: ReturnType<typeof selfManagedStack>, faultId: string, notes: string[] = []): FaultContext {
  return { faultId, clock: monotonicClock(), signal: new AbortController().signal, stateDir, note: (_l, m) => notes.push(m), nodes: stack.nodes! };
}
const node = (name: string) => ({ kind: "node" as const, service: "cache", node: name });
const kind = (k: string) => faultKind(k, "test") as FaultKind<unknown, Record<string, unknown>>;

describe.skipIf(!asRoot)("self-managed nodes on hosts reached over SSH (network namespaces)", () => {
  beforeAll(async () => {
    lab = await startSshHosts(2);
    const nodes = Object.fromEntries(lab.hosts.map((h) => [h.name, NodeAccess.parse({ protocol: "redis", url: h.redisUrl, process: { ports: [6379] }, ssh: { host: h.ssh.host, identityFile: h.ssh.identityFile, knownHostsFile: h.ssh.knownHostsFile } })]));
    plan = { version: 1, project: "shop", stack: "staging", target: "self-managed", services: [{ name: "cache", tier: 1, owner: "o", description: "", objectives: {}, endpoints: {}, dependsOn: [], hazards: [], runbook: [],
      failoverTargets: [{ name: "ha", kind: "replica", mechanism: "automatic", primary: "host1", standbys: ["host2"], endpoints: {}, nodes }] }] } as unknown as PlanT;
    await waitUntil(async () => (await selfManagedStack(plan).redundancy!()).full, 30_000, "replica streaming");
  });
  afterAll(async () => {
    await lab?.destroy();
    rmSync(stateDir, { recursive: true, force: true });
    process.stderr.write(`\n[ssh hosts]\n${figures.join("\n")}\n`);
  });

  it("runs commands only on a host whose key is known (StrictHostKeyChecking), in BatchMode", async () => {
    const h = lab.hosts[0]!;
    expect((await sshOk(h.name, h.ssh, "hostname -I", "ip -4 -o addr show scope global\n")).trim()).toContain(h.address);
    // The other host's key under this host's address: ssh must refuse, not ask or accept.
    const wrong = join(lab.dir, "wrong_known_hosts");
    writeFileSync(wrong, readFileSync(h.ssh.knownHostsFile!, "utf8").split("\n")[1]!.replace(lab.hosts[1]!.address, h.address) + "\n");
    await expect(sshOk(h.name, { ...h.ssh, knownHostsFile: wrong }, "true", "true\n")).rejects.toThrow(/ssh root@10\.213\.0\.11:22 failed/);
  });

  it("reads roles live by protocol, and the node's processes over ssh by its port", async () => {
    const stack = selfManagedStack(plan);
    expect(await stack.roles!.roles("cache")).toEqual([{ node: "host1", role: "primary" }, { node: "host2", role: "standby" }]);
    const roots = rootsOf(await remoteSnapshot("host1", lab.hosts[0]!.ssh, { ports: [6379] }));
    expect(roots).toHaveLength(1);
    expect(readFileSync(`/proc/${roots[0]!.pid}/cmdline`, "utf8")).toContain("redis-server");
    await expect(stack.nodes!.process("host1")).rejects.toThrow(/reached over SSH/);
  });

  it("ssh.process.pause stops the primary's whole node on its host; heal resumes it", async () => {
    const stack = selfManagedStack(plan);
    const k = kind("ssh.process.pause");
    const ctx = ctxFor(stack, "ssh-pause-f0");
    const state = await k.prepare({}, node("host1"), ctx);
    const pid = (state.roots as { pid: number }[])[0]!.pid;
    const t0 = performance.now();
    await k.inject(state, ctx);
    const injectMs = performance.now() - t0;
    try {
      expect(procState(pid)).toBe("T"); // this machine's own /proc, not the fault's word
      expect(await ping(lab.hosts[0]!.redisUrl)).toBe(false);
      expect((await k.check(state, ctx)).confirmed).toBe(true);
      expect((await stack.redundancy!()).full).toBe(false); // a preflight now would refuse
    } finally {
      await k.heal(state, ctx);
    }
    expect(procState(pid)).not.toBe("T");
    expect(await ping(lab.hosts[0]!.redisUrl)).toBe(true);
    expect((await k.check(state, ctx)).confirmed).toBe(false);
    figures.push(`ssh.process.pause inject (snapshot + SIGSTOP, two ssh round trips): ${injectMs.toFixed(0)} ms`);
  });

  it("ssh.process.kill kills the replica's node; restore waits for full redundancy; a reused PID identity is never signalled", async () => {
    const stack = selfManagedStack(plan);
    const k = kind("ssh.process.kill");
    const ctx = ctxFor(stack, "ssh-kill-f0");
    const h2 = lab.hosts[1]!;
    const state = await k.prepare({ signal: "SIGKILL" }, node("host2"), ctx);
    const old = (state.roots as { pid: number; startTime: number }[])[0]!;
    await k.inject(state, ctx);
    const check = await k.check(state, ctx);
    expect(check.confirmed, check.detail).toBe(true);
    expect(alive(old.pid)).toBe(false);
    const degraded = await stack.redundancy!();
    expect(degraded.full).toBe(false);
    expect(degraded.detail).toContain("host2 down");
    // The host's service manager brings it back (here: the test, over ssh, as root on that host).
    await sshOk("host2", h2.ssh, "restart redis", `exec "$@"\n`, ["redis-server", ...h2.redisArgs, "--daemonize", "yes"]);
    const back = await awaitRedundancy(stack.redundancy!, 30_000);
    expect(back.full, back.detail).toBe(true);
    figures.push(`ssh.process.kill of host2's redis, restarted at once: full redundancy after ${(back.afterMs / 1000).toFixed(2)} s (${back.readings} readings)`);
    const now = rootsOf(await remoteSnapshot("host2", h2.ssh, { ports: [6379] }))[0]!;
    // The recorded identity of the dead process, under the new process's PID: not the same process, not signalled.
    expect(await signalRemote("host2", h2.ssh, "SIGSTOP", [{ pid: now.pid, startTime: old.startTime === now.startTime ? old.startTime + 1 : old.startTime }])).toEqual([]);
    expect(procState(now.pid)).not.toBe("T");
  });

  it("ssh.command partitions a host with iptables on that host (its own netns), checks by polling, heals", async () => {
    const stack = selfManagedStack(plan);
    const k = kind("ssh.command");
    const ctx = ctxFor(stack, "ssh-cmd-f0");
    const rule = ["INPUT", "-p", "tcp", "--dport", "6379", "-j", "DROP", "-m", "comment", "--comment", "drill:ssh-cmd-f0"];
    const params = k.params.parse({ inject: ["iptables", "-A", ...rule], heal: ["iptables", "-D", ...rule], check: ["sh", "-c", "iptables -S INPUT | grep -q drill:ssh-cmd-f0"], checkWithin: "3s" });
    const state = await k.prepare(params, node("host1"), ctx);
    await k.inject(state, ctx);
    try {
      expect((await k.check(state, ctx)).confirmed).toBe(true);
      expect(await ping(lab.hosts[0]!.redisUrl)).toBe(false);
      expect(execIptables()).not.toContain("drill:ssh-cmd-f0"); // the machine's own rules are untouched
    } finally {
      await k.heal(state, ctx);
    }
    expect(await ping(lab.hosts[0]!.redisUrl)).toBe(true);
    await expect(k.heal(state, ctx)).rejects.toThrow(/heal command .* failed/); // the rule is gone: a second -D fails, and says so
  });

  it("drill recover resumes a node paused over ssh whose runner died, from the fault journal alone", async () => {
    const stack = selfManagedStack(plan);
    const k = kind("ssh.process.pause");
    const ctx = ctxFor(stack, "ssh-recover-f0");
    const state = await k.prepare({}, node("host2"), ctx);
    recordFault(stateDir, { id: "ssh-recover-f0", drillId: "ssh-recover", kind: "ssh.process.pause", state, description: k.describe(state), recordedAt: new Date().toISOString(), runner: { pid: 2_147_483_000, startTime: 1 } });
    await k.inject(state, ctx);
    const pid = (state.roots as { pid: number }[])[0]!.pid;
    expect(procState(pid)).toBe("T");
    const report = await recover(stateDir, undefined);
    expect(report.failed).toEqual([]);
    expect(report.healed).toEqual([k.describe(state)]);
    expect(procState(pid)).not.toBe("T");
    expect((await awaitRedundancy(stack.redundancy!, 30_000)).full).toBe(true);
  });
});

function execIptables(): string {
  try { return execFileSync("iptables", ["-S"], { encoding: "utf8" }); } catch { return ""; }
}
