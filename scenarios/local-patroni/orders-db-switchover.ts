// A planned switchover of orders-db under Patroni, as a `command` fault that
// blocks until Patroni has finished it: its REST API answers POST /switchover
// once the candidate holds the leader key. The outage lies inside the inject
// window (docs/design.md "onset"). Confirmed by Patroni's own /history (a new
// timeline less than 2 minutes old). Nothing to heal: the old leader rejoins
// as a replica by itself; restore waits until it streams again.
import { fileURLToPath } from "node:url";
import { defineScenario } from "../api.ts";

const script = fileURLToPath(new URL("./_patroni-switchover.mjs", import.meta.url));
const apis = ["http://127.0.0.1:15451", "http://127.0.0.1:15452"];

export default defineScenario({
  description: "Planned switchover of orders-db (Patroni REST POST /switchover, which waits until done)",
  service: "orders-db",
  hazard: "node-loss",
  faults: [{
    kind: "command",
    target: { none: true },
    params: {
      inject: [process.execPath, script, "inject", ...apis],
      heal: ["true"],
      check: [process.execPath, script, "check", ...apis],
      timeout: "90s",
    },
  }],
  workload: {
    probes: [{ kind: "postgres", name: "orders-db-sql", endpoint: "primary", rateHz: 50, timeout: "1s" }],
    ledgers: [{ kind: "postgres", name: "orders-ledger", endpoint: "primary", rateHz: 20, timeout: "2s" }],
  },
  windows: { steady: "3s", baseline: "3s", stableFor: "3s", after: "2s" },
});
