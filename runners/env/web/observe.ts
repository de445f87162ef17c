// The web tier's live state from HAProxy itself: `show stat` on its admin socket
// says which servers its health checks hold UP.
import { createConnection } from "node:net";
import type { WebDecl } from "../declaration.ts";
import type { Member } from "../types.ts";

export function showStat(socket: string, timeoutMs = 1_000): Promise<string> {
  return new Promise((ok, fail) => {
    const conn = createConnection(socket);
    let out = "";
    conn.setTimeout(timeoutMs, () => conn.destroy(new Error(`haproxy admin socket ${socket}: no answer within ${timeoutMs} ms`)));
    conn.on("connect", () => conn.write("show stat\n"));
    conn.on("data", (d) => { out += d.toString(); });
    conn.on("end", () => ok(out));
    conn.on("error", fail);
  });
}

/** `show stat` CSV → status per "proxy/server". */
export function parseStat(csv: string): Map<string, { status: string; check: string }> {
  const lines = csv.split("\n").filter((l) => l.trim() !== "");
  const header = (lines.shift() ?? "").replace(/^# /, "").split(",");
  const col = (name: string) => header.indexOf(name);
  const out = new Map<string, { status: string; check: string }>();
  for (const line of lines) {
    const f = line.split(",");
    out.set(`${f[col("pxname")]}/${f[col("svname")]}`, { status: f[col("status")] ?? "", check: f[col("check_status")] ?? "" });
  }
  return out;
}

export async function observeWeb(w: WebDecl, socket: string): Promise<Member[]> {
  const stat = await showStat(socket).then(parseStat, () => undefined);
  const proxy: Member = { service: "web", node: "haproxy", role: "proxy", address: `${w.host}:${w.frontendPort}`, process: "unknown", healthy: stat?.get("web/FRONTEND")?.status === "OPEN", detail: stat ? `stats on :${w.statsPort}` : "admin socket not answering" };
  const instances = w.instances.map((i): Member => {
    const s = stat?.get(`app/${i.name}`);
    return { service: "web", node: i.name, role: "instance", address: `${w.host}:${i.port}`, process: "unknown", healthy: s?.status === "UP", detail: s ? `haproxy: ${s.status} (${s.check})` : "unknown to haproxy" };
  });
  return [proxy, ...instances];
}

export const webMissing = (members: Member[]) => members.filter((m) => !m.healthy).map((m) => `web ${m.node} (${m.detail})`);
