// How the built-in generator sends one request: an undici Pool per origin,
// keep-alive, pipelining 1 (a hung request occupies one connection, never a
// queue), as many connections as requests may be in flight so nothing waits
// inside undici. undici's own header/body/connect timeouts free a connection
// that hangs; the generator records the timeout itself, on time (builtin.ts).
import { Pool } from "undici";
import { judgeStatus } from "../probes/http.ts";
import type { Outcome } from "../probes/probe.ts";
import { fill, type PreparedRequest } from "./mix.ts";

const JSON_HEADERS = { "content-type": "application/json" } as const;

export class HttpSender {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly o: { connections: number; timeoutMs: number; run: string }) {}

  async send(req: PreparedRequest, seq: number): Promise<Outcome> {
    const path = req.templated ? fill(req.path, seq, this.o.run) : req.path;
    const body = req.body === undefined ? undefined : req.templated ? fill(req.body, seq, this.o.run) : req.body;
    const res = await this.pool(req.origin).request({
      path,
      method: req.method,
      ...(body !== undefined ? { body, headers: JSON_HEADERS } : {}),
    });
    // Read the body to the end so the connection goes back to the pool.
    await res.body.dump({ limit: 1 << 20 });
    return judgeStatus(res.statusCode, undefined);
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
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}
