// sessions-cache answers 500 ms late, seen through web: the storefront is
// degraded, not down. Judged against web's minimum availability while disrupted
// with a client latency bound of 1 s per request. net.proxy latency delays each
// direction, so 250 ms makes every cache round trip 500 ms longer. (At 500 ms a
// direction the app's 1 s Redis command timeout fires and web fails — measured.)
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Add 500 ms to every sessions-cache round trip on web's path to it, for 10 s",
  service: "web",
  hazard: "dependency-latency",
  faults: [{ kind: "net.proxy", target: { role: "primary", service: "sessions-cache" }, duration: "10s", params: { mode: "latency", delay: "250ms" } }],
  workload: {
    probes: [{ kind: "http", name: "web-session", endpoint: "http", rateHz: 50, timeout: "2s", latencyBound: "1s", params: { path: "/session/drill-probe" } }],
  },
  // web's writes go to orders-db, which this fault does not touch; the sessions it reads keep no data worth a ledger.
  waive: { rpo: "no ledger: the fault delays a cache read path, and web's data-loss objective is drilled by web-node-loss's order ledger" },
  windows: { steady: "3s", baseline: "5s", stableFor: "3s", after: "2s" },
});
