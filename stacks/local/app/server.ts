// The web tier's app: `node --import tsx stacks/local/app/server.ts --port N --name web-1`.
// Its dependencies come from the environment (set by `drill env up` from the
// stack's declaration). It binds 127.0.0.1 only and survives its dependencies'
// failovers: errors become 503 answers, connections are re-established.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { OrdersDb } from "./orders-db.ts";
import { route } from "./routes.ts";
import { Sessions } from "./sessions.ts";

const { values } = parseArgs({ options: { port: { type: "string" }, name: { type: "string" }, "env-dir": { type: "string" } } });
const port = Number(values.port);
const name = values.name ?? `web-${port}`;
const env = (key: string) => {
  const v = process.env[key];
  if (!v) throw new Error(`${name}: environment variable ${key} is required`);
  return v;
};
if (!Number.isInteger(port) || port <= 0) throw new Error(`${name}: --port must be a port number`);

const db = new OrdersDb(env("ORDERS_DB_URL"));
const sessions = new Sessions(env("SESSIONS_SENTINELS"), env("SESSIONS_MASTER"), process.env.SESSIONS_NAT_MAP ?? "");
const server = createServer((req, res) => void route({ db, sessions, name }, req, res));
server.keepAliveTimeout = 5_000;

// A dependency's driver may still reject somewhere we do not await; that must not end the instance.
process.on("unhandledRejection", (reason) => console.error(`${name}: unhandled rejection:`, reason));

server.listen(port, "127.0.0.1", () => console.log(`${name} listening on 127.0.0.1:${port}`));

function shutdown(): void {
  server.close();
  server.closeAllConnections();
  sessions.close();
  void db.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
