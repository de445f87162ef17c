// sessions-cache answers 500 ms late, seen through web: the storefront is
// degraded, not down. Judged against web's minimum availability while disrupted
// with a client latency bound of 1 s per request.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Add 500 ms to every sessions-cache reply on web's path to it, for 10 s",
  service: "web",
  hazard: "dependency-latency",
  faults: [{ kind: "net.latency", target: { role: "primary", service: "sessions-cache" }, duration: "10s", params: { delay: "500ms" } }],
  workload: {
    probes: [{ kind: "http", name: "web-session", endpoint: "http", rateHz: 50, timeout: "2s", latencyBound: "1s", params: { path: "/session/drill-probe" } }],
  },
  windows: { steady: "3s", baseline: "5s", stableFor: "3s", after: "2s" },
});
