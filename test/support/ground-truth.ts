// A ground-truth outage: a plain HTTP server behind our TCP proxy (in a child
// process, see ground-truth-target.ts), the proxy blackholes it for a known
// time, and the HTTP probe measures it through the proxy. The measured RTO
// should equal the real outage to within one probe interval. Shared by the
// ground-truth test and the accuracy bench.
//
// t0 is the moment the proxy confirmed the blackhole ("inject resolved", as
// docs/design.md defines t0), on the probe's clock. The heal really happened somewhere
// between sending "pass" and its confirmation (one IPC round trip, normally
// well under a millisecond, longer on a loaded machine), so the true outage
// lies in [healSentAt − t0, healAckAt − t0]; both ends are reported.
//
// Why the probe needs no special connection handling: while blackholed, each
// request hangs on its connection (pipelining 1: one request per connection),
// so the pool's idle connections are used up within a few samples and new ones
// are accepted and held by the proxy. On heal the proxy resets every held
// connection (runners/proxy/toxics/blackhole.ts), so requests sent during the
// outage fail then ("reset"), recorded at their send time inside the outage,
// and requests sent after it go out on fresh connections. The per-sample
// timeout therefore never decides the measurement; it only bounds how many
// requests a long outage keeps in flight (rate × timeout).
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { monotonicClock, type Clock } from "../../core/clock.ts";
import { measureRecovery, type Recovery } from "../../runners/measure/recovery.ts";
import { createProbe } from "../../runners/probes/create.ts";
import type { Probe } from "../../runners/probes/probe.ts";
import type { Sample } from "../../runners/probes/sample.ts";
import type { TargetMessage } from "./ground-truth-target.ts";

export interface GroundTruthTarget {
  /** The proxy's port on 127.0.0.1. */
  port: number;
  setMode(mode: TargetMessage["mode"]): Promise<void>;
  close(): Promise<void>;
}

export async function startGroundTruthTarget(): Promise<GroundTruthTarget> {
  const file = fileURLToPath(new URL("./ground-truth-target.ts", import.meta.url));
  const child: ChildProcess = fork(file, { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = (): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`ground-truth target exited (${code})`));
      child.once("exit", onExit);
      child.once("message", (m) => {
        child.off("exit", onExit);
        resolve(m as Record<string, unknown>);
      });
    });
  const { port } = (await next()) as { port: number };
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return {
    port,
    async setMode(mode) {
      const reply = next();
      child.send({ mode } satisfies TargetMessage);
      await reply;
    },
    async close() {
      child.disconnect();
      const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface OutageOptions {
  rateHz: number;
  outageMs: number;
  stableForMs?: number;
  timeoutMs?: number;
  /** Healthy time before the fault (also warms the probe's connections). */
  baselineMs?: number;
  /** Observation after the heal; at least the stability window plus 300 ms. */
  observeMs?: number;
}

export interface OutageResult {
  rateHz: number;
  t0: number;
  /** The outage as it really happened, to within the heal's IPC round trip: [minMs, actualMs]. */
  minMs: number;
  actualMs: number;
  recovery: Recovery;
  /**
   * How far the measured RTO lies outside the window the real heal is known to
   * lie in, [minMs, actualMs]: 0 inside it, negative below, positive above;
   * undefined without a recovery. At 1,000 Hz the proxy takes 30–130 ms to
   * confirm a heal (it resets every connection held during the blackhole first),
   * and requests sent during that time do get through, so comparing with either
   * end alone would charge the injector's imprecision to the probe.
   */
  errorMs?: number;
  /** How late the recovering sample left compared with its schedule (harness lag). */
  recoveryLagMs: number;
  samples: Sample[];
  maxLagMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** One outage against `target` (started here and closed after, when not given). */
export async function groundTruthOutage(options: OutageOptions, given?: GroundTruthTarget): Promise<OutageResult> {
  const target = given ?? (await startGroundTruthTarget());
  const { rateHz, timeoutMs = 1000 } = options;
  const probe = createProbe({ kind: "http", name: "ground-truth", target: `http://127.0.0.1:${target.port}/`, rateHz, timeoutMs });
  const clock = monotonicClock();
  try {
    return await measureOutage(probe, clock, target, options);
  } finally {
    await probe.stop();
    if (!given) await target.close();
  }
}

async function measureOutage(probe: Probe, clock: Clock, target: GroundTruthTarget, options: OutageOptions): Promise<OutageResult> {
  const { rateHz, outageMs, stableForMs = 500, baselineMs = 500 } = options;
  const observeMs = Math.max(options.observeMs ?? 0, stableForMs + 300);
  const samples: Sample[] = [];
  probe.start(clock, (s) => samples.push(s));
  await sleep(baselineMs);
  await target.setMode("blackhole");
  const t0 = clock.now();
  await sleep(t0 + outageMs - clock.now());
  const healSentAt = clock.now();
  await target.setMode("pass");
  const actualMs = clock.now() - t0;
  const minMs = healSentAt - t0;
  await sleep(observeMs); // until the stability window after the heal is covered
  await probe.stop();
  const recovery = measureRecovery(samples, t0, stableForMs);
  const recovering = recovery.kind === "recovered" ? samples.find((s) => s.t === recovery.recoveredAt) : undefined;
  const recoveryLagMs = recovering?.intendedT !== undefined ? recovering.t - recovering.intendedT : 0;
  const errorMs = recovery.kind === "recovered" ? outside(recovery.measuredRtoMs, minMs, actualMs) : undefined;
  const maxLagMs = probe.stats().maxLagMs;
  return { rateHz, t0, minMs, actualMs, recovery, recoveryLagMs, samples, maxLagMs, ...(errorMs !== undefined ? { errorMs } : {}) };
}

/** Signed distance of x from [lo, hi]; 0 inside. */
function outside(x: number, lo: number, hi: number): number {
  return x < lo ? x - lo : x > hi ? x - hi : 0;
}
