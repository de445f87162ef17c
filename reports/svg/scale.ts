// Scales and ticks for hand-written SVG charts. Small on purpose: a linear time
// axis, a linear and a log value axis, and "nice" tick steps (1, 2, 5 × 10^n).

export interface Scale {
  (v: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
}

export function linear(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const span = d1 - d0 || 1;
  const f = (v: number) => range[0] + ((v - d0) / span) * (range[1] - range[0]);
  return Object.assign(f, { domain, range });
}

/** Log scale for latencies, which span from sub-millisecond to timeouts. */
export function log10(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const lo = Math.log10(Math.max(domain[0], 1e-3));
  const hi = Math.log10(Math.max(domain[1], domain[0] * 10, 1e-2));
  const inner = linear([lo, hi], range);
  const f = (v: number) => inner(Math.log10(Math.max(v, 10 ** lo)));
  return Object.assign(f, { domain, range });
}

/** Ticks at 1, 2 or 5 × 10^n, about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/** Time ticks in ms at human steps (1 s, 5 s, 10 s, 30 s, 1 min, 5 min …). */
export function timeTicks(lo: number, hi: number, count = 8): number[] {
  const steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 216e5, 432e5, 864e5];
  const step = steps.find((s) => (hi - lo) / s <= count) ?? steps[steps.length - 1]!;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(v);
  return out;
}

/** Decades for a log axis: 1 ms, 10 ms, 100 ms … */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(Math.max(lo, 1e-3))); 10 ** e <= hi * 1.0001; e++) if (10 ** e >= lo * 0.9999) out.push(10 ** e);
  return out;
}

/** Coordinates rounded to 0.1 px: sub-pixel precision beyond that only grows the file. */
export const px = (v: number) => Math.round(v * 10) / 10;
