// What a protocol reader answers about one node, read live: is it up, which
// role does it hold now, and is it replicating as that role should.
export type LiveRole = "primary" | "standby" | "other";

export interface NodeView {
  node: string;
  up: boolean;
  role: LiveRole;
  /** A primary: how many standbys stream from it; a standby: whether it streams from a primary. */
  replicas?: number;
  streaming?: boolean;
  /** One line for reports: what the node said, or why it could not be asked. */
  detail: string;
}

/** A node that did not answer: down, as far as any client can tell. */
export function unreachable(node: string, error: unknown): NodeView {
  return { node, up: false, role: "other", detail: `unreachable: ${(error as Error).message ?? String(error)}`.slice(0, 240) };
}

/** Reject after `ms`: a hung node must not hang the reader. */
export function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
