// A planned switchover of orders-db, run as a `command` fault that blocks until
// pg_auto_failover has finished it (`pg_autoctl perform switchover` waits).
// The whole outage lies inside the inject window: before t0 was taken from the
// window (docs/design.md "onset"), a blocking inject like this one measured "no
// disruption" while clients failed. Nothing to heal: the old primary is
// already back as the synchronous standby when the command returns.
import { defineScenario } from "../api.ts";

const monitor = "postgres://autoctl_node@127.0.0.1:15430/pg_auto_failover";

export default defineScenario({
  description: "Planned switchover of orders-db (pg_autoctl perform switchover, which waits until done)",
  service: "orders-db",
  hazard: "node-loss",
  faults: [{
    kind: "command",
    target: { none: true },
    params: {
      inject: ["runuser", "-u", "postgres", "--", "pg_autoctl", "perform", "switchover", "--monitor", monitor],
      heal: ["true"],
      // The monitor's recent events show the old primary demoted.
      check: ["sh", "-c", `runuser -u postgres -- pg_autoctl show events --count 12 --monitor ${monitor} | grep -q "converged to demotion"`],
      timeout: "90s",
    },
  }],
  workload: {
    probes: [{ kind: "postgres", name: "orders-db-sql", endpoint: "primary", rateHz: 50, timeout: "1s" }],
    ledgers: [{ kind: "postgres", name: "orders-ledger", endpoint: "primary", rateHz: 20, timeout: "2s" }],
  },
  windows: { steady: "3s", baseline: "3s", stableFor: "3s", after: "2s" },
});
