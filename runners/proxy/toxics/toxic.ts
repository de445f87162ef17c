// A toxic is the behaviour behind one proxy mode (after Shopify/toxiproxy's
// toxics/): what happens to a connection accepted while the mode is active, to
// the connections already open when it begins and ends, and how long a chunk
// waits before it is forwarded.
import type { Link } from "../link.ts";

export interface Toxic {
  /** A client connected while this mode is active. */
  accept(link: Link): void;
  /** The mode just began; `links` are the connections open at that moment. */
  enter(links: Iterable<Link>): void;
  /** The mode is about to be replaced by another kind. */
  leave(links: Iterable<Link>): void;
  /** Delay (ms) for a chunk arriving now. */
  delayMs(): number;
}
