// A finding of `drill verify`: a rule id, a severity and a message naming the
// service and field (or resource) it is about.

import type { Severity } from "../../core/severity.ts";

export type { Severity };

export interface Finding {
  rule: string;
  severity: Severity;
  service?: string;
  /** Dotted path in the service's plan entry, e.g. `objectives.rto`. */
  field?: string;
  /** URN or name of an infrastructure resource, for resource-graph rules. */
  resource?: string;
  /** The scenario file a finding is about. */
  scenario?: string;
  message: string;
}

export interface RuleInfo {
  id: string;
  title: string;
}

export const worstSeverity = (findings: readonly Finding[]): Severity | undefined =>
  findings.some((f) => f.severity === "error") ? "error" : findings.some((f) => f.severity === "warning") ? "warning" : findings.length ? "info" : undefined;
