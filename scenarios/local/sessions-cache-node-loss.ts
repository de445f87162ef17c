// The Redis master dies. Sentinel (quorum 2) must promote the replica; writes
// the master acknowledged but had not yet shipped may be lost — within the RPO.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Kill the Redis master; Sentinel promotes the replica",
  service: "sessions-cache",
  hazard: "node-loss",
  faults: [{ kind: "process.kill", target: { role: "primary" } }],
  workload: {
    probes: [{ kind: "redis", name: "sessions-set", endpoint: "sentinels", rateHz: 100, timeout: "500ms", params: { op: "set" } }],
    ledgers: [{ kind: "redis", name: "sessions-ledger", endpoint: "sentinels", rateHz: 50, timeout: "1s" }],
  },
  windows: { steady: "3s", baseline: "5s", stableFor: "2s", after: "2s" },
});
