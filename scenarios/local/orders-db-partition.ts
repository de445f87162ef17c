// The orders-db primary is cut off from everything — clients, the monitor and
// the standby — by iptables on its port and on everything its processes send.
// The monitor must fail over; the isolated old primary must not keep taking writes.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Partition the orders-db primary from clients, monitor and standby",
  service: "orders-db",
  hazard: "network-partition",
  faults: [{ kind: "net.partition", target: { role: "primary" } }],
  workload: {
    probes: [{ kind: "postgres", name: "orders-db-sql", endpoint: "primary", rateHz: 50, timeout: "1s" }],
    ledgers: [{ kind: "postgres", name: "orders-ledger", endpoint: "primary", rateHz: 20, timeout: "2s" }],
  },
  windows: { steady: "3s", baseline: "5s", stableFor: "3s", after: "2s" },
});
