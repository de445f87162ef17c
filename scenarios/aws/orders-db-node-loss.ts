// The Aurora writer is lost: FIS fails the cluster over (aws:rds:failover-db-cluster)
// and Aurora promotes the reader in another zone. Clients reconnect through the
// cluster endpoint's name; no acknowledged order may be lost.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Fail the orders-db writer over to the reader in another zone (FIS)",
  service: "orders-db",
  hazard: "node-loss",
  faults: [{ kind: "fis.experiment", target: { endpoint: "fis:node-loss" } }],
  workload: {
    probes: [{ kind: "postgres", name: "orders-db-sql", endpoint: "primary", rateHz: 20, timeout: "2s" }],
    ledgers: [{ kind: "postgres", name: "orders-ledger", endpoint: "primary", rateHz: 10, timeout: "3s" }],
  },
  // Over a network, not loopback: longer windows, so one slow answer is not read as an outage.
  windows: { steady: "10s", baseline: "30s", stableFor: "10s", after: "10s" },
});
