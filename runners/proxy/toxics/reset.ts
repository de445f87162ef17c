// reset: the target refuses to talk. New clients are accepted and immediately
// aborted with a TCP RST; open connections are aborted the same way, both toward
// the client and toward the upstream server. Clients see ECONNRESET.
import type { Toxic } from "./toxic.ts";

export function resetToxic(): Toxic {
  return {
    accept: (link) => link.reset(),
    enter: (links) => {
      for (const link of [...links]) link.reset();
    },
    leave: () => {},
    delayMs: () => 0,
  };
}
