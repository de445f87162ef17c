// The orders-db leader is cut off from everything — clients, etcd and the
// standby — by iptables on its port and on everything its processes send.
// Patroni on the isolated leader cannot renew its key and demotes itself; the
// standby takes the key and is promoted. The isolated node must not keep
// acknowledging writes.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Partition the orders-db leader from clients, etcd and the standby",
  service: "orders-db",
  hazard: "network-partition",
  faults: [{ kind: "net.partition", target: { role: "primary" } }],
  workload: {
    probes: [{ kind: "postgres", name: "orders-db-sql", endpoint: "primary", rateHz: 50, timeout: "1s" }],
    ledgers: [{ kind: "postgres", name: "orders-ledger", endpoint: "primary", rateHz: 20, timeout: "2s" }],
  },
  windows: { steady: "3s", baseline: "5s", stableFor: "3s", after: "2s" },
});
