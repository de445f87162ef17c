// The Redis master hangs: SIGSTOP keeps its sockets open but it answers nothing.
// Clients see timeouts, not errors; Sentinel must still fail over. Heal resumes
// the old master, which Sentinel then turns into a replica.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Pause (SIGSTOP) the Redis master; Sentinel promotes the replica",
  service: "sessions-cache",
  hazard: "process-hang",
  faults: [{ kind: "process.pause", target: { role: "primary" } }],
  workload: {
    probes: [{ kind: "redis", name: "sessions-set", endpoint: "sentinels", rateHz: 100, timeout: "500ms", params: { op: "set" } }],
    ledgers: [{ kind: "redis", name: "sessions-ledger", endpoint: "sentinels", rateHz: 50, timeout: "1s" }],
  },
  windows: { steady: "3s", baseline: "5s", stableFor: "2s", after: "2s" },
});
