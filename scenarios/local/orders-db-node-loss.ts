// The orders-db primary dies (SIGKILL of its whole pg_autoctl process group, as
// a crashed host would lose it). pg_auto_failover must promote the synchronous
// standby; no acknowledged order may be lost.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Kill the orders-db primary node; pg_auto_failover promotes the standby",
  service: "orders-db",
  hazard: "node-loss",
  faults: [{ kind: "process.kill", target: { role: "primary" } }],
  workload: {
    probes: [{ kind: "postgres", name: "orders-db-sql", endpoint: "primary", rateHz: 50, timeout: "1s" }],
    ledgers: [{ kind: "postgres", name: "orders-ledger", endpoint: "primary", rateHz: 20, timeout: "2s" }],
  },
  windows: { steady: "3s", baseline: "5s", stableFor: "3s", after: "2s" },
});
