// Ledger and proxy benchmarks:
// - data-loss detection on a ground truth: a stand-in order API drops, hangs,
//   corrupts and refuses a known, seeded set of writes; read-back must find
//   exactly those (false positives: 0);
// - what the fault proxy costs in pass mode: round-trip p50 through it minus
//   direct, on loopback.
import net from "node:net";
import { monotonicClock } from "../core/clock.ts";
import { createLedger } from "../runners/ledger/create-ledger.ts";
import type { LedgerWrite } from "../runners/ledger/record.ts";
import { reconcile } from "../runners/ledger/reconcile.ts";
import { startTcpProxy } from "../runners/proxy/tcp-proxy.ts";
import { lands, startOrderStore, type Fate } from "../test/support/order-store.ts";
import type { BenchRow } from "./row.ts";

const RATE_HZ = 200;
const DURATION_MS = 3_000;
const ROUND_TRIPS = 2_000;

export async function benchLedger(): Promise<BenchRow[]> {
  return [...(await detection()), await proxyOverhead()];
}

/** A fixed pseudo-random fate per seq (not Math.random: the truth must be reproducible). */
function fateOf(seq: number): Fate {
  const roll = ((seq * 2654435761) >>> 0) % 100;
  return roll < 5 ? "drop" : roll < 8 ? "hang" : roll < 10 ? "corrupt" : roll < 12 ? "fail" : "store";
}

async function detection(): Promise<BenchRow[]> {
  const store = await startOrderStore(fateOf);
  const writes: LedgerWrite[] = [];
  try {
    const writer = createLedger({ kind: "http", name: "bench", target: store.url, rateHz: RATE_HZ, timeoutMs: 250 });
    const clock = monotonicClock();
    writer.start(clock, (w) => writes.push(w));
    await new Promise((resolve) => setTimeout(resolve, DURATION_MS));
    await writer.stop();
    const found = reconcile(writes, await writer.readBack(clock));
    await writer.close();
    // Ground truth from the store's side (fate, and whether the write reached it) and the client's (ack).
    const truth = (keep: (w: LedgerWrite) => boolean) => new Set(writes.filter(keep).map((w) => w.seq));
    const reached = (w: LedgerWrite) => store.received.has(w.seq);
    const note = `${writes.length} writes at ${RATE_HZ}/s over HTTP; ${writer.stats().maxLagMs.toFixed(1)} ms max schedule lag`;
    const row = (name: string, reported: number[], expected: Set<number>): BenchRow[] => {
      const falsePositives = reported.filter((seq) => !expected.has(seq)).length;
      const missed = [...expected].filter((seq) => !reported.includes(seq)).length;
      return [
        { name, value: reported.length - falsePositives, unit: "writes", target: `= ${expected.size} (ground truth)`, met: missed === 0, note },
        { name: `${name}: false positives`, value: falsePositives, unit: "writes", target: "0", met: falsePositives === 0, note },
      ];
    };
    return [
      ...row("ledger: acknowledged-then-lost writes found", found.lost, truth((w) => w.ackAt !== undefined && fateOf(w.seq) === "drop")),
      ...row(
        "ledger: unacknowledged writes found landed",
        found.unacknowledgedPresent,
        truth((w) => w.ackAt === undefined && reached(w) && lands(fateOf(w.seq))),
      ),
      ...row("ledger: corrupted payloads found", found.corrupted, truth((w) => reached(w) && fateOf(w.seq) === "corrupt")),
    ];
  } finally {
    await store.stop();
  }
}

async function proxyOverhead(): Promise<BenchRow> {
  const echo = net.createServer((socket) => socket.on("error", () => {}).pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  const port = (echo.address() as net.AddressInfo).port;
  const proxy = await startTcpProxy({ upstreamHost: "127.0.0.1", upstreamPort: port, name: "bench" });
  try {
    const direct = await roundTripP50(port);
    const proxied = await roundTripP50(proxy.listen.port);
    return {
      name: "proxy: added round-trip latency p50 (pass mode)",
      value: Number((proxied - direct).toFixed(3)),
      unit: "ms",
      target: "≤ 0.5 ms",
      met: proxied - direct <= 0.5,
      note: `${ROUND_TRIPS} round trips of 64 B on loopback; direct p50 ${direct.toFixed(3)} ms, proxied ${proxied.toFixed(3)} ms`,
    };
  } finally {
    await proxy.close();
    await new Promise((resolve) => echo.close(resolve));
  }
}

/** Median of sequential 64-byte ping-pongs on one connection (after 100 warm-up ones). */
async function roundTripP50(port: number): Promise<number> {
  const socket = net.connect({ host: "127.0.0.1", port, noDelay: true });
  await new Promise((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let failure: Error | undefined;
  socket.on("error", (error) => (failure = error));
  const message = Buffer.alloc(64, 7);
  const times: number[] = [];
  try {
    for (let i = 0; i < ROUND_TRIPS + 100; i++) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        let got = 0;
        const onData = (chunk: Buffer) => {
          got += chunk.length;
          if (got >= message.length) {
            socket.off("data", onData);
            resolve();
          }
        };
        if (failure) return reject(failure);
        socket.on("data", onData);
        socket.write(message);
      });
      if (i >= 100) times.push(performance.now() - started);
    }
  } finally {
    socket.destroy();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
