import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createProbe } from "../../../runners/probes/create.ts";
import { runProbe } from "./run-probe.ts";

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A line server: answers "PONG\n" to "PING\n", or misbehaves as told. */
async function lineServer(reply: "pong" | "wrong" | "silent"): Promise<number> {
  const server = net.createServer((socket) => {
    socket.on("error", () => undefined);
    socket.on("data", () => {
      if (reply === "pong") socket.end("PONG\n");
      else if (reply === "wrong") socket.end("NOPE\n");
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen({ host: "127.0.0.1", port: 0 }, r));
  return (server.address() as AddressInfo).port;
}

const tcp = (port: number, extra: Record<string, unknown> = {}) =>
  createProbe({ kind: "tcp", name: "line", target: `127.0.0.1:${port}`, rateHz: 50, timeoutMs: 150, ...extra });

describe("tcp probe", () => {
  it("connect only: healthy while something listens", async () => {
    const { samples } = await runProbe(tcp(await lineServer("silent")), [{ after: 300 }]);
    expect(samples.length).toBeGreaterThan(10);
    expect(samples.every((s) => s.ok)).toBe(true);
  });

  it("send/expect: healthy on the expected reply, bad-status on another, timeout on silence", async () => {
    const sendExpect = { send: "PING\n", expect: "PONG" };
    const good = await runProbe(tcp(await lineServer("pong"), sendExpect), [{ after: 300 }]);
    expect(good.samples.every((s) => s.ok)).toBe(true);
    const wrong = await runProbe(tcp(await lineServer("wrong"), sendExpect), [{ after: 300 }]);
    expect(wrong.samples.every((s) => s.error === "bad-status")).toBe(true);
    const silent = await runProbe(tcp(await lineServer("silent"), sendExpect), [{ after: 300 }]);
    expect(silent.samples.every((s) => s.error === "timeout")).toBe(true);
  });

  it("a closed port is refused, and the probe survives it", async () => {
    const port = await lineServer("silent");
    await new Promise((r) => servers.pop()!.close(r));
    const { samples } = await runProbe(tcp(port), [{ after: 300 }]);
    expect(samples.length).toBeGreaterThan(10);
    expect(samples.every((s) => s.error === "refused")).toBe(true);
  });
});
