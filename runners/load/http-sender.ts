// How the built-in generator sends one request: an undici Pool per origin,
// keep-alive, pipelining 1 (a hung request occupies one connection, never a
// queue), as many connections as requests may be in flight so nothing waits
// inside undici. It uses undici's dispatch API with a minimal handler rather
// than `request()`: no response stream, no promise and no timer per request,
// which is half again the throughput (bench/load-bench.ts). The body is read
// and dropped as it arrives, so the connection goes back to the pool. Timeouts
// are the generator's (one sweep for all requests, builtin.ts): it aborts a
// request that ran out of time, which destroys its connection, so a hung
// server never keeps connections; only connecting has undici's own timeout.
import { Pool, type Dispatcher } from "undici";
import { classifyNetworkError } from "../probes/classify.ts";
import { judgeStatus } from "../probes/http.ts";
import type { Outcome } from "../probes/probe.ts";
import { fill, type PreparedRequest } from "./mix.ts";

const JSON_HEADERS = { "content-type": "application/json" } as const;

/** One request's answer, told once to `done`; abortable once it is on a socket. */
export class Exchange implements Dispatcher.DispatchHandler {
  private status = 0;
  private controller: Dispatcher.DispatchController | undefined;
  private aborted = false;
  constructor(private readonly done: (outcome: Outcome) => void) {}
  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.aborted) controller.abort(new Error("timed out before it was sent"));
  }
  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }
  onResponseData(): void {}
  onResponseEnd(): void {
    this.done(judgeStatus(this.status, undefined));
  }
  onResponseError(_c: Dispatcher.DispatchController, error: Error): void {
    this.done({ ok: false, ...classifyNetworkError(error) });
  }
  /** Gives up on the request: undici fails it and destroys its connection. */
  abort(): void {
    this.aborted = true;
    this.controller?.abort(new Error("timed out"));
  }
}

export class HttpSender {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly o: { connections: number; timeoutMs: number; run: string }) {}

  /** Sends; `done` is called exactly once, with the status judged or the failure classified. */
  send(req: PreparedRequest, seq: number, done: (outcome: Outcome) => void): Exchange {
    const exchange = new Exchange(done);
    const path = req.templated ? fill(req.path, seq, this.o.run) : req.path;
    const body = req.body === undefined ? undefined : req.templated ? fill(req.body, seq, this.o.run) : req.body;
    try {
      this.pool(req.origin).dispatch({ path, method: req.method, ...(body !== undefined ? { body, headers: JSON_HEADERS } : {}) }, exchange);
    } catch (error) {
      done({ ok: false, ...classifyNetworkError(error) });
    }
    return exchange;
  }

  /** Destroys every pool: requests still out fail at once. */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(pools.map((p) => p.destroy()));
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      const { connections, timeoutMs } = this.o;
      pool = new Pool(origin, {
        connections,
        pipelining: 1,
        keepAliveTimeout: 4_000,
        connect: { timeout: timeoutMs },
        // The generator aborts overdue requests itself (no timer per request here).
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}
