// Mapping what Node and the client libraries throw to the coarse error classes a
// sample carries. Codes come from Node's errno names and undici's error codes;
// the postgres and redis probes add their own before falling back to this.
import type { ErrorClass } from "./sample.ts";

const BY_CODE: Record<string, ErrorClass> = {
  ECONNREFUSED: "refused",
  ECONNRESET: "reset",
  EPIPE: "reset",
  ECONNABORTED: "reset",
  UND_ERR_SOCKET: "reset", // undici: "other side closed"
  UND_ERR_CLOSED: "reset",
  ETIMEDOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  EHOSTUNREACH: "unreachable",
  ENETUNREACH: "unreachable",
  EHOSTDOWN: "unreachable",
  ENOTFOUND: "unreachable",
  EAI_AGAIN: "unreachable",
  EADDRNOTAVAIL: "unreachable",
};

/** The errno-style code of an error or of its cause (undici wraps some). */
export function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** The class of a connection-level failure; "error" when nothing more is known. */
export function classifyNetworkError(error: unknown): { error: ErrorClass; detail: string } {
  const code = codeOf(error);
  const cls = (code && BY_CODE[code]) || "error";
  const message = shortMessage(error);
  return { error: cls, detail: code && !message.includes(code) ? `${code}: ${message}` : message };
}
