// One storefront instance is terminated (aws:ec2:terminate-instances on the Auto
// Scaling group's tag). The target group's health checks take it out; clients
// should see at most a few failed requests, and every acknowledged order is kept.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Terminate one web instance of the Auto Scaling group (FIS)",
  service: "web",
  hazard: "node-loss",
  faults: [{ kind: "fis.experiment", target: { endpoint: "fis:node-loss" } }],
  workload: {
    probes: [{ kind: "http", name: "web-healthz", endpoint: "http", rateHz: 20, timeout: "2s", params: { path: "/healthz" } }],
    ledgers: [{ kind: "http", name: "orders-api", endpoint: "http", rateHz: 10, timeout: "3s" }],
  },
  windows: { steady: "10s", baseline: "30s", stableFor: "10s", after: "10s" },
});
