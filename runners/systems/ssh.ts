// Run a small script on a node's host over SSH, the way Jepsen drives its
// nodes: the system `ssh` client, never a password or a prompt (BatchMode), the
// host key always checked (StrictHostKeyChecking=yes against the plan's
// known_hosts), bounded in time. The script goes on stdin to `sh -s`, its
// arguments single-quoted, so nothing the plan says is parsed by a remote shell.
// The client itself sits behind RemoteShell (the fault kinds take it from
// FaultContext.os.ssh), so unit tests put a fake host there; what its exits
// mean — ssh's own failure, the script's — is decided here for both.
import { spawn } from "node:child_process";
import type { NodeSshT } from "../../stacks/lib/index.ts";
import { DrillError } from "../../core/errors.ts";

/** Quote one argument for a POSIX shell: '…' with every ' as '\''. */
export const shQuote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** The ssh command line (without the remote command) for one host. */
export function sshArgv(ssh: NodeSshT): string[] {
  return [
    "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "ConnectTimeout=5", "-o", "ServerAliveInterval=2", "-o", "ServerAliveCountMax=2",
    ...(ssh.knownHostsFile ? ["-o", `UserKnownHostsFile=${ssh.knownHostsFile}`, "-o", "GlobalKnownHostsFile=/dev/null"] : []),
    "-i", ssh.identityFile, "-o", "IdentitiesOnly=yes", "-p", String(ssh.port ?? 22), "-l", ssh.user ?? "root", ssh.host,
  ];
}

export interface SshResult { code: number | null; stdout: string; stderr: string }

/** How the ssh client ended: its exit code (255: ssh's own failure), or the signal that ended it. */
export interface SshExit extends SshResult { signal: string | null }

/** The ssh client: one script, with its arguments as $1 …, run by `sh -s` on a host. */
export interface RemoteShell {
  /**
   * Resolves however the client ended (`signal` "SIGKILL" once `timeoutMs`
   * passed); rejects only when the client could not be started or `signal` aborted it.
   */
  run(ssh: NodeSshT, script: string, args: string[], o: { timeoutMs: number; signal?: AbortSignal }): Promise<SshExit>;
}

/** The system `ssh` binary. */
export const systemSsh: RemoteShell = {
  run(ssh, script, args, o) {
    const remote = ["sh", "-s", "--", ...args.map(shQuote)].join(" ");
    return new Promise((resolve, reject) => {
      const child = spawn("ssh", [...sshArgv(ssh), remote], { stdio: ["pipe", "pipe", "pipe"], ...(o.signal ? { signal: o.signal } : {}) });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      const timer = setTimeout(() => child.kill("SIGKILL"), o.timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr });
      });
      child.stdin.end(script);
    });
  },
};

export interface SshOptions {
  /** Bound on the whole round trip; default 15 000 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The client to use; default the system `ssh`. */
  shell?: RemoteShell;
}

/**
 * Run `script` with `args` ($1 …) on the host; resolves with its exit code and
 * output. Rejects (DrillError "environment", naming the node and host) only
 * when ssh itself could not run or failed, or the bound passed.
 */
export async function sshScript(node: string, ssh: NodeSshT, script: string, args: string[] = [], o: SshOptions = {}): Promise<SshResult> {
  const timeoutMs = o.timeoutMs ?? 15_000;
  let r: SshExit;
  try {
    r = await (o.shell ?? systemSsh).run(ssh, script, args, { timeoutMs, ...(o.signal ? { signal: o.signal } : {}) });
  } catch (error) {
    throw new DrillError("environment", `node "${node}": could not run ssh to ${ssh.host} (${(error as Error).message})`, { node }, { cause: error });
  }
  // 255 is ssh's own failure (unreachable host, refused key, changed host key), not the script's.
  if (r.code === 255 || r.signal) {
    throw new DrillError("environment", `node "${node}": ssh ${ssh.user ?? "root"}@${ssh.host}:${ssh.port ?? 22} failed (${r.signal ? `killed after ${timeoutMs} ms` : r.stderr.trim().slice(0, 300)})`, { node });
  }
  return { code: r.code, stdout: r.stdout, stderr: r.stderr };
}

/** Like sshScript, but a non-zero exit of the script is a fault error naming what was attempted. */
export async function sshOk(node: string, ssh: NodeSshT, what: string, script: string, args: string[] = [], o: SshOptions = {}): Promise<string> {
  const r = await sshScript(node, ssh, script, args, o);
  if (r.code !== 0) throw new DrillError("fault", `node "${node}" on ${ssh.host}: ${what} failed (exit ${r.code}): ${r.stderr.trim().slice(0, 300)}`, { node });
  return r.stdout;
}
