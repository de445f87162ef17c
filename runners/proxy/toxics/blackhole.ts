// blackhole: the target becomes unreachable, as behind a network partition.
// New clients are accepted (the proxy's own listen socket still answers the
// handshake, like a SYN-accepting middlebox) but never connected upstream and
// never answered; open connections go silent in both directions and are held.
//
// Healing: when the mode changes to anything else, the connections held during
// the partition are destroyed with a TCP RST. A real partition heals with dead
// sessions — retransmissions have timed out, or the far side has since restarted
// or failed over — so clients must notice and reconnect. Reviving held sessions
// would hide exactly the reconnect behaviour a drill means to test.
import type { Toxic } from "./toxic.ts";

export function blackholeToxic(): Toxic {
  return {
    accept: (link) => link.hold(),
    enter: (links) => {
      for (const link of links) link.hold();
    },
    leave: (links) => {
      for (const link of [...links]) if (link.held) link.reset();
    },
    delayMs: () => 0,
  };
}
