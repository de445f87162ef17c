// The orders-db leader dies: SIGKILL of its Patroni and of the postmaster Patroni
// double-forked into its own session, with every backend (the node's whole
// tree, as a crashed host would lose it). Patroni on the standby must take the
// leader key once it expires (ttl) and promote; no acknowledged order may be lost.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Kill the orders-db leader (Patroni and its postmaster); Patroni promotes the synchronous standby",
  service: "orders-db",
  hazard: "node-loss",
  faults: [{ kind: "process.kill", target: { role: "primary" } }],
  workload: {
    probes: [{ kind: "postgres", name: "orders-db-sql", endpoint: "primary", rateHz: 50, timeout: "1s" }],
    ledgers: [{ kind: "postgres", name: "orders-ledger", endpoint: "primary", rateHz: 20, timeout: "2s" }],
  },
  windows: { steady: "3s", baseline: "5s", stableFor: "3s", after: "2s" },
});
