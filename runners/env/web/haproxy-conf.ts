// Pure: HAProxy's config for the web tier. Active health checks take a dead
// instance out within interval × fall; `retries` with `option redispatch` send a
// request whose connection failed to the other instance, so clients do not see
// a backend kill (~18 errors per kill were measured without them).
import type { WebDecl } from "../declaration.ts";

export function haproxyConf(w: WebDecl, socket: string): string {
  const hc = w.healthCheck;
  return [
    "global",
    `  stats socket ${socket} mode 600 level admin`,
    "  maxconn 4096",
    "",
    "defaults",
    "  mode http",
    "  timeout connect 1s",
    "  timeout client 30s",
    "  timeout server 30s",
    "  timeout check 1s",
    `  retries ${w.retries}`,
    "  option redispatch 1",
    // empty-response: the instance died mid-request. Safe to resend because
    // POST /orders is idempotent on its `ref` (ON CONFLICT DO NOTHING).
    "  retry-on conn-failure empty-response",
    "",
    "frontend web",
    `  bind ${w.host}:${w.frontendPort}`,
    "  default_backend app",
    "",
    "backend app",
    "  balance roundrobin",
    // /livez, not /healthz: a dependency's failover must not take every instance out.
    "  option httpchk GET /livez",
    "  http-check expect status 200",
    ...w.instances.map((i) => `  server ${i.name} ${w.host}:${i.port} check inter ${hc.intervalMs} fall ${hc.fall} rise ${hc.rise}`),
    "",
    "listen stats",
    `  bind ${w.host}:${w.statsPort}`,
    "  stats enable",
    "  stats uri /stats",
    "",
  ].join("\n");
}
