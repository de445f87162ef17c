// A ledger through the web app's own API, so the whole path a customer's order
// takes (HTTP tier, app, its database) is what is judged:
//   POST {base}/orders {"ref": "<runId>-<seq>", "payload": …} → 201 = acknowledged
//   GET  {base}/orders/<ref> → 200 {"payload": …} | 404 when missing
// Read-back asks for every seq that was sent, a bounded number at a time; each
// lookup is retried a few times, since a 5xx during read-back says nothing
// about whether the order exists.
import { Agent, request } from "undici";
import type { SeqSet } from "./seq-set.ts";
import type { LedgerStore } from "./writer.ts";

export interface HttpLedgerOptions {
  base: string;
  runId: string;
  timeoutMs: number;
  maxConnections: number;
  /** Lookups in flight during read-back. */
  readConcurrency?: number;
}

const READ_TIMEOUT_MS = 10_000;
const READ_TRIES = 3;

export function httpLedgerStore(options: HttpLedgerOptions): LedgerStore {
  const base = options.base.replace(/\/+$/, "");
  const { runId, timeoutMs } = options;
  const agent = new Agent({ connections: options.maxConnections, connect: { timeout: timeoutMs } });
  const ref = (seq: number) => `${runId}-${seq}`;

  const lookup = async (seq: number): Promise<[number, string] | undefined> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await getOrder(agent, `${base}/orders/${encodeURIComponent(ref(seq))}`, seq);
      } catch (error) {
        if (attempt >= READ_TRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  };

  return {
    prepare: async () => {},
    async write(seq, payload, signal) {
      const res = await request(`${base}/orders`, {
        method: "POST",
        dispatcher: agent,
        signal,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ref: ref(seq), payload }),
      });
      await res.body.dump();
      if (res.statusCode !== 201) throw new Error(`POST /orders answered ${res.statusCode}, not 201`);
    },
    async readAll(sent: SeqSet) {
      const rows = await mapBounded(sent.values(), options.readConcurrency ?? 16, lookup);
      return { rows: rows.filter((row) => row !== undefined), source: `http ${base}` };
    },
    close: () => agent.close(),
  };
}

async function getOrder(agent: Agent, url: string, seq: number): Promise<[number, string] | undefined> {
  const res = await request(url, { dispatcher: agent, signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
  if (res.statusCode === 404) {
    await res.body.dump();
    return undefined;
  }
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new Error(`GET ${url} answered ${res.statusCode}`);
  }
  const body = (await res.body.json()) as { payload?: unknown };
  // A 200 without a string payload is an order that exists but is not what we wrote.
  return [seq, typeof body?.payload === "string" ? body.payload : JSON.stringify(body)];
}

/** Maps `items` through `fn` with at most `limit` calls in flight; results in input order. */
export async function mapBounded<T, R>(items: Iterable<T>, limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const all = [...items];
  const results = new Array<R>(all.length);
  let next = 0;
  const worker = async () => {
    while (next < all.length) {
      const index = next++;
      results[index] = await fn(all[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, all.length) }, worker));
  return results;
}
