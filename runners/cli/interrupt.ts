// Ctrl-C and SIGTERM during a drill: the first heals every fault, writes the
// journal marked interrupted and exits 3; a second one also skips restoring
// redundancy; a third leaves at once (faults then stay in the fault journal for
// `drill recover`).
import { paint } from "./output.ts";

export interface InterruptSignals {
  soft: AbortSignal;
  hard: AbortSignal;
  dispose(): void;
}

export function interruptSignals(): InterruptSignals {
  const soft = new AbortController();
  const hard = new AbortController();
  let count = 0;
  const onSignal = (name: NodeJS.Signals) => {
    count += 1;
    if (count === 1) {
      process.stderr.write(`\n${paint.yellow(`${name}: healing faults and stopping (again to skip restoring redundancy)`)}\n`);
      soft.abort();
    } else if (count === 2) {
      process.stderr.write(`${paint.yellow(`${name}: skipping restore (once more to quit at once)`)}\n`);
      hard.abort();
    } else {
      process.stderr.write(`${paint.red("quitting: run `drill recover` to heal what is left")}\n`);
      process.exit(3);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    soft: soft.signal,
    hard: hard.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
