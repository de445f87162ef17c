// What k6's exit code means (go.k6.io/k6/errext/exitcodes). 0: the script ran
// to its end and every threshold held; 99: a threshold failed; 105: k6 was
// stopped by a signal — which is how a drill ends k6 when the drill is over.
// k6 keeps the first error it saw: once interrupted it reports 105 even when a
// threshold was also crossed, so after our SIGINT thresholds are unknown.
import type { LoadResult } from "./load.ts";

export const K6_EXIT_CODES: Record<number, string> = {
  0: "finished, thresholds held",
  97: "cloud test run failed",
  98: "could not get the cloud test's progress",
  99: "thresholds failed",
  100: "setup() timed out",
  101: "teardown() timed out",
  102: "timed out",
  103: "engine error",
  104: "invalid configuration",
  105: "aborted by a signal",
  106: "could not start the REST API",
  107: "script exception",
  108: "script aborted (test.abort())",
};

export interface K6Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The result's verdict fields; `error` is true when k6 itself failed to run the load. */
export function judgeK6Exit(exit: K6Exit, stoppedByDrill: boolean): Pick<LoadResult, "exitCode" | "thresholdsFailed"> & { error: boolean; summary: string } {
  const { code, signal } = exit;
  if (code === null) {
    if (!stoppedByDrill) return { error: true, summary: `k6 was killed by ${signal ?? "a signal"}` };
    // Still starting up (no handler yet), SIGINT ends the process outright: a stop all the same.
    if (signal === "SIGINT") return { error: false, summary: "k6 ended by the drill's SIGINT before it could handle it; thresholds not judged" };
    return { error: false, summary: `k6 did not stop after SIGINT and was killed (${signal ?? "signal"})` };
  }
  const name = K6_EXIT_CODES[code] ?? "unknown exit code";
  if (code === 0) return { exitCode: 0, thresholdsFailed: false, error: false, summary: `k6 ${name}` };
  if (code === 99) return { exitCode: 99, thresholdsFailed: true, error: false, summary: `k6 ${name} (exit 99)` };
  if (code === 105 && stoppedByDrill) {
    return { exitCode: 105, error: false, summary: "k6 stopped by the drill (SIGINT, exit 105); thresholds not judged" };
  }
  return { exitCode: code, error: true, summary: `k6 exited with ${code}: ${name}` };
}
