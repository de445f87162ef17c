// The toxic for each mode kind, registered by name.
import type { ProxyMode } from "../mode.ts";
import { blackholeToxic } from "./blackhole.ts";
import { latencyToxic } from "./latency.ts";
import { passToxic } from "./pass.ts";
import { resetToxic } from "./reset.ts";
import type { Toxic } from "./toxic.ts";

export type { Toxic } from "./toxic.ts";

export function toxicFor(mode: ProxyMode): Toxic {
  switch (mode.kind) {
    case "pass":
      return passToxic();
    case "blackhole":
      return blackholeToxic();
    case "reset":
      return resetToxic();
    case "latency":
      return latencyToxic(mode.delayMs, mode.jitterMs);
  }
}
