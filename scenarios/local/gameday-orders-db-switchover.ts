// Game day: a DBA switches orders-db over by hand, following the runbook, while
// the harness watches the service. No fault is injected — the operator's own
// action is the disruption, so measured RTO runs from the moment the step is
// shown and includes the people. Rehearse it without people (CI) with
// `drill run gameday-orders-db-switchover --auto-ack 2s`.
import { defineScenario } from "../api.ts";

const monitor = "postgres://autoctl_node@127.0.0.1:15430/pg_auto_failover";

export default defineScenario({
  description: "Game day: planned switchover of orders-db by hand, following the runbook",
  service: "orders-db",
  hazard: "node-loss",
  steps: [
    { id: "switchover", runbook: 3, timeLimit: "5m", rehearse: ["runuser", "-u", "postgres", "--", "pg_autoctl", "perform", "switchover", "--monitor", monitor] },
    { id: "confirm", runbook: 1, timeLimit: "5m", rehearse: ["runuser", "-u", "postgres", "--", "pg_autoctl", "show", "state", "--monitor", monitor] },
  ],
  workload: {
    probes: [{ kind: "postgres", name: "orders-db-sql", endpoint: "primary", rateHz: 50, timeout: "1s" }],
    ledgers: [{ kind: "postgres", name: "orders-ledger", endpoint: "primary", rateHz: 20, timeout: "2s" }],
  },
  windows: { steady: "3s", baseline: "3s", stableFor: "3s", after: "2s" },
});
