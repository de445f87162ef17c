// pass: bytes flow both ways untouched; TCP backpressure is preserved by the Pipes.
import type { Toxic } from "./toxic.ts";

export function passToxic(): Toxic {
  return {
    accept: (link) => link.connect(),
    enter: () => {},
    leave: () => {},
    delayMs: () => 0,
  };
}
