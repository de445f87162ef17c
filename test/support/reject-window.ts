// A ground-truth outage made outside the harness: a `command` fault whose
// script inserts an iptables REJECT (tcp-reset) for one port on 127.0.0.1 and
// removes it after a known time, timestamping both edges of both commands
// (CLOCK_REALTIME, ns) into a file. The true outage then lies in
// [removeStarted − insertEnded, removeEnded − insertStarted], whatever the
// harness did. `blocking`: the script sleeps inside inject (the whole outage
// lies inside the inject window, like a switchover command that waits);
// otherwise the removal runs in the background after inject returned.
import { readFileSync } from "node:fs";

/** The rule, tagged so heal can delete exactly it and nothing else. */
export function rejectRule(port: number): string {
  return `INPUT -p tcp -d 127.0.0.1 --dport ${port} -m comment --comment drill-gt-${port} -j REJECT --reject-with tcp-reset`;
}

export function rejectFaultParams(port: number, outageMs: number, edgesFile: string, blocking: boolean): Record<string, unknown> {
  const rule = rejectRule(port);
  const secs = (outageMs / 1000).toFixed(3);
  const remove = `sleep ${secs}; date +%s%N >> ${edgesFile}; iptables -D ${rule}; date +%s%N >> ${edgesFile}`;
  const insert = `: > ${edgesFile}; date +%s%N >> ${edgesFile}; iptables -I ${rule}; date +%s%N >> ${edgesFile}`;
  return {
    inject: ["sh", "-c", blocking ? `${insert}; ${remove}` : `${insert}; (${remove}) >/dev/null 2>&1 &`],
    // Heal removes the rule if it is still there (every copy), and nothing else.
    heal: ["sh", "-c", `while iptables -D ${rule} 2>/dev/null; do :; done; true`],
    timeout: "30s",
  };
}

/** The independent outage from the edges file, once all four edges are written. */
export function independentOutage(edgesFile: string): { minMs: number; maxMs: number } | undefined {
  const ns = readFileSync(edgesFile, "utf8").trim().split("\n").filter(Boolean).map((l) => BigInt(l.trim()));
  if (ns.length < 4) return undefined;
  const [insertStarted, insertEnded, removeStarted, removeEnded] = ns as [bigint, bigint, bigint, bigint];
  const ms = (d: bigint) => Number(d) / 1e6;
  return { minMs: ms(removeStarted - insertEnded), maxMs: ms(removeEnded - insertStarted) };
}
