// A whole zone is lost as the storefront meets it: every subnet there is cut off
// (aws:network:disrupt-connectivity), the Aurora writer fails over and the
// cache's nodes there lose power, all in one FIS experiment. The load balancer
// and the other zones must carry the storefront; heal ends the disruption.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Lose the impaired zone: its subnets cut off, orders-db and sessions-cache failed over (FIS)",
  service: "web",
  hazard: "zone-loss",
  faults: [{ kind: "fis.experiment", target: { endpoint: "fis:zone-loss" } }],
  workload: {
    probes: [{ kind: "http", name: "web-healthz", endpoint: "http", rateHz: 20, timeout: "2s", params: { path: "/healthz" } }],
    ledgers: [{ kind: "http", name: "orders-api", endpoint: "http", rateHz: 10, timeout: "3s" }],
  },
  windows: { steady: "10s", baseline: "30s", stableFor: "10s", after: "10s" },
});
