#!/usr/bin/env node
// A planned Patroni switchover through its REST API, for the orders-db
// switchover scenario (a `command` fault). Patroni 3's patronictl cannot be
// pointed at etcd's v3 API without a config file, so this asks the REST API
// directly, which is what patronictl does too.
//
//   node _patroni-switchover.mjs inject [api url…]
//     finds the leader (GET /cluster on any member), writes it and its timeline
//     down, and POSTs /switchover to it; Patroni answers once the new leader
//     holds the key ("Successfully switched over").
//   node _patroni-switchover.mjs check [api url…]
//     exit 0 once another member leads on a newer timeline than the one written
//     down at inject: confirmed by Patroni itself, and by this switchover (not
//     an earlier drill's failover).
// Without URLs, the member's REST API is the fault target's address
// (DRILL_TARGET_ADDRESS, from the plan: the `<node>-api` endpoint); /cluster
// names the others.
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [mode, ...given] = process.argv.slice(2);
const apis = given.length ? given : [process.env.DRILL_TARGET_ADDRESS].filter(Boolean);
const stateFile = join(tmpdir(), `continuity-drill-switchover-${encodeURIComponent(apis[0] ?? "none")}.json`);

async function json(url, init) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${res.status} ${text.trim()}`);
  try { return JSON.parse(text); } catch { return text; }
}

async function cluster() {
  for (const api of apis) {
    try { return { api, body: await json(`${api}/cluster`) }; } catch { /* next member */ }
  }
  throw new Error(`no member answers /cluster (${apis.join(", ")})`);
}

async function inject() {
  const { body } = await cluster();
  const leader = body.members.find((m) => m.role === "leader");
  if (!leader) throw new Error("no member holds the leader key: nothing to switch over");
  writeFileSync(stateFile, JSON.stringify({ leader: leader.name, timeline: leader.timeline }));
  const at = new URL(leader.api_url).origin;
  const answer = await json(`${at}/switchover`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ leader: leader.name }) });
  console.log(`${leader.name}: ${String(answer).trim()}`);
}

async function check() {
  const before = JSON.parse(readFileSync(stateFile, "utf8"));
  const { body } = await cluster();
  const leader = body.members.find((m) => m.role === "leader");
  if (!leader || leader.name === before.leader || !(leader.timeline > before.timeline)) {
    throw new Error(`not confirmed: leader ${leader?.name ?? "none"} on timeline ${leader?.timeline ?? "?"}; before the switchover ${before.leader} on timeline ${before.timeline}`);
  }
  console.log(`leader ${before.leader} (timeline ${before.timeline}) → ${leader.name} (timeline ${leader.timeline})`);
}

if (apis.length === 0 || !["inject", "check"].includes(mode)) {
  console.error("usage: _patroni-switchover.mjs inject|check [patroni REST url…] (default: $DRILL_TARGET_ADDRESS)");
  process.exit(2);
}
(mode === "inject" ? inject() : check()).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
