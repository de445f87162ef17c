// How much a finding (of `drill verify`, of readiness) matters: an error fails the
// check, a warning is shown and counted, info is context.
export type Severity = "error" | "warning" | "info";
