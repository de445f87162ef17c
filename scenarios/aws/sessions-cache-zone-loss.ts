// The zone holding the sessions-cache primary loses power: FIS interrupts the
// replication group's nodes there (aws:elasticache:replicationgroup-interrupt-az-power)
// and ElastiCache Multi-AZ must promote the replica in another zone. Writes the
// primary acknowledged but had not shipped may be lost — within the RPO.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Cut power to sessions-cache's nodes in the impaired zone (FIS); Multi-AZ promotes the replica",
  service: "sessions-cache",
  hazard: "zone-loss",
  faults: [{ kind: "fis.experiment", target: { endpoint: "fis:zone-loss" } }],
  workload: {
    probes: [{ kind: "redis", name: "sessions-set", endpoint: "primary", rateHz: 50, timeout: "1s", params: { op: "set" } }],
    ledgers: [{ kind: "redis", name: "sessions-ledger", endpoint: "primary", rateHz: 20, timeout: "2s" }],
  },
  windows: { steady: "10s", baseline: "30s", stableFor: "10s", after: "10s" },
});
