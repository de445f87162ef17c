// One monotonic clock for everything a drill measures: probes, ledger writers,
// faults and phases all timestamp with `now()`, milliseconds since the clock's
// origin. The origin is anchored once to wall time so reports can show dates
// without mixing clocks (wall time jumps; the monotonic clock does not).

export interface Clock {
  /** Milliseconds since the origin, monotonic, sub-millisecond resolution. */
  now(): number;
  /** Wall-clock time (ms since the Unix epoch) of the origin. */
  readonly originWallMs: number;
}

export function monotonicClock(): Clock {
  const originHr = process.hrtime.bigint();
  const originWallMs = Date.now();
  return {
    originWallMs,
    now: () => Number(process.hrtime.bigint() - originHr) / 1e6,
  };
}

/** A clock driven by hand, for unit tests of timing logic. */
export function manualClock(start = 0, originWallMs = 0): Clock & { advance(ms: number): void; set(ms: number): void } {
  let t = start;
  return {
    originWallMs,
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    set(ms: number) {
      t = ms;
    },
  };
}
