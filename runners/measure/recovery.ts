// Recovery time, exactly as docs/design.md "What is measured" defines it, over a
// finished list of samples (the version reports use). recovery-tracker.ts
// computes the same thing one sample at a time; a property test holds them equal.
//
// Precisely, for one probe, a fault at t0 and a stability window stableForMs:
// - only samples sent at or after t0 count;
// - detected at d: the send time of the first disrupted sample (error, timeout
//   or slow) sent at or after t0. None at all: "no disruption observed" — never
//   reported as an RTO of 0;
// - recovered at: the earliest send time t of a sample sent after d such that
//   every sample sent in the closed window [t, t + stableForMs] is healthy, and
//   the window is covered: some sample (healthy or not) was sent at or after
//   t + stableForMs. A window the probe has not observed to its end is no
//   evidence of recovery. With brief flaps, the first such window wins.
//   ("after d": a service cannot recover before it was seen disrupted. When the
//   first disruption comes within stableForMs of t0 — the usual case — this is
//   the literal "earliest t ≥ t0"; it differs only when detection is later than
//   stableForMs, where the literal reading would report recovery before the
//   outage was even seen.)
// - RTO = recovered at − t0, so it is always > 0.
// - bounds: the samples around each edge say how far the edges can move. The
//   disruption began after the last healthy sample sent before detection
//   (healthyBeforeAt) and at or before detection; recovery came after the last
//   disrupted sample sent before recovered at (lastDisruptedAt) and at or
//   before recovered at. Those four send times — real send times, so a late
//   send (harness lag) widens the bounds instead of hiding — give the interval
//   the true figure lies in (bounds.ts), never the nominal probe interval.
//   A send time is taken just before the request leaves; if the harness's event
//   loop stalls right then, the request leaves late. The next sample's own lag
//   (t − intendedT) shows such a stall, so the samples that fix t0 and
//   recovered at carry it (detectSendLagMs, recoverSendLagMs) and widen the
//   bounds by it.
import type { Sample } from "../probes/sample.ts";

export type Recovery =
  /** No sample was sent at or after t0: no evidence either way. */
  | { kind: "no-samples" }
  /** Samples after t0, all healthy. */
  | { kind: "no-disruption"; lastSampleAt: number }
  | { kind: "recovered"; detectedAt: number; timeToDetectMs: number; recoveredAt: number; measuredRtoMs: number; healthyBeforeAt?: number; lastDisruptedAt: number; detectSendLagMs?: number; recoverSendLagMs?: number }
  /** Disrupted and not (yet) stable again when the samples end: disrupted for at least observedMs. */
  | { kind: "not-recovered"; detectedAt: number; timeToDetectMs: number; lastSampleAt: number; observedMs: number; healthyBeforeAt?: number; detectSendLagMs?: number };

/** How late a sample left against its schedule (ms); 0 when on time. */
export function sendLagOf(s: Sample | undefined): number {
  return s?.intendedT === undefined ? 0 : s.t - s.intendedT;
}

const lagField = <K extends string>(key: K, lag: number) => (lag > 0 ? ({ [key]: lag } as Record<K, number>) : {});

/** The same recovery, with its durations measured from another t0 (the onset is only known at the end). */
export function rebased(r: Recovery, t0: number): Recovery {
  if (r.kind === "recovered") return { ...r, timeToDetectMs: r.detectedAt - t0, measuredRtoMs: r.recoveredAt - t0 };
  if (r.kind === "not-recovered") return { ...r, timeToDetectMs: r.detectedAt - t0, observedMs: r.lastSampleAt - t0 };
  return r;
}

/** A disrupted sample: an error, a timeout, or an answer slower than the bound. */
export function isDisrupted(sample: Sample): boolean {
  return !sample.ok;
}

export function measureRecovery(samples: readonly Sample[], t0: number, stableForMs: number): Recovery {
  const after = samples.filter((s) => s.t >= t0).sort((a, b) => a.t - b.t);
  const last = after.at(-1);
  if (!last) return { kind: "no-samples" };
  const first = after.findIndex(isDisrupted);
  if (first < 0) return { kind: "no-disruption", lastSampleAt: last.t };
  const detectedAt = after[first]!.t;
  const healthyBeforeAt = lastSentBefore(samples, detectedAt, (s) => !isDisrupted(s));
  const detected = { detectedAt, timeToDetectMs: detectedAt - t0, ...(healthyBeforeAt !== undefined ? { healthyBeforeAt } : {}), ...lagField("detectSendLagMs", sendLagOf(after[first + 1])) };
  const recoveredAt = firstStableWindow(after, first + 1, stableForMs);
  if (recoveredAt === undefined) {
    return { kind: "not-recovered", ...detected, lastSampleAt: last.t, observedMs: last.t - t0 };
  }
  const next = after[after.findIndex((s) => s.t === recoveredAt) + 1];
  return { kind: "recovered", ...detected, recoveredAt, measuredRtoMs: recoveredAt - t0, lastDisruptedAt: lastSentBefore(after, recoveredAt, isDisrupted)!, ...lagField("recoverSendLagMs", sendLagOf(next)) };
}

function lastSentBefore(samples: readonly Sample[], t: number, which: (s: Sample) => boolean): number | undefined {
  let best: number | undefined;
  for (const s of samples) if (s.t < t && which(s) && (best === undefined || s.t > best)) best = s.t;
  return best;
}

/** The recovered-at time alone; undefined when there was no disruption or no recovery. */
export function recoveredAt(samples: readonly Sample[], t0: number, stableForMs: number): number | undefined {
  const recovery = measureRecovery(samples, t0, stableForMs);
  return recovery.kind === "recovered" ? recovery.recoveredAt : undefined;
}

/**
 * Scans candidates from index `from` of send-ordered samples. A disrupted
 * sample inside a candidate's window rules out every candidate up to it, so the
 * scan restarts just after it: linear time overall.
 */
function firstStableWindow(sorted: readonly Sample[], from: number, stableForMs: number): number | undefined {
  const lastT = sorted.at(-1)!.t;
  let i = from;
  while (i < sorted.length) {
    const start = sorted[i]!;
    if (isDisrupted(start)) {
      i++;
      continue;
    }
    const end = start.t + stableForMs;
    if (lastT < end) return undefined; // not covered, and no later candidate can be
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.t <= end && !isDisrupted(sorted[j]!)) j++;
    if (j === sorted.length || sorted[j]!.t > end) return start.t;
    i = j + 1;
  }
  return undefined;
}
