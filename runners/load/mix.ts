// The weighted request mix. Smooth weighted round-robin (as nginx balances
// upstreams) instead of random draws: over every cycle of total-weight requests
// each target gets exactly its share, interleaved rather than in runs, so a
// short drill window sees the mix it declared and tests are deterministic.
import type { ResolvedTarget } from "./spec.ts";

export interface PreparedRequest {
  origin: string;
  /** Path and query, with placeholders still in place when `templated`. */
  path: string;
  method: ResolvedTarget["method"];
  body?: string;
  templated: boolean;
}

const PLACEHOLDER = /\{\{(seq|run)\}\}/;

export function prepare(target: ResolvedTarget): PreparedRequest {
  // Split by hand rather than with `new URL`, which would percent-encode the
  // braces of a placeholder in the path.
  const m = /^(https?:\/\/[^/?#]+)([^#]*)/.exec(target.url);
  if (!m) throw new Error(`not an http(s) URL: ${target.url}`);
  const rest = m[2]!;
  return {
    origin: new URL(m[1]!).origin,
    path: rest === "" ? "/" : rest.startsWith("/") ? rest : `/${rest}`,
    method: target.method,
    ...(target.body !== undefined ? { body: target.body } : {}),
    templated: PLACEHOLDER.test(target.url) || PLACEHOLDER.test(target.body ?? ""),
  };
}

/** `{{seq}}` → the request's sequence number, `{{run}}` → this generator's run id. */
export function fill(text: string, seq: number, run: string): string {
  return text.replace(/\{\{seq\}\}/g, String(seq)).replace(/\{\{run\}\}/g, run);
}

export class WeightedMix {
  private readonly current: number[];
  private readonly total: number;

  constructor(private readonly weights: readonly number[]) {
    if (weights.length === 0) throw new Error("a mix needs at least one target");
    this.current = weights.map(() => 0);
    this.total = weights.reduce((a, b) => a + b, 0);
  }

  /** Index of the next target: the one furthest behind its share. */
  next(): number {
    let best = 0;
    for (let i = 0; i < this.weights.length; i++) {
      this.current[i]! += this.weights[i]!;
      if (this.current[i]! > this.current[best]!) best = i;
    }
    this.current[best]! -= this.total;
    return best;
  }
}
