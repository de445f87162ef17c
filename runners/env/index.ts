// The embedded local environment: real HA services on 127.0.0.1, started,
// observed, healed and stopped from what the stack declares. This is the API
// the CLI (`drill env …`) and the drill engine use.
import { ensurePackages } from "./bootstrap.ts";
import { envDownAt } from "./down.ts";
import { healAt } from "./heal.ts";
import { nodeProcessAt, statusAt } from "./status.ts";
import { upAt } from "./up.ts";
import type { EnvOptions, EnvStatus } from "./types.ts";
import { loadDeclaration, optionalParts } from "./declaration.ts";
import { controlUrl } from "./web/client-proxies.ts";

export type { EnvOptions, EnvStatus, Member } from "./types.ts";
export { listOurProcesses, type OurProcess } from "./our-processes.ts";
export { envDir } from "./paths.ts";

/** Install the Debian packages the stack's env needs (as root), or say which command to run. */
export async function bootstrap(opts: EnvOptions = {}): Promise<void> {
  const decl = await loadDeclaration(opts.stack ?? "local");
  await ensurePackages(opts.onProgress, optionalParts(decl));
}

export async function envUp(opts: EnvOptions = {}): Promise<EnvStatus> {
  return upAt(opts);
}

export async function envDown(opts: EnvOptions = {}): Promise<void> {
  await envDownAt(opts);
}

export async function envStatus(opts: EnvOptions = {}): Promise<EnvStatus> {
  return statusAt(opts);
}

export async function envHeal(opts: EnvOptions = {}): Promise<EnvStatus> {
  return healAt(opts);
}

/**
 * The OS process of a plan-declared node ("node-a", "redis-b", "web-1",
 * "sentinel-2", "monitor", "haproxy"), verified against /proc/PID/cmdline and
 * its recorded start time. Every node runs in its own process group (pgid ===
 * pid), so for a pg node the engine can SIGKILL -pgid: pg_autoctl and its postmaster.
 */
export async function nodeProcess(node: string, opts: EnvOptions = {}): Promise<{ pid: number; pgid?: number; cmdline: string } | undefined> {
  return nodeProcessAt(node, opts);
}

/** Our proxy in the app's client path to `node`, if the stack declares one. */
export async function clientProxyFor(node: string, opts: EnvOptions = {}): Promise<{ controlUrl: string; name: string } | undefined> {
  const decl = await loadDeclaration(opts.stack ?? "local");
  if (!decl.proxies?.routes.some((r) => r.node === node)) return undefined;
  return { controlUrl: controlUrl(decl.proxies), name: node };
}

/** The proxies' control URL, if the stack declares client-path proxies. */
export async function clientProxiesControl(opts: EnvOptions = {}): Promise<string | undefined> {
  const decl = await loadDeclaration(opts.stack ?? "local");
  return decl.proxies ? controlUrl(decl.proxies) : undefined;
}
