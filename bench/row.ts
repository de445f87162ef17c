// One line of `npm run bench`: a named figure next to the target it is judged by.
export interface BenchRow {
  /** What was measured, e.g. "env up from nothing". */
  name: string;
  /** The figure, in `unit`. */
  value: number;
  unit: string;
  /** The target in words, e.g. "≤ 20 s". */
  target: string;
  /** Whether the figure meets the target; undefined where there is none. */
  met?: boolean;
  /** Anything a reader needs to trust the figure (sample size, conditions). */
  note?: string;
}
