// Hosts reached over SSH, made by a test on this machine: each is a network
// namespace (`ip netns`, named cdssh-<pid>-<n>) joined to this one by a veth
// pair on one bridge (cds<pid>br: hosts reach each other at layer 2, no IP
// forwarding of this machine is touched), with its own address 10.213.0.<10+n>, running Debian's real sshd and a
// small real service (redis-server; host 2.. replicate from host 1). The
// test writes the client key and a known_hosts with each host's key, so ssh
// runs with BatchMode and StrictHostKeyChecking=yes. destroy() ends every
// process in the namespaces and deletes them, also after a failed test.
// Needs root, iproute2 and openssh-server (installed here when missing).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NodeSshT } from "../../stacks/lib/index.ts";
import { waitUntil } from "./wait-until.ts";
import { connect } from "node:net";

export interface SshHost { name: string; netns: string; address: string; ssh: NodeSshT; redisUrl: string; redisArgs: string[] }
export interface SshHosts { hosts: SshHost[]; dir: string; destroy(): Promise<void> }

const SSHD = "/usr/sbin/sshd";
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Debian's openssh-server, installed when missing (root only): a clean checkout can run the test. */
export function ensureSshd(): void {
  if (existsSync(SSHD)) return;
  // policy-rc.d-free containers would start the system sshd on :22; RUNLEVEL=1 keeps invoke-rc.d from it.
  execFileSync("apt-get", ["install", "-y", "-q", "openssh-server"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive", RUNLEVEL: "1" }, stdio: "ignore", timeout: 300_000 });
}

const listening = (host: string, port: number) => new Promise<boolean>((ok) => {
  const s = connect({ host, port, timeout: 500 }, () => { s.destroy(); ok(true); });
  s.on("error", () => ok(false));
  s.on("timeout", () => { s.destroy(); ok(false); });
});

export async function startSshHosts(count = 2): Promise<SshHosts> {
  ensureSshd();
  const dir = mkdtempSync(join(tmpdir(), "cd-sshhosts-"));
  const made: string[] = [];
  const destroy = async () => {
    for (const ns of made.filter((m) => !m.startsWith("link:"))) {
      let pids: number[] = [];
      try { pids = run("ip", ["netns", "pids", ns]).split("\n").filter(Boolean).map(Number); } catch { /* gone */ }
      // A paused process ignores nothing but SIGKILL; CONT first so nothing is left stopped either way.
      for (const sig of ["SIGCONT", "SIGKILL"] as const) for (const pid of pids) try { process.kill(pid, sig); } catch { /* gone */ }
      await waitUntil(async () => pids.every((p) => { try { process.kill(p, 0); return false; } catch { return true; } }), 10_000, `processes of ${ns} gone`).catch(() => undefined);
      try { run("ip", ["netns", "del", ns]); } catch { /* gone */ }
    }
    for (const link of made.filter((m) => m.startsWith("link:"))) try { run("ip", ["link", "del", link.slice(5)]); } catch { /* gone */ }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const taken = run("ip", ["-4", "route"]);
    if (/\b10\.213\./.test(taken)) throw new Error(`10.213.0.0/16 is already routed here:\n${taken}`);
    run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", join(dir, "client"), "-C", "continuity-drill-test"]);
    writeFileSync(join(dir, "authorized_keys"), readFileSync(join(dir, "client.pub")));
    mkdirSync("/run/sshd", { recursive: true }); // sshd's privilege-separation directory
    const bridge = `cds${process.pid % 100000}br`;
    run("ip", ["link", "add", bridge, "type", "bridge"]);
    made.push(`link:${bridge}`);
    run("ip", ["addr", "add", "10.213.0.1/24", "dev", bridge]);
    run("ip", ["link", "set", bridge, "up"]);
    const known: string[] = [];
    const hosts: SshHost[] = [];
    for (let n = 1; n <= count; n++) {
      const netns = `cdssh-${process.pid}-${n}`;
      const outer = `cds${process.pid % 100000}h${n}`;
      const inner = `cds${process.pid % 100000}n${n}`;
      const address = `10.213.0.${10 + n}`;
      run("ip", ["netns", "add", netns]);
      made.push(netns);
      run("ip", ["link", "add", outer, "type", "veth", "peer", "name", inner]);
      run("ip", ["link", "set", inner, "netns", netns]);
      run("ip", ["link", "set", outer, "master", bridge]);
      run("ip", ["link", "set", outer, "up"]);
      run("ip", ["netns", "exec", netns, "ip", "addr", "add", `${address}/24`, "dev", inner]);
      run("ip", ["netns", "exec", netns, "ip", "link", "set", inner, "up"]);
      run("ip", ["netns", "exec", netns, "ip", "link", "set", "lo", "up"]);
      const hostKey = join(dir, `host${n}_ed25519`);
      run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey]);
      writeFileSync(join(dir, `sshd${n}.conf`), [`ListenAddress ${address}`, "Port 22", `HostKey ${hostKey}`, `PidFile ${join(dir, `sshd${n}.pid`)}`,
        `AuthorizedKeysFile ${join(dir, "authorized_keys")}`, "PermitRootLogin prohibit-password", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
        "UsePAM no", "StrictModes no", "LogLevel ERROR"].join("\n") + "\n");
      spawn("ip", ["netns", "exec", netns, SSHD, "-D", "-e", "-f", join(dir, `sshd${n}.conf`)], { stdio: "ignore", detached: true }).unref();
      known.push(`${address} ${readFileSync(`${hostKey}.pub`, "utf8").trim()}`);
      const redisArgs = ["--bind", address, "--port", "6379", "--save", "", "--appendonly", "no", "--dir", dir, "--protected-mode", "no",
        ...(n > 1 ? ["--replicaof", "10.213.0.11", "6379"] : [])];
      spawn("ip", ["netns", "exec", netns, "redis-server", ...redisArgs], { stdio: "ignore", detached: true }).unref();
      hosts.push({ name: `host${n}`, netns, address, redisUrl: `redis://${address}:6379`, redisArgs,
        ssh: { host: address, user: "root", port: 22, identityFile: join(dir, "client"), knownHostsFile: join(dir, "known_hosts") } });
    }
    writeFileSync(join(dir, "known_hosts"), known.join("\n") + "\n");
    for (const h of hosts) {
      await waitUntil(() => listening(h.address, 22), 15_000, `sshd on ${h.address}`);
      await waitUntil(() => listening(h.address, 6379), 15_000, `redis on ${h.address}`);
    }
    return { hosts, dir, destroy };
  } catch (error) {
    await destroy();
    throw error;
  }
}
