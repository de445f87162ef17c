// Compiled by typed-faults.test.ts (and by `tsc -p .`): each `@ts-expect-error`
// marks a scenario defect that must be a TypeScript error; an expectation that is
// not an error is itself a compile error, so the fixture cannot pass vacuously.
import { defineScenario } from "../../../scenarios/api.ts";

const base = { service: "orders-db", hazard: "node-loss", workload: { probes: [{ kind: "postgres" as const }] } };

export const good = defineScenario({
  ...base,
  faults: [
    { kind: "process.kill", target: { role: "primary" }, params: { signal: "SIGTERM", group: false } },
    { kind: "net.latency", params: { delay: "200ms", jitter: "20ms" } },
    { kind: "process.pause" },
  ],
});

export const misspeltKind = defineScenario({
  ...base,
  // @ts-expect-error unknown fault kind (a typo of process.kill)
  faults: [{ kind: "process.kil", params: {} }],
});

export const misspeltParam = defineScenario({
  ...base,
  // @ts-expect-error `signl` is not a param of process.kill
  faults: [{ kind: "process.kill", params: { signl: "SIGKILL" } }],
});

export const wrongValue = defineScenario({
  ...base,
  // @ts-expect-error SIGHUP is not a signal process.kill sends
  faults: [{ kind: "process.kill", params: { signal: "SIGHUP" } }],
});

export const paramOfAnotherKind = defineScenario({
  ...base,
  // @ts-expect-error `delay` belongs to net.latency, not net.partition
  faults: [{ kind: "net.partition", params: { delay: "1s" } }],
});

export const missingRequired = defineScenario({
  ...base,
  // @ts-expect-error net.latency needs its `delay`
  faults: [{ kind: "net.latency", params: {} }],
});
