// The k6 command line. Targets and the load's shape reach the script as k6
// environment variables (-e, read as __ENV in the script), so one script runs
// against the local stack or a deployed one without edits:
//   BASE_URL  origin of the first target, e.g. http://127.0.0.1:18080
//   TARGETS   every target as JSON: [{"url","method","weight","body"?}]
//   RATE      requests per second (for a constant-arrival-rate executor)
//   MAX_VUS   the in-flight cap, as k6 VUs
//   TIMEOUT   per-request timeout, e.g. "2000ms"
//   DURATION  the duration cap, e.g. "1800s": k6 ends by itself at the latest then
// plus the spec's own `env`. --quiet drops the progress bar (its output is not
// read); --no-usage-report keeps CI runs from phoning home.
import type { LoadSpec } from "./spec.ts";

export function k6Env(spec: LoadSpec): Record<string, string> {
  return {
    BASE_URL: new URL(spec.targets[0]!.url.replace(/\{\{(seq|run)\}\}/g, "0")).origin,
    TARGETS: JSON.stringify(spec.targets),
    RATE: String(spec.rateHz),
    MAX_VUS: String(spec.maxInFlight),
    TIMEOUT: `${Math.round(spec.timeoutMs)}ms`,
    DURATION: `${Math.ceil(spec.durationCapMs / 1000)}s`,
    ...spec.env,
  };
}

export function k6Args(spec: LoadSpec, script: string, outFile: string): string[] {
  const env = Object.entries(k6Env(spec)).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
  return ["run", "--quiet", "--no-color", "--no-usage-report", "--out", `json=${outFile}`, ...env, script];
}
