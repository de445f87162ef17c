// orders-db under Patroni: what `drill env up` writes for it (pure config), the
// timing rule Patroni itself enforces, and the stack config's errors naming
// their field. The running cluster is tested in test/integration/drill/patroni-target.test.ts.
import { describe, expect, it } from "vitest";
import type { PatroniDecl } from "../../../runners/env/declaration.ts";
import { envPaths } from "../../../runners/env/paths.ts";
import { etcdArgs, patroniConfig } from "../../../runners/env/patroni/conf.ts";
import { missingPackages } from "../../../runners/env/bootstrap.ts";
import { PatroniTiming, TUNED_PATRONI_TIMING } from "../../../stacks/local/patroni-ha.ts";
import { ordersDbCluster } from "../../../stacks/local/orders-db-cluster.ts";

const decl: PatroniDecl = {
  host: "127.0.0.1", database: "orders", scope: "orders-db", etcdPort: 15448,
  nodes: [{ name: "node-a", port: 15441, restApiPort: 15451 }, { name: "node-b", port: 15442, restApiPort: 15452 }],
  timing: TUNED_PATRONI_TIMING, executable: "/usr/bin/patroni",
};
const paths = envPaths({ stateDir: "/srv/drill-state", stack: "local-patroni" });

describe("Patroni config written by drill env", () => {
  it("binds PostgreSQL, the REST API and etcd to 127.0.0.1 only, trusting nothing beyond it", () => {
    const c = patroniConfig(decl, paths, decl.nodes[1]!) as { restapi: { listen: string }; postgresql: { listen: string; data_dir: string; pg_hba: string[] }; etcd3: { hosts: string[] } };
    expect(c.restapi.listen).toBe("127.0.0.1:15452");
    expect(c.postgresql.listen).toBe("127.0.0.1:15442");
    expect(c.etcd3.hosts).toEqual(["127.0.0.1:15448"]);
    expect(c.postgresql.data_dir).toBe("/srv/drill-state/env/local-patroni/pg/node-b");
    for (const rule of c.postgresql.pg_hba) expect(rule).toMatch(/^local |127\.0\.0\.1\/32/);
    const args = etcdArgs(decl, paths).join(" ");
    expect(args).toContain("--listen-client-urls http://127.0.0.1:15448");
    expect(args).toContain("--listen-peer-urls http://127.0.0.1:15449");
    expect(args).not.toMatch(/0\.0\.0\.0|localhost/);
  });

  it("writes the declared timing as Patroni's bootstrap DCS settings, in Patroni's units", () => {
    const timing = { ttlSeconds: 30, loopWaitSeconds: 10, retryTimeoutSeconds: 10, synchronousMode: false, maximumLagOnFailoverBytes: 4096 };
    const dcs = (patroniConfig({ ...decl, timing }, paths, decl.nodes[0]!) as { bootstrap: { dcs: Record<string, unknown> } }).bootstrap.dcs;
    expect(dcs).toMatchObject({ ttl: 30, loop_wait: 10, retry_timeout: 10, synchronous_mode: false, maximum_lag_on_failover: 4096 });
    expect((dcs.postgresql as { use_pg_rewind: boolean }).use_pg_rewind).toBe(true);
  });

  it("refuses timing Patroni would not keep: ttl below loop_wait + 2 × retry_timeout", () => {
    expect(PatroniTiming.safeParse(TUNED_PATRONI_TIMING).success).toBe(true);
    const bad = PatroniTiming.safeParse({ ...TUNED_PATRONI_TIMING, ttlSeconds: 9 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["ttlSeconds"]);
  });

  it("needs patroni and etcd-server only when the stack chooses Patroni", () => {
    const none = () => false;
    expect(missingPackages(none).map((p) => p.name)).not.toContain("patroni");
    expect(missingPackages(none, ["patroni"]).map((p) => p.name)).toEqual(expect.arrayContaining(["patroni", "etcd-server", "postgresql-15"]));
  });
});

describe("continuity-drill:ordersDb in the local stack's config", () => {
  it("names the field that is missing or wrong, before any resource is made", () => {
    const nodes = [{ name: "node-a", port: 15441, restApiPort: 15451 }, { name: "node-b", port: 15442 }];
    expect(() => ordersDbCluster("127.0.0.1", { database: "orders", manager: "patroni", nodes })).toThrow(/continuity-drill:ordersDb\.etcdPort: required with manager patroni/);
    expect(() => ordersDbCluster("127.0.0.1", { database: "orders", manager: "patroni", etcdPort: 15448, nodes })).toThrow(/continuity-drill:ordersDb\.nodes\[1\]\.restApiPort: required/);
    expect(() => ordersDbCluster("127.0.0.1", { database: "orders", manager: "stolon" as "patroni", nodes })).toThrow(/manager: "stolon" is not one of pg_auto_failover, patroni/);
    expect(() => ordersDbCluster("127.0.0.1", { database: "orders", nodes })).toThrow(/monitorPort: required with manager pg_auto_failover/);
    const patroni = { database: "orders", manager: "patroni" as const, etcdPort: 15448, nodes: [nodes[0]!, { ...nodes[1]!, restApiPort: 15452 }] };
    // Patroni's own word for a knob is not ours: said, not silently dropped; the file is named.
    expect(() => ordersDbCluster("127.0.0.1", { ...patroni, patroni: { ttl: 30 } as never }, "Pulumi.local-patroni.yaml")).toThrow(/^Pulumi\.local-patroni\.yaml: continuity-drill:ordersDb\.patroni: unknown key\(s\) ttl/);
    expect(() => ordersDbCluster("127.0.0.1", { ...patroni, monitorPort: 15430 }, "Pulumi.local-patroni.yaml")).toThrow(/^Pulumi\.local-patroni\.yaml: continuity-drill:ordersDb\.monitorPort: only with manager pg_auto_failover/);
    expect(() => ordersDbCluster("127.0.0.1", { ...patroni, patroni: { ttlSeconds: 5 } })).toThrow(/continuity-drill:ordersDb\.patroni\.ttlSeconds: ttlSeconds must be at least/);
  });
});
