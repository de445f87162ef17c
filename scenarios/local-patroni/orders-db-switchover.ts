// A planned switchover of orders-db under Patroni, as a `command` fault that
// blocks until Patroni has finished it: its REST API answers POST /switchover
// once the candidate holds the leader key. The outage lies inside the inject
// window (docs/design.md "onset"). Confirmed by Patroni's own /cluster: another
// member leads, on a newer timeline than at inject. The REST API
// asked is the plan's `node-a-api` endpoint (Pulumi.local-patroni.yaml's
// restApiPort); /cluster names the others. Nothing to heal: the old leader
// rejoins as a replica by itself; restore waits until it streams again.
import { fileURLToPath } from "node:url";
import { defineScenario } from "../api.ts";

const script = fileURLToPath(new URL("./_patroni-switchover.mjs", import.meta.url));

export default defineScenario({
  description: "Planned switchover of orders-db (Patroni REST POST /switchover, which waits until done)",
  service: "orders-db",
  hazard: "node-loss",
  faults: [{
    kind: "command",
    target: { endpoint: "node-a-api" },
    params: {
      inject: [process.execPath, script, "inject"],
      heal: ["true"],
      check: [process.execPath, script, "check"],
      timeout: "90s",
    },
  }],
  workload: {
    probes: [{ kind: "postgres", name: "orders-db-sql", endpoint: "primary", rateHz: 50, timeout: "1s" }],
    ledgers: [{ kind: "postgres", name: "orders-ledger", endpoint: "primary", rateHz: 20, timeout: "2s" }],
  },
  windows: { steady: "3s", baseline: "3s", stableFor: "3s", after: "2s" },
});
