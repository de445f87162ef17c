// Load for drills against the web service: a constant arrival rate (open loop,
// like the harness's own probes) of a weighted mix of what its clients do.
// The drill harness runs it as
//   k6 run --out json=FILE -e BASE_URL=… -e RATE=… -e MAX_VUS=… -e TIMEOUT=… -e DURATION=… web-mix.js
// and ends it with SIGINT when the drill is over. Alone:
//   k6 run -e BASE_URL=http://127.0.0.1:18080 scenarios/k6/web-mix.js
// Without k6 installed, the harness's built-in generator runs the same mix
// (runners/load/web-mix.ts; a unit test keeps the weights in step).
import http from "k6/http";
import { check } from "k6";

const BASE_URL = (__ENV.BASE_URL || "http://127.0.0.1:18080").replace(/\/+$/, "");
const RATE = Number(__ENV.RATE || 50);
const MAX_VUS = Number(__ENV.MAX_VUS || 100);
const TIMEOUT = __ENV.TIMEOUT || "2000ms";
const SESSIONS = 100;

/** @type {import("k6/options").Options} */
export const options = {
  scenarios: {
    web_mix: {
      executor: "constant-arrival-rate",
      rate: RATE,
      timeUnit: "1s",
      duration: __ENV.DURATION || "10m",
      preAllocatedVUs: Math.min(MAX_VUS, Math.max(1, Math.ceil(RATE / 10))),
      maxVUs: MAX_VUS,
    },
  },
  // What the load itself must hold, failover or not: a drill expects errors
  // while the service is disrupted, so these bound the damage, not perfection.
  thresholds: {
    http_req_failed: ["rate<0.5"],
    http_req_duration: ["p(95)<2000"],
    dropped_iterations: ["count<100"],
  },
};

/** One weighted pick per iteration; weights as in runners/load/web-mix.ts. */
const MIX = [
  { weight: 40, run: healthz },
  { weight: 30, run: getSession },
  { weight: 20, run: putSession },
  { weight: 10, run: postOrder },
];
const TOTAL = MIX.reduce((sum, m) => sum + m.weight, 0);

/** @param {string} name */
const params = (name) => ({ timeout: TIMEOUT, tags: { name }, headers: { "content-type": "application/json" } });
const sessionId = () => `load-${Math.floor(Math.random() * SESSIONS)}`;

function healthz() {
  const res = http.get(`${BASE_URL}/healthz`, params("GET /healthz"));
  check(res, { "healthz 200": (r) => r.status === 200 });
}

function getSession() {
  // A session nobody has written yet answers 404: expected, not a failure.
  const res = http.get(`${BASE_URL}/session/${sessionId()}`, { ...params("GET /session/:id"), responseCallback: http.expectedStatuses(200, 404) });
  check(res, { "session read": (r) => r.status === 200 || r.status === 404 });
}

function putSession() {
  const res = http.put(`${BASE_URL}/session/${sessionId()}`, JSON.stringify({ seen: Date.now() }), params("PUT /session/:id"));
  check(res, { "session written": (r) => r.status === 200 });
}

function postOrder() {
  const body = JSON.stringify({ ref: `load-${__VU}-${__ITER}-${Date.now()}`, payload: "load" });
  const res = http.post(`${BASE_URL}/orders`, body, params("POST /orders"));
  check(res, { "order created": (r) => r.status === 201 });
}

export default function () {
  let pick = Math.random() * TOTAL;
  for (const m of MIX) {
    pick -= m.weight;
    if (pick < 0) return m.run();
  }
  return MIX[MIX.length - 1].run();
}
