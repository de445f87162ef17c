// The local stack as the engine sees it: roles, processes and redundancy from
// `drill env` (real pg_auto_failover, Sentinel and HAProxy state, read live).
import type { EnvOptions, Member } from "../env/index.ts";
import type { StackAdapter } from "./stack-adapter.ts";

const env = () => import("../env/index.ts");

function roleOf(m: Member, firstInstance: string | undefined): "primary" | "standby" | "other" {
  if (m.role === "primary" || m.role === "master") return "primary";
  if (m.role === "secondary" || m.role === "replica") return "standby";
  // HAProxy spreads requests over healthy instances: call the first one "primary".
  if (m.role === "instance") return m.node === firstInstance ? "primary" : "standby";
  return "other";
}

export function localStack(opts: EnvOptions): StackAdapter {
  return {
    name: "local",
    roles: {
      async roles(service) {
        const status = await (await env()).envStatus(opts);
        const members = status.members.filter((m) => m.service === service && m.process === "running");
        const firstInstance = members.filter((m) => m.role === "instance" && m.healthy).map((m) => m.node).sort()[0];
        return members.map((m) => ({ node: m.node, role: roleOf(m, firstInstance), address: m.address }));
      },
    },
    nodes: { process: async (node) => (await env()).nodeProcess(node, opts) },
    proxies: {
      async proxyFor(target) {
        return target.kind === "node" ? (await env()).clientProxyFor(target.node, opts) : undefined;
      },
    },
    async ensureReady(onProgress) {
      const status = await (await env()).envUp({ ...opts, onProgress });
      return `local env up: ${status.members.length} members`;
    },
    async redundancy() {
      const status = await (await env()).envStatus(opts);
      const down = status.members.filter((m) => !m.healthy);
      return down.length ? { full: false, detail: `not healthy: ${down.map((m) => `${m.service}/${m.node}`).join(", ")}` } : { full: true, detail: `${status.members.length} members healthy` };
    },
    async restore(onProgress) {
      const status = await (await env()).envHeal({ ...opts, onProgress });
      // Every client path back to pass: a proxy fault whose heal was lost (a killed runner) ends here.
      const control = await (await env()).clientProxiesControl(opts);
      if (control) await (await import("../proxy/proxy-client.ts")).proxyControl(control).resetAll();
      const unhealthy = status.members.filter((m) => !m.healthy);
      return unhealthy.length ? `restored with unhealthy members: ${unhealthy.map((m) => m.node).join(", ")}` : `full redundancy: ${status.members.length} members healthy`;
    },
  };
}
