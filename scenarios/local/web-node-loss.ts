// One web instance dies. HAProxy's health checks take it out and, with retries
// and redispatch, clients should not notice; every acknowledged order is kept.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Kill one web instance behind HAProxy",
  service: "web",
  hazard: "node-loss",
  faults: [{ kind: "process.kill", target: { role: "primary" } }],
  workload: {
    probes: [{ kind: "http", name: "web-healthz", endpoint: "http", rateHz: 100, timeout: "1s", params: { path: "/healthz" } }],
    ledgers: [{ kind: "http", name: "orders-api", endpoint: "http", rateHz: 20, timeout: "2s" }],
    // The storefront under a realistic mix while it loses an instance: k6 where installed, else built in.
    load: { rateHz: 50, k6Script: "web-mix.js" },
  },
  windows: { steady: "3s", baseline: "5s", stableFor: "3s", after: "2s" },
});
