// Runs several named proxies plus their control API in one process, so the
// proxies can outlive any single drill (the web app's paths to Redis and
// PostgreSQL run through them permanently) and faults stay removable after the
// process that set them is gone.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { environmentError } from "../../core/errors.ts";
import { controlApi } from "./control-api.ts";
import type { DaemonConfig } from "./daemon-config.ts";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.ts";

export interface ProxyDaemon {
  /** e.g. http://127.0.0.1:18100 */
  controlUrl: string;
  proxies: ReadonlyMap<string, TcpProxy>;
  close(): Promise<void>;
}

export async function startProxyDaemon(config: DaemonConfig): Promise<ProxyDaemon> {
  const proxies = new Map<string, TcpProxy>();
  const server = http.createServer(controlApi(proxies));
  try {
    for (const p of config.proxies) proxies.set(p.name, await startTcpProxy(p));
    const port = await listen(server, config.control.host, config.control.port);
    const host = config.control.host.includes(":") ? `[${config.control.host}]` : config.control.host;
    return { controlUrl: `http://${host}:${port}`, proxies, close: () => closeAll(server, proxies) };
  } catch (error) {
    await closeAll(server, proxies);
    throw error;
  }
}

function listen(server: http.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", (error) =>
      reject(environmentError(`proxy daemon: cannot listen for control on ${host}:${port}: ${error.message}`, {}, error)),
    );
    server.listen({ host, port, exclusive: true }, () => resolve((server.address() as AddressInfo).port));
  });
}

async function closeAll(server: http.Server, proxies: Map<string, TcpProxy>): Promise<void> {
  const closed = server.listening ? new Promise<void>((resolve) => server.close(() => resolve())) : undefined;
  server.closeAllConnections();
  await Promise.all([...proxies.values()].map((proxy) => proxy.close()));
  await closed;
}
