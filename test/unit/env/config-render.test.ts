import { describe, expect, it } from "vitest";
import type { LocalDecl } from "../../../runners/env/declaration.ts";
import { declaredPorts } from "../../../runners/env/declaration.ts";
import { envPaths } from "../../../runners/env/paths.ts";
import { createMonitorArgs, createNodeArgs, monitorConfBlock, pgMarker, runArgs } from "../../../runners/env/pg/conf.ts";
import { redisNodeConf, sentinelConf } from "../../../runners/env/redis/conf.ts";
import { haproxyConf } from "../../../runners/env/web/haproxy-conf.ts";
import { parseStat as parseHaproxyStat } from "../../../runners/env/web/observe.ts";
import { TUNED_MONITOR_TIMERS } from "../../../stacks/local/postgres-ha.ts";

const decl: LocalDecl = {
  stack: "local",
  pg: { host: "127.0.0.1", database: "orders", monitorPort: 15430, nodes: [{ name: "node-a", port: 15431 }, { name: "node-b", port: 15432 }], timers: TUNED_MONITOR_TIMERS },
  redis: { host: "127.0.0.1", masterName: "sessions", nodes: [{ name: "redis-a", port: 16379 }, { name: "redis-b", port: 16380 }], sentinels: [{ name: "sentinel-1", port: 16390 }, { name: "sentinel-2", port: 16391 }], quorum: 2, downAfterMs: 1000, failoverTimeoutMs: 5000 },
  web: { host: "127.0.0.1", frontendPort: 18080, statsPort: 18089, instances: [{ name: "web-1", port: 18081 }, { name: "web-2", port: 18082 }], healthCheck: { intervalMs: 500, fall: 2, rise: 2 }, retries: 3 },
};
const paths = envPaths({ stateDir: "/srv/drill-state" });

describe("orders-db config", () => {
  it("binds every server to 127.0.0.1, the monitor included", () => {
    expect(createMonitorArgs(decl.pg!, paths).join(" ")).toContain("--listen 127.0.0.1");
    expect(createNodeArgs(decl.pg!, paths, decl.pg!.nodes[1]!).join(" ")).toContain("--listen 127.0.0.1");
    expect(monitorConfBlock(decl.pg!)).toContain("listen_addresses = '127.0.0.1'");
  });

  it("applies the declared monitor timers in milliseconds", () => {
    const block = monitorConfBlock({ ...decl.pg!, timers: { ...TUNED_MONITOR_TIMERS, primaryDemoteTimeoutMs: 4321 } });
    expect(block).toContain("pgautofailover.primary_demote_timeout = 4321");
    expect(block).toContain(`pgautofailover.health_check_period = ${TUNED_MONITOR_TIMERS.healthCheckPeriodMs}`);
    expect(block.match(/^pgautofailover\./gm)).toHaveLength(7);
  });

  it("keeps data under the state dir and marks each node's process by its data dir", () => {
    expect(createNodeArgs(decl.pg!, paths, decl.pg!.nodes[0]!)).toEqual(expect.arrayContaining(["--pgdata", "/srv/drill-state/env/local/pg/node-a", "--name", "node-a", "--run"]));
    expect(runArgs(paths, "node-b").join(" ")).toContain(pgMarker(paths, "node-b"));
  });
});

describe("sessions-cache config", () => {
  it("writes nothing outside the node's dir and replicates from the declared primary", () => {
    const conf = redisNodeConf(decl.redis, paths, decl.redis.nodes[1]!, 16379);
    expect(conf).toMatch(/^bind 127\.0\.0\.1$/m);
    expect(conf).toMatch(/^dir \/srv\/drill-state\/env\/local\/redis\/redis-b$/m);
    expect(conf).toMatch(/^save ""$/m);
    expect(conf).toMatch(/^appendonly no$/m);
    expect(conf).toMatch(/^replicaof 127\.0\.0\.1 16379$/m);
    expect(redisNodeConf(decl.redis, paths, decl.redis.nodes[0]!)).not.toMatch(/replicaof/);
  });

  it("gives Sentinel the declared quorum and timers", () => {
    const conf = sentinelConf(decl.redis, paths, decl.redis.sentinels[0]!, 16379);
    expect(conf).toMatch(/^sentinel monitor sessions 127\.0\.0\.1 16379 2$/m);
    expect(conf).toMatch(/^sentinel down-after-milliseconds sessions 1000$/m);
    expect(conf).toMatch(/^sentinel failover-timeout sessions 5000$/m);
    expect(conf).toMatch(/^bind 127\.0\.0\.1$/m);
  });
});

describe("web config", () => {
  const conf = haproxyConf(decl.web, "/srv/drill-state/env/local/web/haproxy.sock");

  it("checks each instance actively and retries elsewhere on failure", () => {
    expect(conf).toContain("server web-1 127.0.0.1:18081 check inter 500 fall 2 rise 2");
    expect(conf).toContain("server web-2 127.0.0.1:18082 check inter 500 fall 2 rise 2");
    expect(conf).toMatch(/^\s+option redispatch/m);
    expect(conf).toMatch(/^\s+retries 3$/m);
  });

  it("binds frontend and stats to 127.0.0.1 only", () => {
    const binds = conf.split("\n").filter((l) => l.trim().startsWith("bind "));
    expect(binds).toEqual(["  bind 127.0.0.1:18080", "  bind 127.0.0.1:18089"]);
  });

  it("reads server status from `show stat` CSV", () => {
    const csv = "# pxname,svname,qcur,status,check_status\nweb,FRONTEND,,OPEN,\napp,web-1,0,UP,L7OK\napp,web-2,0,DOWN,L4CON\n";
    const stat = parseHaproxyStat(csv);
    expect(stat.get("app/web-1")).toEqual({ status: "UP", check: "L7OK" });
    expect(stat.get("app/web-2")?.status).toBe("DOWN");
  });
});

describe("declared ports", () => {
  it("lists every port once, with its service", () => {
    const ports = declaredPorts(decl);
    expect(new Set(ports.map((p) => p.port)).size).toBe(ports.length);
    expect(ports.find((p) => p.port === 16380)).toEqual({ service: "sessions-cache", node: "redis-b", port: 16380 });
  });
});
