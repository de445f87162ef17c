// An in-process probe client for schedule tests: answers after a delay chosen
// per sequence number, optionally ignoring aborts (a misbehaving library).
import type { Outcome, ProbeClient } from "../../../runners/probes/probe.ts";
import type { ProbeInfo } from "../../../runners/probes/sample.ts";

export interface FakeBehaviour {
  /** Milliseconds until the answer; Infinity never answers. */
  delayMs(seq: number): number;
  outcome?(seq: number): Outcome;
  ignoreAbort?: boolean;
}

export interface FakeClient extends ProbeClient {
  sentAt: number[];
  closed: boolean;
  timeouts: number;
  /** Settles every attempt still hanging (what closing a pool does). */
  releaseAll(): void;
}

export function fakeClient(behaviour: FakeBehaviour): FakeClient {
  const hanging = new Set<() => void>();
  const client: FakeClient = {
    sentAt: [],
    closed: false,
    timeouts: 0,
    attempt(signal, seq) {
      client.sentAt.push(performance.now());
      return new Promise<Outcome>((resolve, reject) => {
        const answer = (): void => resolve(behaviour.outcome?.(seq) ?? { ok: true });
        const wait = behaviour.delayMs(seq);
        const release = (): void => reject(new Error("released"));
        hanging.add(release);
        if (Number.isFinite(wait)) setTimeout(() => (hanging.delete(release), answer()), wait);
        if (!behaviour.ignoreAbort) signal.addEventListener("abort", () => (hanging.delete(release), reject(new Error("aborted"))));
      });
    },
    classify: (error) => ({ error: "error", detail: String(error) }),
    onTimeout() {
      client.timeouts++;
    },
    async close() {
      client.closed = true;
      client.releaseAll();
    },
    releaseAll() {
      for (const release of hanging) release();
      hanging.clear();
    },
  };
  return client;
}

export function info(overrides: Partial<ProbeInfo> = {}): ProbeInfo {
  return { name: "fake", kind: "tcp", target: "fake", rateHz: 100, timeoutMs: 200, latencyBoundMs: 200, ...overrides };
}
