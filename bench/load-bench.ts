// The built-in load generator's throughput next to autocannon's, on the same
// server in the same run: a node:http server in its own process (one process,
// keep-alive, 127.0.0.1), so the generator and the server do not share a core.
// autocannon runs closed loop and measures the ceiling. The generator is open
// loop, so it is offered more than that ceiling (1.25×) with as many requests
// in flight as autocannon has connections, and its throughput is what got
// answered; the excess is shed, as designed. On a shared machine a run can be
// slowed by anything else running, so each is measured three times,
// interleaved, and the best of each is compared. A last run offers half the
// ceiling and checks the generator answers it in full: the rate it holds.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { monotonicClock } from "../core/clock.ts";
import { createLoad } from "../runners/load/index.ts";
import type { BenchRow } from "./row.ts";

const CONNECTIONS = 100;
const RUN_S = 2;
const ROUNDS = 3;
// The server exits when its stdin closes, so it never outlives a crashed bench.
const SERVER = `
const http = require("node:http");
const server = http.createServer((req, res) => { req.resume(); res.end("ok"); });
server.keepAliveTimeout = 10000;
process.stdin.on("end", () => process.exit(0)).resume();
server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));`;

interface AutocannonResult { requests: { total: number }; duration: number; errors: number; non2xx: number }
type Autocannon = (o: { url: string; connections: number; pipelining: number; duration: number }) => PromiseLike<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("bench server did not start within 10 s")), 10_000);
    child.stdout!.once("data", (chunk: Buffer) => (clearTimeout(timer), resolve(chunk.toString().trim())));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, child };
}

async function cannon(url: string, seconds: number): Promise<number> {
  const r = await autocannon({ url, connections: CONNECTIONS, pipelining: 1, duration: seconds });
  if (r.errors > 0 || r.non2xx > 0) throw new Error(`autocannon saw ${r.errors} errors and ${r.non2xx} non-2xx answers`);
  return r.requests.total / r.duration;
}

/** Answered requests per second and the answered share of what was offered. */
async function builtin(url: string, rateHz: number, seconds: number): Promise<{ perSecond: number; answered: number }> {
  const load = createLoad({ rateHz, maxInFlight: CONNECTIONS, timeoutMs: 2_000, targets: [{ url }] }, { k6Path: null });
  let ok = 0;
  const clock = monotonicClock();
  load.start(clock, (s) => void (s.ok && ok++));
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const elapsed = clock.now() / 1000;
  await load.stop();
  return { perSecond: ok / elapsed, answered: ok / elapsed / rateHz };
}

export async function benchLoad(): Promise<BenchRow[]> {
  const { url, child } = await startServer();
  try {
    await cannon(url, 1); // warm up the server and both clients' JIT
    await builtin(url, 5_000, 1);
    const ceilings: number[] = [];
    const maxima: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ceilings.push(await cannon(url, RUN_S));
      maxima.push((await builtin(url, Math.round(Math.max(...ceilings) * 1.25), RUN_S)).perSecond);
    }
    const ceiling = Math.max(...ceilings);
    const max = Math.max(...maxima);
    const half = Math.round(ceiling / 2);
    const held = await builtin(url, half, RUN_S);
    const ratio = max / ceiling;
    const spread = (xs: number[]) => xs.map((x) => Math.round(x)).join(", ");
    return [
      { name: "autocannon throughput (reference)", value: Math.round(ceiling), unit: "req/s", target: "—", note: `best of ${spread(ceilings)}; node:http in its own process, 127.0.0.1, keep-alive, ${CONNECTIONS} connections, ${RUN_S} s each` },
      { name: "built-in generator throughput", value: Math.round(max), unit: "req/s", target: "≥ 0.8× autocannon", met: ratio >= 0.8, note: `best of ${spread(maxima)}; offered 1.25× autocannon, ≤ ${CONNECTIONS} in flight, the rest shed` },
      { name: "built-in / autocannon", value: Number(ratio.toFixed(2)), unit: "×", target: "≥ 0.8", met: ratio >= 0.8, note: "same server, same run" },
      { name: "built-in answers an open-loop rate of ½ autocannon", value: Number((held.answered * 100).toFixed(1)), unit: "% of offered", target: "≥ 95 %", met: held.answered >= 0.95, note: `${half} req/s offered for ${RUN_S} s` },
    ];
  } finally {
    child.stdin!.end();
    child.kill("SIGTERM");
  }
}
