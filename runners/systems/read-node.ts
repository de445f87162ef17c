// One entry point: read a declared node live by the protocol its plan names.
import type { NodeAccessT } from "../../stacks/lib/index.ts";
import { readHttp } from "./http.ts";
import { readPatroni } from "./patroni.ts";
import { readPostgres } from "./postgres.ts";
import { readRedis, readSentinel } from "./redis.ts";
import type { NodeView } from "./view.ts";

const READERS: Record<NodeAccessT["protocol"], (node: string, url: string, timeoutMs?: number) => Promise<NodeView>> = {
  postgres: readPostgres,
  patroni: readPatroni,
  redis: readRedis,
  sentinel: readSentinel,
  http: readHttp,
};

export function readNode(node: string, access: NodeAccessT, timeoutMs = 2_000): Promise<NodeView> {
  return READERS[access.protocol](node, access.url, timeoutMs);
}
