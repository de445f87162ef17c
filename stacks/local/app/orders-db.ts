// orders-db as the app sees it: postgres.js on the multi-host URL with
// target_session_attrs=primary, so (re)connections only land on the current
// primary. A query that does not answer in time (a paused or partitioned
// primary keeps its sockets open) fails fast, and the pool is replaced so the
// next request connects afresh instead of queueing behind dead connections.
// Each new pool starts at the next host of the URL: postgres.js gives up on a
// host that accepts TCP but never answers (a paused server) without trying the
// others, so always starting at the first host would keep hitting the paused one.
// The harness's postgres probe does the same, with the same helper.
import postgres from "postgres";
import { postgresHosts, rotatedHosts } from "../../../core/postgres-hosts.ts";

export interface Order { id: string; ref: string; payload: string }

export class OrdersDb {
  private sql: postgres.Sql;
  private readonly hosts: string[];
  private rotation = 0;

  constructor(private readonly url: string, private readonly timeoutMs = 2_000) {
    this.hosts = postgresHosts(url);
    this.sql = this.connect();
  }

  private connect(): postgres.Sql {
    const host = rotatedHosts(this.hosts, this.rotation++);
    return postgres(this.url, { ...(host ? { host } : {}), max: 8, connect_timeout: 1, idle_timeout: 30, max_lifetime: 600, onnotice: () => {}, fetch_types: false });
  }

  private async run<T>(query: (sql: postgres.Sql) => Promise<T>): Promise<T> {
    const sql = this.sql;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`orders-db did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([query(sql), timeout]);
    } catch (error) {
      const e = error as { message: string; code?: string };
      if (this.sql === sql && (/did not answer/.test(e.message) || e.code === "CONNECT_TIMEOUT")) {
        this.sql = this.connect();
        void sql.end({ timeout: 5 }).catch(() => {});
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Insert, idempotent on ref: a retried request returns the row the first attempt committed. */
  async insert(ref: string, payload: string): Promise<Order> {
    return this.run(async (sql) => {
      const inserted = await sql<Order[]>`insert into orders (ref, payload) values (${ref}, ${payload}) on conflict (ref) do nothing returning id::text, ref, payload`;
      if (inserted[0]) return inserted[0];
      const [existing] = await sql<Order[]>`select id::text, ref, payload from orders where ref = ${ref}`;
      if (!existing) throw new Error(`order ${ref} neither inserted nor found`);
      return existing;
    });
  }

  async find(ref: string): Promise<Order | undefined> {
    return this.run(async (sql) => (await sql<Order[]>`select id::text, ref, payload from orders where ref = ${ref}`)[0]);
  }

  async ping(): Promise<void> {
    await this.run((sql) => sql`select 1`);
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 2 }).catch(() => {});
  }
}
