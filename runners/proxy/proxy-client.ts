// Talks to a proxy daemon's control API from any process (the drill runner,
// `drill recover`, tests). Modes are validated here first so a bad mode fails
// before anything is sent; an unreachable daemon is an environment DrillError that says so.
import { request } from "undici";
import { environmentError, inputError, messageOf } from "../../core/errors.ts";
import type { ProxyStatus } from "./control-api.ts";
import { parseProxyMode, type ProxyMode } from "./mode.ts";

export type { ProxyStatus } from "./control-api.ts";

export interface ProxyControl {
  list(): Promise<ProxyStatus[]>;
  setMode(name: string, mode: ProxyMode): Promise<ProxyStatus>;
  /** Every proxy back to pass: the heal of last resort. */
  resetAll(): Promise<ProxyStatus[]>;
}

export function proxyControl(controlUrl: string, timeoutMs = 5_000): ProxyControl {
  const base = controlUrl.replace(/\/+$/, "");
  const call = async (method: "GET" | "PUT" | "POST", path: string, body?: unknown): Promise<unknown> => {
    const what = `${method} ${base}${path}`;
    let res;
    try {
      res = await request(`${base}${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).name;
      throw environmentError(`proxy daemon at ${base} is not reachable (${code}: ${messageOf(error)}); is it running?`, {}, error);
    }
    const text = await res.body.text();
    const json = parseJson(text);
    if (res.statusCode >= 400 && res.statusCode < 500) {
      throw inputError(`${what}: ${res.statusCode} ${(json as { error?: string })?.error ?? text}`);
    }
    if (res.statusCode !== 200) throw environmentError(`${what}: unexpected status ${res.statusCode}: ${text}`);
    return json;
  };
  return {
    list: async () => ((await call("GET", "/proxies")) as { proxies: ProxyStatus[] }).proxies,
    setMode: async (name, mode) =>
      (await call("PUT", `/proxies/${encodeURIComponent(name)}/mode`, parseProxyMode(mode))) as ProxyStatus,
    resetAll: async () => ((await call("POST", "/reset")) as { proxies: ProxyStatus[] }).proxies,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
