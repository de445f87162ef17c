#!/usr/bin/env node
// A planned Patroni switchover through its REST API, for the orders-db
// switchover scenario (a `command` fault). Patroni 3's patronictl cannot be
// pointed at etcd's v3 API without a config file, so this asks the REST API
// directly, which is what patronictl does too.
//
//   node _patroni-switchover.mjs inject http://127.0.0.1:15451 http://127.0.0.1:15452
//     finds the leader (GET /cluster on any member) and POSTs /switchover to it;
//     Patroni answers once the new leader holds the key ("Successfully switched over").
//   node _patroni-switchover.mjs check <api urls…>
//     exit 0 when the newest timeline switch in /history is under 120 s old and
//     a leader holds the key: the switchover is confirmed by Patroni itself.
const [mode, ...apis] = process.argv.slice(2);

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
  const at = new URL(leader.api_url).origin;
  const answer = await json(`${at}/switchover`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ leader: leader.name }) });
  console.log(`${leader.name}: ${String(answer).trim()}`);
}

async function check() {
  const { api, body } = await cluster();
  const leader = body.members.find((m) => m.role === "leader");
  const history = await json(`${api}/history`);
  const last = Array.isArray(history) ? history.at(-1) : undefined;
  // Entries are [timeline, lsn, reason, timestamp, new leader].
  const age = last?.[3] ? (Date.now() - Date.parse(last[3])) / 1000 : Infinity;
  if (!leader || !(age < 120)) throw new Error(`not confirmed: leader ${leader?.name ?? "none"}, newest timeline switch ${last ? `${age.toFixed(0)} s ago` : "none"}`);
  console.log(`leader ${leader.name}; timeline switch ${age.toFixed(1)} s ago (${last[2]})`);
}

if (apis.length === 0 || !["inject", "check"].includes(mode)) {
  console.error("usage: _patroni-switchover.mjs inject|check <patroni REST url>…");
  process.exit(2);
}
(mode === "inject" ? inject() : check()).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
