// Full redundancy of one failover target, judged from live node views: every
// declared node answers; exactly one primary when the system has roles; every
// other node a standby that streams; the primary sees every standby streaming.
// Systems without roles (HTTP instances, Sentinels) need every node up.
import type { NodeView } from "./view.ts";

export interface RedundancyVerdict {
  full: boolean;
  detail: string;
}

export function judgeRedundancy(views: NodeView[]): RedundancyVerdict {
  const missing: string[] = [];
  for (const v of views.filter((x) => !x.up)) missing.push(`${v.node} down (${v.detail})`);
  const primaries = views.filter((v) => v.up && v.role === "primary");
  const standbys = views.filter((v) => v.up && v.role === "standby");
  const hasRoles = primaries.length + standbys.length > 0;
  if (hasRoles) {
    if (primaries.length !== 1) missing.push(`${primaries.length} primaries (${primaries.map((p) => p.node).join(", ") || "none"})`);
    for (const v of views.filter((x) => x.up && x.role === "other")) missing.push(`${v.node} holds no role (${v.detail})`);
    for (const s of standbys.filter((x) => !x.streaming)) missing.push(`${s.node} does not stream (${s.detail})`);
    const wanted = views.length - 1;
    for (const p of primaries.filter((x) => (x.replicas ?? 0) < wanted)) missing.push(`${p.node} sees ${p.replicas ?? 0} of ${wanted} standbys streaming`);
  }
  if (missing.length) return { full: false, detail: missing.join("; ") };
  return { full: true, detail: views.map((v) => `${v.node}: ${v.detail}`).join("; ") };
}
