// TCP probe: connect, optionally send a line and wait for an expected reply,
// then close. The cheapest check that something listens and answers; used for
// services the harness has no client for.
import { connect, type Socket } from "node:net";
import { classifyNetworkError } from "./classify.ts";
import type { Outcome, ProbeClient } from "./probe.ts";
import type { TcpProbeSpec } from "./spec.ts";

/** A reply longer than this without the expected text is a wrong answer, not a reason to buffer more. */
const MAX_REPLY_BYTES = 64 * 1024;

export function tcpClient(spec: TcpProbeSpec): ProbeClient {
  const [host, portText] = splitHostPort(spec.target);
  const port = Number(portText);
  const sockets = new Set<Socket>();

  return {
    attempt(signal): Promise<Outcome> {
      return new Promise<Outcome>((resolve, reject) => {
        const socket = connect({ host, port });
        sockets.add(socket);
        let reply = "";
        let done = false;
        const finish = (settle: () => void): void => {
          if (done) return;
          done = true;
          signal.removeEventListener("abort", onAbort);
          socket.removeAllListeners("data");
          socket.destroy();
          sockets.delete(socket);
          settle();
        };
        const onAbort = (): void => finish(() => reject(signal.reason));
        signal.addEventListener("abort", onAbort, { once: true });
        // `on`, not `once`: a late second error must still find a listener.
        socket.on("error", (error) => finish(() => reject(error)));
        socket.once("connect", () => {
          if (spec.send !== undefined) socket.write(spec.send);
          if (spec.expect === undefined) finish(() => resolve({ ok: true }));
        });
        socket.on("data", (chunk: Buffer) => {
          reply += chunk.toString("utf8");
          if (spec.expect !== undefined && reply.includes(spec.expect)) finish(() => resolve({ ok: true }));
          else if (reply.length > MAX_REPLY_BYTES) finish(() => resolve(wrongReply(reply)));
        });
        socket.once("end", () => finish(() => resolve(wrongReply(reply))));
      });
    },
    classify: classifyNetworkError,
    async close() {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
  };
}

function wrongReply(reply: string): Outcome {
  const shown = reply.length > 60 ? `${reply.slice(0, 57)}...` : reply;
  return { ok: false, error: "bad-status", detail: `reply without the expected text: ${JSON.stringify(shown)}` };
}

/** "host:port" → ["host", "port"]; the spec schema has already checked the shape. */
export function splitHostPort(target: string): [string, string] {
  const at = target.lastIndexOf(":");
  return [target.slice(0, at), target.slice(at + 1)];
}
