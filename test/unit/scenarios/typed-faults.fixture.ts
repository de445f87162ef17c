// Compiled by typed-faults.test.ts (and by `tsc -p .`): each `@ts-expect-error`
// marks a scenario defect that must be a TypeScript error; an expectation that is
// not an error is itself a compile error, so the fixture cannot pass vacuously.
import { defineScenario, type FaultKindName } from "../../../scenarios/api.ts";

/** Every kind a scenario author can name, exactly once (the compiler checks it is all of them); typed-faults.test.ts compares it with the registry. */
export const authorKinds: Record<FaultKindName, true> = {
  "process.kill": true, "process.pause": true, "net.partition": true, "net.proxy": true, command: true, "fis.experiment": true,
  "ssh.process.kill": true, "ssh.process.pause": true, "ssh.command": true,
};

const base = { service: "orders-db", hazard: "node-loss", workload: { probes: [{ kind: "postgres" as const }] } };

export const good = defineScenario({
  ...base,
  faults: [
    { kind: "process.kill", target: { role: "primary" }, params: { signal: "SIGTERM", group: false } },
    { kind: "net.proxy", params: { mode: "latency", delay: "200ms", jitter: "20ms" } },
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
  // @ts-expect-error `delay` belongs to net.proxy, not net.partition
  faults: [{ kind: "net.partition", params: { delay: "1s" } }],
});

export const missingRequired = defineScenario({
  ...base,
  // @ts-expect-error net.proxy in mode latency needs its `delay`
  faults: [{ kind: "net.proxy", params: { mode: "latency" } }],
});
