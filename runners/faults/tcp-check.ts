// Whether a TCP endpoint answers: used by faults to confirm they took effect.
import { connect } from "node:net";

/** Resolves true when a connection does not complete within `ms` (dropped or refused). */
export function probeSilent(host: string, port: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (silent: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(silent);
    };
    const timer = setTimeout(() => done(true), ms);
    socket.once("connect", () => done(false));
    socket.once("error", () => done(true));
  });
}
