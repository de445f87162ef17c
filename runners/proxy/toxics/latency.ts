// latency: every chunk, in each direction, waits delayMs ± jitterMs before it is
// forwarded. Jitter is uniform and clamped at zero; the Pipe never lets a chunk
// overtake the one before it, so order within a direction is kept (a chunk may
// wait a little longer than its own draw when the one ahead drew more).
import type { Toxic } from "./toxic.ts";

export function latencyToxic(delayMs: number, jitterMs = 0): Toxic {
  return {
    accept: (link) => link.connect(),
    enter: () => {},
    leave: () => {},
    delayMs: () => Math.max(0, delayMs + (Math.random() * 2 - 1) * jitterMs),
  };
}
